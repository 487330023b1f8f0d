import { AppError, errorText } from '../../../src/core/AppError';
import { inferManualDefault, stillShowsApplied } from '../../../src/core/status/appliedStatus';
import { parseDuration } from '../../../src/core/status/duration';
import { isUserPresence } from '../../../src/core/status/presets';
import { decideSetStatus, hasValidShape, parseExpiresAt, SetStatusContext, statusReadsFor } from '../../../src/core/status/setStatusRequest';
import { MATCH_ERROR_TEXT } from '../../../src/core/status/statusErrors';
import { normalizeStatusText } from '../../../src/core/status/statusText';
import { StatusUser, targetReference } from '../../../src/core/status/target';
import { parseRoles } from '../../../src/settings/readSettings';

const NOW = new Date('2026-06-10T12:00:00.000Z'); // a Wednesday
const caller: StatusUser = { id: 'u1', username: 'alice', roles: ['user'] };
const admin: StatusUser = { id: 'a1', username: 'root', roles: ['user', 'admin'] };
const bob: StatusUser = { id: 'u2', username: 'Bob', roles: ['user'] };

const context = (over: Partial<SetStatusContext> = {}): SetStatusContext => ({
    caller,
    allowStatusMessageChange: true,
    allowInvisibleStatus: true,
    editOtherUserStatusRoles: ['admin'],
    now: NOW,
    ...over,
});
/** The endpoint's part: look up the user the body names (the engine's lookup), then decide. */
function decide(body: unknown, ctx: SetStatusContext): { target?: StatusUser; change?: object; error?: AppError } {
    const { ref } = statusReadsFor(body, ctx.caller);
    const users = [bob, caller, admin];
    const other =
        ref.kind === 'userId'
            ? users.find((u) => u.id === ref.userId)
            : ref.kind === 'username'
              ? users.find((u) => u.username?.toLowerCase() === ref.username.toLowerCase())
              : undefined;
    const d = decideSetStatus(body, ctx, other);
    return d.ok ? { target: d.target, change: d.change } : { error: d.error };
}
const text = (e?: AppError): string | undefined => (e ? errorText(e) : undefined);

describe('presets', () => {
    it.each(['online', 'away', 'busy', 'offline'])('%s is a preset', (s) => expect(isUserPresence(s)).toBe(true));
    it.each(['disabled', 'invisible', 'Online', '', undefined, 3])('%p is not', (s) => expect(isUserPresence(s)).toBe(false));
});

describe('the default behind a visible status, and whether a user still shows what the app set', () => {
    it.each([
        ['away', 'away', 'online'],
        ['online', 'online', 'online'],
        ['busy', 'online', 'busy'],
        ['offline', 'online', 'offline'],
        ['away', 'online', 'away'],
        ['offline', 'offline', 'online'],
        [undefined, undefined, 'online'],
    ])('status %p over connection %p was the default %p', (status, connection, expected) => {
        expect(inferManualDefault(status, connection)).toBe(expected);
    });
    it.each([
        [{ status: 'busy', statusText: 'meeting', statusConnection: 'online' }, { status: 'busy', message: 'meeting' }, true],
        [{ status: 'offline', statusText: 'meeting', statusConnection: 'offline' }, { status: 'busy', message: 'meeting' }, true],
        [{ status: 'away', statusText: 'x', statusConnection: 'away' }, { status: 'online', message: 'x' }, true],
        [{ status: 'away', statusText: 'x', statusConnection: 'online' }, { status: 'online', message: 'x' }, false],
        [{ status: 'online', statusText: 'meeting', statusConnection: 'online' }, { status: 'busy', message: 'meeting' }, false],
        [{ status: 'busy', statusText: 'lunch', statusConnection: 'online' }, { status: 'busy', message: 'meeting' }, false],
        [{ status: 'busy', statusText: '', statusConnection: 'online' }, { message: '' }, true],
        [{ status: 'away', statusText: 'x', statusConnection: 'online' }, { message: 'x' }, true],
    ] as const)('%p after the app set %p: %p', (shown, applied, expected) => {
        expect(stillShowsApplied(shown, applied)).toBe(expected);
    });
});

