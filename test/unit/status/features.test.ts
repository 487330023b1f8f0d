import { parseSpan } from '../../../src/core/status/schedule';
import { describeWorkingHours, isWithinWorkingHours, nextBoundary, parseDays, parseWorkingHours } from '../../../src/core/status/workingHours';
import { UserPresence } from '../../../src/core/status/presets';
import { readRecentStatuses } from '../../../src/services/recentStatuses';
import { setUserStatus } from '../../../src/services/setUserStatus';
import { FakeWorld, makeUser } from '../../doubles/world';
import { decideWarning, warningLevel } from '../../../src/core/presence/EarlyWarning';
import { lastDates, renderHistoryChart } from '../../../src/core/presence/History';

const NOW = new Date('2026-06-10T12:00:00.000Z'); // a Wednesday
const words = (s: string) => s.split(' ');
const iso = (d: Date) => d.toISOString();

describe('scheduled status spans', () => {
    const span = (text: string, offset = 0, now = NOW) => {
        const r = parseSpan(words(text), now, offset);
        return r && (r.ok ? { start: iso(r.start), end: iso(r.end), take: r.take } : r);
    };
    it.each([
        ['from 14:00 to 15:30', { start: '2026-06-10T14:00:00.000Z', end: '2026-06-10T15:30:00.000Z', take: 4 }],
        ['from 14:00 to 15:30 Meeting with Bob', { start: '2026-06-10T14:00:00.000Z', end: '2026-06-10T15:30:00.000Z', take: 4 }],
        ['from 23:00 to 01:00', { start: '2026-06-10T23:00:00.000Z', end: '2026-06-11T01:00:00.000Z', take: 4 }],
        ['from 08:00 to 09:00', { start: '2026-06-11T08:00:00.000Z', end: '2026-06-11T09:00:00.000Z', take: 4 }],
        ['from 11:00 to 13:00', { start: '2026-06-10T12:00:00.000Z', end: '2026-06-10T13:00:00.000Z', take: 4 }],
        ['from tomorrow 09:00 to 10:00', { start: '2026-06-11T09:00:00.000Z', end: '2026-06-11T10:00:00.000Z', take: 5 }],
        ['from 2026-06-20 09:00 to 2026-06-21 17:00', { start: '2026-06-20T09:00:00.000Z', end: '2026-06-21T17:00:00.000Z', take: 6 }],
        ['from 2026-06-20T09:00 to 17:00', { start: '2026-06-20T09:00:00.000Z', end: '2026-06-20T17:00:00.000Z', take: 4 }],
    ])('%p', (text, expected) => expect(span(text)).toEqual(expected));

    it('uses the user offset', () => {
        expect(span('from 14:00 to 15:30', 2)).toEqual({ start: '2026-06-10T12:00:00.000Z', end: '2026-06-10T13:30:00.000Z', take: 4 });
    });

    it.each([
        ['from 25:00 to 26:00', 'invalid'],
        ['from 14:00 until 15:00', 'invalid'],
        ['from 14:00 to', 'invalid'],
        ['from 2026-02-30 09:00 to 10:00', 'invalid'],
        ['from 2026-06-01 09:00 to 2026-06-01 10:00', 'past'],
        ['from 2026-06-20 10:00 to 2026-06-20 09:00', 'order'],
        ['from 2027-06-20 10:00 to 11:00', 'too-far'],
    ])('%p is refused: %s', (text, reason) => expect(span(text)).toMatchObject({ ok: false, reason }));

    it('no `from`: no span', () => expect(parseSpan(words('1h Meeting'), NOW, 0)).toBeUndefined());
});

describe('working hours', () => {
    it.each([
        ['mon-fri', [1, 2, 3, 4, 5]],
        ['sat-sun', [0, 6]],
        ['fri-mon', [0, 1, 5, 6]],
        ['mon,wed,friday', [1, 3, 5]],
        ['funday', undefined],
    ])('days %p', (text, expected) => expect(parseDays(text)).toEqual(expected));

    it('parses hours and days, refuses the rest', () => {
        expect(parseWorkingHours(['09:00-17:30'], 2)).toEqual({ start: 540, end: 1050, days: [1, 2, 3, 4, 5], utcOffset: 2 });
        expect(describeWorkingHours(parseWorkingHours(['08:00-16:00', 'mon,tue'], 0)!)).toBe('08:00-16:00 mon,tue');
        for (const bad of [['17:00-09:00'], ['9-17'], ['09:00-17:00', 'someday'], [], ['a', 'b', 'c']]) {
            expect(parseWorkingHours(bad, 0)).toBeUndefined();
        }
    });

    const hours = parseWorkingHours(['09:00-17:00'], 0)!;
    it.each([
        ['2026-06-10T12:00:00Z', true],
        ['2026-06-10T08:59:00Z', false],
        ['2026-06-10T17:00:00Z', false],
        ['2026-06-13T12:00:00Z', false],
    ])('%s within: %p', (at, expected) => expect(isWithinWorkingHours(hours, new Date(at))).toBe(expected));

    it.each([
        ['2026-06-10T12:00:00Z', '2026-06-10T17:00:00.000Z', 'end'],
        ['2026-06-10T18:00:00Z', '2026-06-11T09:00:00.000Z', 'start'],
        ['2026-06-12T17:00:00Z', '2026-06-15T09:00:00.000Z', 'start'],
        ['2026-06-13T10:00:00Z', '2026-06-15T09:00:00.000Z', 'start'],
    ])('after %s the next boundary is %s (%s)', (at, next, kind) => {
        const b = nextBoundary(hours, new Date(at));
        expect([iso(b.at), b.kind]).toEqual([next, kind]);
    });

    it('follows the user offset', () => {
        const tokyo = parseWorkingHours(['09:00-17:00'], 9)!;
        expect(iso(nextBoundary(tokyo, new Date('2026-06-10T12:00:00Z')).at)).toBe('2026-06-11T00:00:00.000Z');
    });
});

