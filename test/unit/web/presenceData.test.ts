import { groupBySection } from '../../../web/src/admin/groupBySection';
import { chartDays, chartScale, describeAudit, lastDates, warningLevel, warningMarkPercent } from '../../../web/src/admin/presenceData';
import { noticeOf } from '../../../web/src/api/notice';

describe("the presence panel's data", () => {
    it('puts the warning level where the app warns: percent of the cap, rounded up, at least 1', () => {
        expect(warningLevel(200, 80)).toBe(160);
        expect(warningLevel(150, 1)).toBe(2);
        expect(warningLevel(10, 1)).toBe(1);
        expect(warningMarkPercent(200, 80, false)).toBe(80);
        expect(warningMarkPercent(150, 1, false)).toBeCloseTo(1.33, 2);
        expect(warningMarkPercent(200, 0, false)).toBeUndefined();
        expect(warningMarkPercent(200, 80, true)).toBeUndefined();
        expect(warningMarkPercent(200, undefined, false)).toBeUndefined();
    });

    it('shows the last 14 UTC days, oldest first, with the days the app kept and gaps for the others', () => {
        const now = new Date('2026-03-02T23:30:00Z');
        expect(lastDates(3, now)).toEqual(['2026-02-28', '2026-03-01', '2026-03-02']);
        const days = chartDays(
            [
                { date: '2026-02-10', peak: 9, cap: 200 },
                { date: '2026-02-28', peak: 4, cap: 200 },
                { date: '2026-03-02', peak: 7, cap: 0 },
            ],
            now,
        );
        expect(days).toHaveLength(14);
        expect(days[0].date).toBe('2026-02-17');
        expect(days.filter((d) => d.day).map((d) => d.date)).toEqual(['2026-02-28', '2026-03-02']);
        expect(chartScale(days)).toBe(7);
        expect(chartScale(chartDays([], now))).toBe(1);
    });

    it("shows an audit entry in the app's words, and its ids when it has none", () => {
        const entry = { _id: '1', ts: '', action: 'presence.on', source: 'console', actor: { _id: 'a', username: 'admin' } };
        expect(describeAudit({ ...entry, actorText: '@admin', text: 'hat den Präsenzdienst eingeschaltet', sourceText: 'Konsole' })).toEqual({
            who: '@admin',
            what: 'hat den Präsenzdienst eingeschaltet',
            source: 'Konsole',
        });
        expect(describeAudit(entry)).toEqual({ who: '@admin', what: 'presence.on', source: 'console' });
    });
});

describe("the app's one-time notice", () => {
    it('is read from the answers of app endpoints only', () => {
        expect(noticeOf('/api/apps/public/app-id/presence.getConnections', { success: true, notice: 'Presence is inactive' })).toBe('Presence is inactive');
        expect(noticeOf('/api/apps/public/app-id/presence.history', { success: false, error: 'x', notice: 'Presence is inactive' })).toBe(
            'Presence is inactive',
        );
        expect(noticeOf('/api/apps/public/app-id/presence.history', { success: true })).toBeUndefined();
        expect(noticeOf('/api/v1/me', { notice: 'not the app' })).toBeUndefined();
        expect(noticeOf('/api/apps/public/app-id/x', 'Unauthorized')).toBeUndefined();
    });
});

describe('the settings page', () => {
    it("groups the settings by section, in the app's order; settings without one go to general", () => {
        const setting = (id: string, section?: string) => ({ id, type: 'string', packageValue: '', section });
        expect(
            groupBySection([setting('a', 's1'), setting('b', 's2'), setting('c', 's1'), setting('d')]).map(([section, items]) => [
                section,
                items.map((s) => s.id),
            ]),
        ).toEqual([
            ['s1', ['a', 'c']],
            ['s2', ['b']],
            ['general', ['d']],
        ]);
    });
});