describe('status message', () => {
    it('trims', () => expect(normalizeStatusText('  in a meeting \n')).toBe('in a meeting'));
    it('cuts to 120 UTF-16 code units after trimming', () => {
        expect(normalizeStatusText(`  ${'x'.repeat(130)}`)).toBe('x'.repeat(120));
        expect(normalizeStatusText('y'.repeat(120))).toHaveLength(120);
        expect(normalizeStatusText('🎉'.repeat(121))).toBe('🎉'.repeat(60));
    });
    it('never splits a surrogate pair: the dangling half is dropped', () => {
        expect(normalizeStatusText(`${'a'.repeat(119)}🎉`)).toBe('a'.repeat(119));
        expect(normalizeStatusText(`${'a'.repeat(118)}🎉`)).toBe(`${'a'.repeat(118)}🎉`);
    });
    it("'' and blanks clear", () => {
        expect(normalizeStatusText('')).toBe('');
        expect(normalizeStatusText('   ')).toBe('');
    });
});

describe('target resolution', () => {
    it('no userId/username is the caller', () => expect(targetReference({}, caller)).toEqual({ kind: 'self' }));
    it('own userId is the caller', () => expect(targetReference({ userId: 'u1' }, caller)).toEqual({ kind: 'self' }));
    it('own username, any case, is the caller', () => expect(targetReference({ username: 'ALICE' }, caller)).toEqual({ kind: 'self' }));
    it('userId is tried first', () => expect(targetReference({ userId: 'u2', username: 'alice' }, caller)).toEqual({ kind: 'userId', userId: 'u2' }));
    it('another username', () => expect(targetReference({ username: 'bob' }, caller)).toEqual({ kind: 'username', username: 'bob' }));
    it('a name of the wrong type names nobody', () => {
        expect(targetReference({ userId: 42 }, caller)).toEqual({ kind: 'invalid' });
        expect(targetReference({ username: ['bob'] }, caller)).toEqual({ kind: 'invalid' });
    });
    it('a caller without a username', () => expect(targetReference({ username: 'bob' }, { id: 'x' })).toEqual({ kind: 'username', username: 'bob' }));
    it('role lists', () => {
        expect(parseRoles('admin, moderator  owner', ['admin'])).toEqual(['admin', 'moderator', 'owner']);
        expect(parseRoles('', ['admin'])).toEqual([]);
        expect(parseRoles(undefined, ['admin'])).toEqual(['admin']);
        expect(parseRoles(3, ['admin'])).toEqual([]);
    });
});