describe('recent statuses', () => {
    const note = async (world: FakeWorld, set: Array<[UserPresence | undefined, string | undefined]>) => {
        for (const [status, message] of set) {
            const user = world.users.get('u1')!;
            expect((await setUserStatus(world.env(), { user, status, message, pending: null }, { recent: { mode: 'add' } })).ok).toBe(true);
        }
    };

    it('keeps the last five distinct pairs with a message, the latest first; a bare preset and a clear are none', async () => {
        const world = new FakeWorld();
        world.addUser(makeUser('u1'));
        await note(world, [
            ['busy', 'a'],
            ['away', 'b'],
            ['busy', 'a'],
            ['online', ''],
            ['away', undefined],
            ['busy', 'c'],
            ['away', 'd'],
            ['offline', 'e'],
            [undefined, 'f'],
        ]);
        expect(await readRecentStatuses(world.read(), 'u1')).toEqual([
            { message: 'f' },
            { status: 'offline', message: 'e' },
            { status: 'away', message: 'd' },
            { status: 'busy', message: 'c' },
            { status: 'busy', message: 'a' },
        ]);
        // one record per pair, the older ones gone
        expect(world.recordsWith('misc:recent-status')).toHaveLength(5);
    });

    it('after busy "Deep work", away "Lunch" and online, the second is busy "Deep work" (SPEC §5)', async () => {
        const world = new FakeWorld();
        world.addUser(makeUser('u1'));
        await note(world, [
            ['busy', 'Deep work'],
            ['away', 'Lunch'],
            ['online', undefined],
        ]);
        expect((await readRecentStatuses(world.read(), 'u1'))[1]).toEqual({ status: 'busy', message: 'Deep work' });
    });

    it('a list kept the old way (one record) is read, and becomes pairs at the next note', async () => {
        const world = new FakeWorld();
        world.addUser(makeUser('u1'));
        const legacy = [
            { status: 'busy', message: 'x' },
            { status: 'away', message: 'y' },
        ];
        world.store.push({ id: 'legacy', data: { userId: 'u1', recent: legacy }, keys: new Set(['user:u1', 'misc:recent-statuses']) });
        expect(await readRecentStatuses(world.read(), 'u1')).toEqual(legacy);
        await note(world, [['online', 'z']]);
        expect(await readRecentStatuses(world.read(), 'u1')).toEqual([{ status: 'online', message: 'z' }, ...legacy]);
        expect(world.recordsWith('misc:recent-statuses')).toEqual([]);
    });
});

describe('early warning', () => {
    it('warns once at the level, again only after the count fell ten points below it', () => {
        expect(warningLevel(200, 80)).toBe(160);
        expect(decideWarning(true, 159, 200, 80, false)).toBe('none');
        expect(decideWarning(true, 160, 200, 80, false)).toBe('warn');
        expect(decideWarning(false, 170, 200, 80, false)).toBe('none');
        expect(decideWarning(false, 141, 200, 80, false)).toBe('none');
        expect(decideWarning(false, 139, 200, 80, false)).toBe('rearm');
    });
    it('says nothing over the cap, with no cap, or with a percent of 0', () => {
        expect(decideWarning(true, 201, 200, 80, false)).toBe('none');
        expect(decideWarning(true, 500, 200, 80, true)).toBe('none');
        expect(decideWarning(true, 180, 200, 0, false)).toBe('none');
    });
});

describe('connection history chart', () => {
    it('one line per day, the peak against the cap; a day without data says so', () => {
        const dates = lastDates(3, new Date('2026-12-06T10:00:00Z'));
        expect(dates).toEqual(['2026-12-04', '2026-12-05', '2026-12-06']);
        const chart = renderHistoryChart(
            [
                { date: '2026-12-04', peak: 100, cap: 200 },
                { date: '2026-12-06', peak: 230, cap: 200 },
            ],
            dates,
            10,
        );
        expect(chart).toBe('12-04 █████░░░░░ 100 / 200\n12-05 ░░░░░░░░░░ –\n12-06 ██████████ 230 / 200');
    });
});
