import type { AuditEntry } from '../../../src/core/audit/AuditEntry';
import { withAuditText } from '../../../src/services/reports/auditText';

const entry = (fields: Partial<AuditEntry> & Pick<AuditEntry, 'action' | 'source'>): AuditEntry => ({
    _id: 'x',
    ts: '2026-03-02T10:00:00Z',
    details: {},
    ...fields,
});
const words = (e: AuditEntry, language = 'en') => {
    const [{ actorText, text, sourceText }] = withAuditText([e], language);
    return { actorText, text, sourceText };
};

describe('the audit trail in words', () => {
    it('says who, what and from where for every action, in the reader language', () => {
        expect(
            words(
                entry({
                    action: 'custom-user-status.update',
                    source: 'console',
                    actor: { _id: 'a', username: 'admin' },
                    details: { name: 'Deep focus', statusType: 'busy', previous: { name: 'Focus', statusType: 'busy' } },
                }),
            ),
        ).toEqual({ actorText: '@admin', text: 'changed the custom status "Focus" to "Deep focus" (Busy)', sourceText: 'console' });
        expect(words(entry({ action: 'presence.off', source: 'cap', details: { reason: 'cap', count: 201, cap: 200 } }))).toEqual({
            actorText: 'the app',
            text: 'turned the presence service off (201 connections, cap 200)',
            sourceText: 'connection cap',
        });
        expect(words(entry({ action: 'presence.off', source: 'settings', details: { reason: 'admin', count: 0, cap: 200 } }))).toEqual({
            actorText: 'an admin',
            text: 'turned the presence service off',
            sourceText: 'settings page',
        });
        expect(words(entry({ action: 'presence.off', source: 'server', details: { reason: 'server', count: 250, cap: 200 } })).text).toBe(
            'took over the turn-off: Rocket.Chat stopped presence itself (250 connections)',
        );
        expect(
            words(
                entry({
                    action: 'user-status.set',
                    source: 'rest',
                    actor: { _id: 'a', username: 'admin' },
                    target: { _id: 'b', username: 'bob' },
                    details: { status: 'away', message: 'Lunch' },
                }),
            ).text,
        ).toMatch(/^set the status of @bob: .*Away.*Lunch/);
        expect(words(entry({ action: 'presence.on', source: 'console', actor: { _id: 'a', username: 'admin' } }), 'de').text).toBe(
            'hat den Präsenzdienst eingeschaltet',
        );
        expect(words(entry({ action: 'presence.off', source: 'settings', details: { reason: 'admin' } }), 'de').actorText).toBe('ein Admin');
    });

    it('names an action written by a newer version by its id', () => {
        expect(words({ ...entry({ action: 'presence.on', source: 'rest' }), action: 'something.new' as AuditEntry['action'] }).text).toBe('something.new');
    });
});