describe('users.setStatus rules, in order', () => {
    describe('1. shape', () => {
        it.each([
            [{}],
            [{ message: 3 }],
            [{ status: null, message: null }],
            [{ status: 1, message: 'x' }],
            [{ message: 'x', status: 5 }],
            [null],
            ['text'],
            [[]],
            [{ userId: 'u2' }],
        ])('%p is refused with the Match error', async (body) => {
            const d = decide(body, context());
            expect(d.error).toEqual({ kind: 'invalid', text: MATCH_ERROR_TEXT });
            expect(d.change).toBeUndefined();
        });
        it.each([
            [{ message: 'x' }],
            [{ status: 'away' }],
            [{ message: 'x', status: null }],
            [{ status: 'away', message: null }],
            [{ status: 'away', extra: 1 }],
        ])('%p has the shape', (body) => {
            expect(hasValidShape(body)).toBe(true);
        });
        it('the shape is checked before the workspace setting', async () => {
            const d = decide({}, context({ allowStatusMessageChange: false }));
            expect(text(d.error)).toBe(MATCH_ERROR_TEXT);
        });
    });

    describe('2. Accounts_AllowUserStatusMessageChange false', () => {
        it.each([[{ message: 'hi' }], [{ status: 'away' }]])('refuses %p', async (body) => {
            const d = decide(body, context({ allowStatusMessageChange: false }));
            expect(d.error).toEqual({ kind: 'rule', code: 'error-not-allowed', reason: 'Change status is not allowed' });
            expect(text(d.error)).toBe('Change status is not allowed [error-not-allowed]');
            expect(d.change).toBeUndefined();
        });
        it('comes before the target check', async () => {
            const d = decide({ status: 'away', userId: 'u2' }, context({ allowStatusMessageChange: false }));
            expect(d.error?.kind).toBe('rule');
        });
    });

    describe('3. target', () => {
        it('someone else without the role: forbidden', async () => {
            const d = decide({ status: 'away', userId: 'u2' }, context());
            expect(d.error).toEqual({ kind: 'forbidden' });
            expect(d.change).toBeUndefined();
        });
        it('forbidden comes before an unknown target', async () => {
            const d = decide({ status: 'away', username: 'nobody' }, context());
            expect(d.error).toEqual({ kind: 'forbidden' });
        });
        it('with the role: the other user, by id', async () => {
            const d = decide({ status: 'busy', userId: 'u2' }, context({ caller: admin }));
            expect(d).toEqual({ target: bob, change: { status: 'busy' } });
        });
        it('with the role: by username, case-insensitive', async () => {
            const d = decide({ status: 'busy', username: 'BOB' }, context({ caller: admin }));
            expect(d.target).toBe(bob);
        });
        it('the role comes from the setting', async () => {
            const d = decide({ status: 'busy', userId: 'u2' }, context({ editOtherUserStatusRoles: ['user'] }));
            expect(d.target).toBe(bob);
        });
        it('unknown target: error-invalid-user', async () => {
            const d = decide({ status: 'busy', userId: 'nope' }, context({ caller: admin }));
            expect(text(d.error)).toBe('The required "userId" or "username" param provided does not match any users [error-invalid-user]');
            expect(d.error).toMatchObject({ code: 'error-invalid-user' });
            expect(d.change).toBeUndefined();
        });
        it.each([[{ userId: 42 }], [{ username: ['bob'] }], [{ userId: { $ne: null } }]])(
            'a non-string name %p is an unknown user, never the caller',
            async (ref) => {
                const d = decide({ status: 'busy', ...ref }, context({ caller: admin }));
                expect(d.error).toMatchObject({ code: 'error-invalid-user' });
                expect(d.change).toBeUndefined();
            },
        );
        it('oneself needs no role', async () => {
            const d = decide({ status: 'away', username: 'alice' }, context());
            expect(d).toEqual({ target: caller, change: { status: 'away' } });
        });
    });

    describe('4. message', () => {
        it('trimmed and cut to 120', async () => {
            const d = decide({ message: `  ${'m'.repeat(200)}  ` }, context());
            expect(d.change).toEqual({ message: 'm'.repeat(120) });
            expect(d.error).toBeUndefined();
        });
        it("'' clears", async () => {
            expect(decide({ message: '' }, context()).change).toEqual({ message: '' });
        });
    });

    describe('5. status', () => {
        it.each(['disabled', 'invisible', 'ONLINE', 'dnd'])('%p: error-invalid-status, and the message is not applied either', async (status) => {
            const d = decide({ status, message: ' lunch ' }, context());
            expect(text(d.error)).toBe('Valid status types include online, away, offline, and busy. [error-invalid-status]');
            expect(d.change).toBeUndefined();
        });
        it('invalid status without message changes nothing', async () => {
            const d = decide({ status: 'nope' }, context());
            expect(d.change).toBeUndefined();
            expect(d.error).toMatchObject({ code: 'error-invalid-status' });
        });
        it('offline while invisible is disabled: error-status-not-allowed', async () => {
            const d = decide({ status: 'offline' }, context({ allowInvisibleStatus: false }));
            expect(text(d.error)).toBe('Invisible status is disabled [error-status-not-allowed]');
            expect(d.change).toBeUndefined();
        });
        it('offline is fine when allowed', async () => {
            expect(decide({ status: 'offline' }, context()).change).toEqual({ status: 'offline' });
        });
        it.each(['online', 'away', 'busy'])('%s is fine while invisible is disabled', async (status) => {
            expect(decide({ status }, context({ allowInvisibleStatus: false })).change).toEqual({ status });
        });
        it("status '' with a message only sets the message (Rocket.Chat ignores an empty status)", async () => {
            expect(decide({ status: '', message: 'x' }, context())).toEqual({ target: caller, change: { message: 'x' } });
        });
    });

    describe('6. expiresAt', () => {
        it('a future ISO date is kept', async () => {
            const d = decide({ status: 'busy', expiresAt: '2026-06-10T13:00:00.000Z' }, context());
            expect(d.change).toEqual({ status: 'busy', expiresAt: new Date('2026-06-10T13:00:00.000Z') });
        });
        it.each(['2026-06-10T11:00:00Z', '2026-06-10T12:00:00.000Z', 'tomorrow', 'not a date', '2026-13-45', 1781096400000, true, {}])(
            '%p: error-invalid-date',
            async (expiresAt) => {
                const d = decide({ status: 'busy', message: 'm', expiresAt }, context());
                expect(d.error).toMatchObject({ kind: 'rule', code: 'error-invalid-date' });
                expect(d.change).toBeUndefined();
            },
        );
        it('a bad status is reported before a bad date', async () => {
            const d = decide({ status: 'bad', expiresAt: 'bad' }, context());
            expect(d.error).toMatchObject({ code: 'error-invalid-status' });
        });
        it('null is no expiry', async () => {
            expect(decide({ status: 'busy', expiresAt: null }, context()).change).toEqual({ status: 'busy' });
        });
        it('parseExpiresAt', () => {
            expect(parseExpiresAt('2026-06-11', NOW)).toEqual(new Date('2026-06-11T00:00:00.000Z'));
            expect(parseExpiresAt('2020-01-01', NOW)).toBeUndefined();
        });
    });

    it('7. success: message and status together', async () => {
        expect(decide({ status: 'away', message: 'brb', foo: 'ignored' }, context())).toEqual({
            target: caller,
            change: { message: 'brb', status: 'away' },
        });
    });
});

describe('durations', () => {
    const until = (input: string, offset = 0): string => {
        const r = parseDuration(input, NOW, offset);
        if (!r.ok) throw new Error(`${input}: ${r.reason}`);
        return r.until.toISOString();
    };
    it.each([
        ['30m', '2026-06-10T12:30:00.000Z'],
        ['30min', '2026-06-10T12:30:00.000Z'],
        ['1h', '2026-06-10T13:00:00.000Z'],
        ['2h30m', '2026-06-10T14:30:00.000Z'],
        ['1d', '2026-06-11T12:00:00.000Z'],
        ['today', '2026-06-10T23:59:59.999Z'],
        ['tomorrow', '2026-06-11T23:59:59.999Z'],
        ['this week', '2026-06-14T23:59:59.999Z'],
        ['This  Week', '2026-06-14T23:59:59.999Z'],
        ['2026-06-20', '2026-06-20T23:59:59.999Z'],
        ['2026-06-20T09:15', '2026-06-20T09:15:00.000Z'],
        ['2026-06-20T09:15:00Z', '2026-06-20T09:15:00.000Z'],
        ['2026-06-20T09:15:00+02:00', '2026-06-20T07:15:00.000Z'],
    ])('%s -> %s', (input, expected) => expect(until(input)).toBe(expected));
    it('calendar words follow the user UTC offset', () => {
        expect(until('today', -3)).toBe('2026-06-11T02:59:59.999Z');
        expect(until('today', 14)).toBe('2026-06-11T09:59:59.999Z');
        expect(until('2026-06-20', 2)).toBe('2026-06-20T21:59:59.999Z');
    });
    it.each(['0m', '', 'soon', '5x', '2026-02-30', '2026-06-20T25:00', 'h', '1h30'])('%p is invalid', (input) => {
        expect(parseDuration(input, NOW)).toEqual({ ok: false, reason: 'invalid' });
    });
    it.each(['2026-06-09', '2026-06-10T11:00'])('%p is in the past', (input) => expect(parseDuration(input, NOW)).toEqual({ ok: false, reason: 'past' }));
});
