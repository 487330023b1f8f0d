import { MAX_STEPS_PER_EVENT } from '../../../src/core/calendar/calendarLimits';
import { civilFromDays, DAY_MS, dayOf, daysFromCivil, HOUR_MS, MINUTE_MS } from '../../../src/core/calendar/civilDays';
import { expandRule, seriesInstances, StepBudget } from '../../../src/core/calendar/recurrence';
import { parseRrule, Rrule } from '../../../src/core/calendar/rrule';
import { ianaZone, UTC_ZONE, Zone } from '../../../src/core/calendar/zones';

const local = (y: number, mo: number, d: number, h = 0, mi = 0) => daysFromCivil(y, mo, d) * DAY_MS + h * HOUR_MS + mi * MINUTE_MS;
const berlin = ianaZone('Europe/Berlin') as Zone;
const newYork = ianaZone('America/New_York') as Zone;

function rule(text: string): Rrule {
    const parsed = parseRrule(text);
    if (!parsed.ok) {
        throw new Error(`${text}: ${parsed.reason}`);
    }
    return parsed.rule;
}

/** The dates (YYYYMMDD) a rule makes from a start, read on the wall clock. */
function dates(text: string, start: string, until = '21000101'): string[] {
    const [y, mo, d] = [start.slice(0, 4), start.slice(4, 6), start.slice(6, 8)].map(Number);
    const [uy, umo, ud] = [until.slice(0, 4), until.slice(4, 6), until.slice(6, 8)].map(Number);
    const { locals } = expandRule(rule(text), local(y, mo, d, 9), UTC_ZONE, local(1900, 1, 1), local(uy, umo, ud), MAX_STEPS_PER_EVENT);
    return locals.map((l) => {
        const c = civilFromDays(dayOf(l));
        return `${c.year}${String(c.month).padStart(2, '0')}${String(c.day).padStart(2, '0')}`;
    });
}

describe('RRULE parts', () => {
    it('reads the parts calendars publish', () => {
        expect(parseRrule('FREQ=WEEKLY;UNTIL=20261231T080000Z;INTERVAL=2;BYDAY=TU,-1FR,2mo;WKST=SU;COUNT=5;BYMONTHDAY=1,-1;BYMONTH=3;BYSETPOS=-1')).toEqual({
            ok: true,
            rule: {
                freq: 'WEEKLY',
                interval: 2,
                until: { kind: 'utc', utc: Date.UTC(2026, 11, 31, 8) },
                byDay: [{ weekday: 2 }, { weekday: 5, ordinal: -1 }, { weekday: 1, ordinal: 2 }],
                wkst: 0,
                count: 5,
                byMonthDay: [1, -1],
                byMonth: [3],
                bySetPos: [-1],
            },
        });
        expect(parseRrule('freq=daily')).toEqual({ ok: true, rule: { freq: 'DAILY', interval: 1, wkst: 1 } });
        expect(parseRrule('FREQ=YEARLY;RSCALE=GREGORIAN;X-NAME=1;')).toEqual({ ok: true, rule: { freq: 'YEARLY', interval: 1, wkst: 1 } });
    });

    it.each([
        'FREQ=HOURLY',
        'FREQ=MINUTELY;COUNT=3',
        'FREQ=SECONDLY',
        'FREQ=DAILY;BYHOUR=9,17',
        'FREQ=YEARLY;BYWEEKNO=20',
        'FREQ=YEARLY;BYYEARDAY=100',
        'FREQ=DAILY;BYMINUTE=0',
        'FREQ=YEARLY;RSCALE=CHINESE',
    ])('%s is unsupported', (text) => expect(parseRrule(text)).toEqual({ ok: false, reason: 'unsupported' }));

    it.each([
        '',
        'COUNT=3',
        'FREQ=FORTNIGHTLY',
        'FREQ=DAILY;INTERVAL=0',
        'FREQ=DAILY;INTERVAL=-1',
        'FREQ=DAILY;INTERVAL=99999',
        'FREQ=DAILY;COUNT=0',
        'FREQ=DAILY;COUNT=x',
        'FREQ=DAILY;UNTIL=tomorrow',
        'FREQ=WEEKLY;BYDAY=XX',
        'FREQ=MONTHLY;BYDAY=0MO',
        'FREQ=MONTHLY;BYDAY=54MO',
        'FREQ=MONTHLY;BYMONTHDAY=32',
        'FREQ=MONTHLY;BYMONTHDAY=0',
        'FREQ=YEARLY;BYMONTH=13',
        'FREQ=YEARLY;BYMONTH=-1',
        'FREQ=WEEKLY;WKST=XX',
        'FREQ=DAILY;garbage',
    ])('%p is invalid', (text) => expect(parseRrule(text)).toEqual({ ok: false, reason: 'invalid' }));
});

describe("expansion: RFC 5545's own examples (3.8.5.3)", () => {
    it.each([
        [
            'daily for 10 occurrences',
            'FREQ=DAILY;COUNT=10',
            '19970902',
            ['19970902', '19970903', '19970904', '19970905', '19970906', '19970907', '19970908', '19970909', '19970910', '19970911'],
        ],
        ['every 10 days, 5 occurrences', 'FREQ=DAILY;INTERVAL=10;COUNT=5', '19970902', ['19970902', '19970912', '19970922', '19971002', '19971012']],
        ['daily until December 24, 1997 (UNTIL inclusive)', 'FREQ=DAILY;UNTIL=19970905T090000Z', '19970902', ['19970902', '19970903', '19970904', '19970905']],
        [
            'weekly on Tuesday and Thursday for five weeks',
            'FREQ=WEEKLY;UNTIL=19971007T000000Z;WKST=SU;BYDAY=TU,TH',
            '19970902',
            ['19970902', '19970904', '19970909', '19970911', '19970916', '19970918', '19970923', '19970925', '19970930', '19971002'],
        ],
        [
            'every other week on Monday, Wednesday and Friday until December 24, 1997',
            'FREQ=WEEKLY;INTERVAL=2;UNTIL=19971224T000000Z;WKST=SU;BYDAY=MO,WE,FR',
            '19970901',
            [
                '19970901',
                '19970903',
                '19970905',
                '19970915',
                '19970917',
                '19970919',
                '19970929',
                '19971001',
                '19971003',
                '19971013',
                '19971015',
                '19971017',
                '19971027',
                '19971029',
                '19971031',
                '19971110',
                '19971112',
                '19971114',
                '19971124',
                '19971126',
                '19971128',
                '19971208',
                '19971210',
                '19971212',
                '19971222',
            ],
        ],
        [
            'every other week on Tuesday and Thursday, 8 occurrences',
            'FREQ=WEEKLY;INTERVAL=2;COUNT=8;WKST=SU;BYDAY=TU,TH',
            '19970902',
            ['19970902', '19970904', '19970916', '19970918', '19970930', '19971002', '19971014', '19971016'],
        ],
        [
            'monthly on the first Friday for 10 occurrences',
            'FREQ=MONTHLY;COUNT=10;BYDAY=1FR',
            '19970905',
            ['19970905', '19971003', '19971107', '19971205', '19980102', '19980206', '19980306', '19980403', '19980501', '19980605'],
        ],
        [
            'every other month on the first and last Sunday, 10 occurrences',
            'FREQ=MONTHLY;INTERVAL=2;COUNT=10;BYDAY=1SU,-1SU',
            '19970907',
            ['19970907', '19970928', '19971102', '19971130', '19980104', '19980125', '19980301', '19980329', '19980503', '19980531'],
        ],
        [
            'monthly on the second-to-last Monday for 6 months',
            'FREQ=MONTHLY;COUNT=6;BYDAY=-2MO',
            '19970922',
            ['19970922', '19971020', '19971117', '19971222', '19980119', '19980216'],
        ],
        [
            'monthly on the third-to-the-last day',
            'FREQ=MONTHLY;BYMONTHDAY=-3;COUNT=6',
            '19970928',
            ['19970928', '19971029', '19971128', '19971229', '19980129', '19980226'],
        ],
        [
            'monthly on the 2nd and 15th for 10 occurrences',
            'FREQ=MONTHLY;COUNT=10;BYMONTHDAY=2,15',
            '19970902',
            ['19970902', '19970915', '19971002', '19971015', '19971102', '19971115', '19971202', '19971215', '19980102', '19980115'],
        ],
        [
            'monthly on the first and last day for 10 occurrences',
            'FREQ=MONTHLY;COUNT=10;BYMONTHDAY=1,-1',
            '19970930',
            ['19970930', '19971001', '19971031', '19971101', '19971130', '19971201', '19971231', '19980101', '19980131', '19980201'],
        ],
        [
            'yearly in June and July for 10 occurrences',
            'FREQ=YEARLY;COUNT=10;BYMONTH=6,7',
            '19970610',
            ['19970610', '19970710', '19980610', '19980710', '19990610', '19990710', '20000610', '20000710', '20010610', '20010710'],
        ],
        ['every 20th Monday of the year', 'FREQ=YEARLY;BYDAY=20MO;COUNT=3', '19970519', ['19970519', '19980518', '19990517']],
        [
            'every Thursday in March',
            'FREQ=YEARLY;BYMONTH=3;BYDAY=TH;COUNT=6',
            '19970313',
            ['19970313', '19970320', '19970327', '19980305', '19980312', '19980319'],
        ],
        [
            'every Friday the 13th (DTSTART counts, though no Friday 13th)',
            'FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13;COUNT=5',
            '19970902',
            ['19970902', '19980213', '19980313', '19981113', '19990813'],
        ],
        [
            'the first Saturday that follows the first Sunday of the month',
            'FREQ=MONTHLY;BYDAY=SA;BYMONTHDAY=7,8,9,10,11,12,13;COUNT=10',
            '19970913',
            ['19970913', '19971011', '19971108', '19971213', '19980110', '19980207', '19980307', '19980411', '19980509', '19980613'],
        ],
        [
            'the third Tuesday, Wednesday or Thursday of the month, 3 times',
            'FREQ=MONTHLY;COUNT=3;BYDAY=TU,WE,TH;BYSETPOS=3',
            '19970904',
            ['19970904', '19971007', '19971106'],
        ],
        [
            'the last work day of the month',
            'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1;COUNT=6',
            '19970930',
            ['19970930', '19971031', '19971128', '19971231', '19980130', '19980227'],
        ],
        [
            'WKST matters: Tuesday and Sunday every other week, weeks from Monday',
            'FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=MO',
            '19970805',
            ['19970805', '19970810', '19970819', '19970824'],
        ],
        [
            'WKST matters: the same, weeks from Sunday',
            'FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=SU',
            '19970805',
            ['19970805', '19970817', '19970819', '19970831'],
        ],
        [
            'invalid dates are skipped, not moved (the 15th and 30th)',
            'FREQ=MONTHLY;BYMONTHDAY=15,30;COUNT=5',
            '20070115',
            ['20070115', '20070130', '20070215', '20070315', '20070330'],
        ],
    ])('%s', (_name, text, start, expected) => expect(dates(text, start)).toEqual(expected));
});

describe('expansion: what meetings do', () => {
    it.each([
        ['monthly on the 31st skips short months', 'FREQ=MONTHLY;COUNT=4', '20260131', ['20260131', '20260331', '20260531', '20260731']],
        ['yearly on Feb 29 only in leap years', 'FREQ=YEARLY;COUNT=3', '20240229', ['20240229', '20280229', '20320229']],
        [
            'every weekday',
            'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;COUNT=7',
            '20260305',
            ['20260305', '20260306', '20260309', '20260310', '20260311', '20260312', '20260313'],
        ],
        ['daily on weekdays (BYDAY filters a daily rule)', 'FREQ=DAILY;BYDAY=MO,WE;COUNT=3', '20260302', ['20260302', '20260304', '20260309']],
        ['monthly on the second Tuesday', 'FREQ=MONTHLY;BYDAY=2TU;COUNT=3', '20260310', ['20260310', '20260414', '20260512']],
        ['monthly on the last Friday', 'FREQ=MONTHLY;BYDAY=-1FR;COUNT=3', '20260130', ['20260130', '20260227', '20260327']],
        ['yearly on the last Sunday of October', 'FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU;COUNT=3', '20261025', ['20261025', '20271031', '20281029']],
        [
            'yearly on the first of each month (BYMONTHDAY without BYMONTH)',
            'FREQ=YEARLY;BYMONTHDAY=1;COUNT=3',
            '20260101',
            ['20260101', '20260201', '20260301'],
        ],
        ['quarterly (monthly, interval 3)', 'FREQ=MONTHLY;INTERVAL=3;COUNT=3', '20260115', ['20260115', '20260415', '20260715']],
        ['UNTIL as a date includes that day', 'FREQ=DAILY;UNTIL=20260304', '20260302', ['20260302', '20260303', '20260304']],
        ['UNTIL before DTSTART leaves DTSTART alone', 'FREQ=DAILY;UNTIL=20200101T000000Z', '20260302', ['20260302']],
        ['COUNT=1 is DTSTART', 'FREQ=DAILY;COUNT=1', '20260302', ['20260302']],
    ])('%s', (_name, text, start, expected) => expect(dates(text, start)).toEqual(expected));

    it('a rule without COUNT goes straight to the window, however old its start', () => {
        const expansion = expandRule(rule('FREQ=DAILY'), local(1970, 1, 1, 9), UTC_ZONE, local(2026, 3, 1), local(2026, 3, 15), MAX_STEPS_PER_EVENT);
        expect(expansion.locals).toHaveLength(14);
        expect(expansion.locals[0]).toBe(local(2026, 3, 1, 9));
        expect(expansion.steps).toBeLessThan(40);
        const weekly = expandRule(
            rule('FREQ=WEEKLY;INTERVAL=3;BYDAY=MO,TH'),
            local(1990, 1, 1, 9),
            UTC_ZONE,
            local(2026, 3, 1),
            local(2026, 4, 1),
            MAX_STEPS_PER_EVENT,
        );
        expect(weekly.steps).toBeLessThan(40);
        // the jump keeps the series' phase: every third week counted from 1990-01-01
        for (const l of weekly.locals) {
            const weeks = Math.floor((dayOf(l) - daysFromCivil(1990, 1, 1)) / 7);
            expect(weeks % 3).toBe(0);
        }
    });

    it('a rule with COUNT counts from its start (the window does not shift the count)', () => {
        const inWindow = expandRule(rule('FREQ=DAILY;COUNT=10'), local(2026, 3, 1, 9), UTC_ZONE, local(2026, 3, 8), local(2026, 4, 1), MAX_STEPS_PER_EVENT);
        expect(inWindow.locals.map((l) => civilFromDays(dayOf(l)).day)).toEqual([8, 9, 10]);
    });
});

describe('expansion in the zone of the event, across daylight saving', () => {
    const budget = (): StepBudget => ({ remaining: 1_000_000 });

    it('a 09:00 Berlin weekly meeting stays 09:00 in Berlin (08:00Z in winter, 07:00Z in summer)', () => {
        const { instances } = seriesInstances(
            { start: local(2026, 3, 16, 9), zone: berlin, rule: rule('FREQ=WEEKLY'), rdates: [], removed: [] },
            Date.UTC(2026, 2, 16),
            Date.UTC(2026, 3, 7),
            budget(),
        );
        expect(instances.map((i) => new Date(i.utc).toISOString())).toEqual([
            '2026-03-16T08:00:00.000Z',
            '2026-03-23T08:00:00.000Z',
            '2026-03-30T07:00:00.000Z',
            '2026-04-06T07:00:00.000Z',
        ]);
    });

    it('a daily 02:30 Berlin meeting on the spring-forward night is at 03:30 CEST; on the fall-back night at the first 02:30', () => {
        const spring = seriesInstances(
            { start: local(2026, 3, 28, 2, 30), zone: berlin, rule: rule('FREQ=DAILY;COUNT=3'), rdates: [], removed: [] },
            0,
            Date.UTC(2027, 0, 1),
            budget(),
        );
        expect(spring.instances.map((i) => new Date(i.utc).toISOString())).toEqual([
            '2026-03-28T01:30:00.000Z',
            '2026-03-29T01:30:00.000Z',
            '2026-03-30T00:30:00.000Z',
        ]);
        const autumn = seriesInstances(
            { start: local(2026, 10, 24, 2, 30), zone: berlin, rule: rule('FREQ=DAILY;COUNT=3'), rdates: [], removed: [] },
            0,
            Date.UTC(2027, 0, 1),
            budget(),
        );
        expect(autumn.instances.map((i) => new Date(i.utc).toISOString())).toEqual([
            '2026-10-24T00:30:00.000Z',
            '2026-10-25T00:30:00.000Z',
            '2026-10-26T01:30:00.000Z',
        ]);
    });

    it('a weekly 10:00 New York meeting moves in UTC when New York changes, not when Berlin does', () => {
        const { instances } = seriesInstances(
            { start: local(2026, 3, 3, 10), zone: newYork, rule: rule('FREQ=WEEKLY'), rdates: [], removed: [] },
            Date.UTC(2026, 2, 1),
            Date.UTC(2026, 3, 1),
            budget(),
        );
        expect(instances.map((i) => new Date(i.utc).toISOString())).toEqual([
            '2026-03-03T15:00:00.000Z',
            '2026-03-10T14:00:00.000Z',
            '2026-03-17T14:00:00.000Z',
            '2026-03-24T14:00:00.000Z',
            '2026-03-31T14:00:00.000Z',
        ]);
    });

    it('UNTIL in UTC ends a zoned series at that instant, whatever the local day', () => {
        // Outlook: UNTIL is the last instance's start in UTC
        const { instances } = seriesInstances(
            { start: local(2026, 3, 2, 9), zone: berlin, rule: rule('FREQ=DAILY;UNTIL=20260304T080000Z'), rdates: [], removed: [] },
            0,
            Date.UTC(2027, 0, 1),
            budget(),
        );
        expect(instances).toHaveLength(3);
    });
});

describe('RDATE, EXDATE and overridden instances', () => {
    const budget = (): StepBudget => ({ remaining: 1_000_000 });
    const series = { start: local(2026, 3, 2, 9), zone: berlin, rule: rule('FREQ=DAILY;COUNT=5') };

    it('EXDATE removes an exact instance; a date EXDATE removes the instances of that local day', () => {
        const { instances } = seriesInstances(
            { ...series, rdates: [], removed: [{ utc: Date.UTC(2026, 2, 3, 8) }, { day: daysFromCivil(2026, 3, 5) }] },
            0,
            Date.UTC(2027, 0, 1),
            budget(),
        );
        expect(instances.map((i) => new Date(i.utc).getUTCDate())).toEqual([2, 4, 6]);
    });

    it('an EXDATE that matches no instance removes nothing (and COUNT still counts the removed ones)', () => {
        const { instances } = seriesInstances({ ...series, rdates: [], removed: [{ utc: Date.UTC(2026, 2, 3, 8, 1) }] }, 0, Date.UTC(2027, 0, 1), budget());
        expect(instances).toHaveLength(5);
    });

    it('RDATE adds instances, once each, sorted', () => {
        const { instances } = seriesInstances(
            { ...series, rdates: [Date.UTC(2026, 2, 1, 12), Date.UTC(2026, 2, 2, 8), Date.UTC(2026, 2, 1, 12)], removed: [] },
            0,
            Date.UTC(2027, 0, 1),
            budget(),
        );
        expect(instances.map((i) => new Date(i.utc).toISOString()).slice(0, 3)).toEqual([
            '2026-03-01T12:00:00.000Z',
            '2026-03-02T08:00:00.000Z',
            '2026-03-03T08:00:00.000Z',
        ]);
        expect(instances).toHaveLength(6);
    });

    it('only instances starting within the window', () => {
        const { instances } = seriesInstances({ ...series, rdates: [], removed: [] }, Date.UTC(2026, 2, 3, 8), Date.UTC(2026, 2, 5, 8), budget());
        expect(instances.map((i) => new Date(i.utc).getUTCDate())).toEqual([3, 4]);
    });
});

describe('hostile rules end', () => {
    it('a huge COUNT from the year 1 stops at the step cap, incomplete', () => {
        const expansion = expandRule(
            rule('FREQ=DAILY;COUNT=999999999999'),
            local(1, 1, 1, 9),
            UTC_ZONE,
            local(2026, 3, 1),
            local(2026, 3, 15),
            MAX_STEPS_PER_EVENT,
        );
        expect(expansion.complete).toBe(false);
        expect(expansion.locals).toEqual([]);
        expect(expansion.steps).toBeLessThanOrEqual(MAX_STEPS_PER_EVENT + 400);
    });

    it('a rule that never matches ends at the window (no COUNT) or at the cap (COUNT)', () => {
        const never = expandRule(
            rule('FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30'),
            local(2000, 1, 1, 9),
            UTC_ZONE,
            local(2026, 3, 1),
            local(2026, 3, 15),
            MAX_STEPS_PER_EVENT,
        );
        expect(never).toEqual({ locals: [], complete: true, steps: expect.any(Number) });
        expect(never.steps).toBeLessThan(40);
        const counted = expandRule(
            rule('FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30;COUNT=5'),
            local(1, 1, 1, 9),
            UTC_ZONE,
            local(2026, 3, 1),
            local(2026, 3, 15),
            MAX_STEPS_PER_EVENT,
        );
        expect(counted.locals).toEqual([]);
    });

    it('a yearly rule with every weekday of every month counts its candidate days as steps', () => {
        const busy = expandRule(
            rule('FREQ=YEARLY;BYMONTH=1,2,3,4,5,6,7,8,9,10,11,12;BYDAY=MO,TU,WE,TH,FR,SA,SU;COUNT=99999999'),
            local(1900, 1, 1),
            UTC_ZONE,
            local(2026, 3, 1),
            local(2026, 3, 15),
            10_000,
        );
        expect(busy.complete).toBe(false);
        expect(busy.steps).toBeLessThanOrEqual(10_000 + 400);
    });

    it('a series ends at the year 9999', () => {
        const far = expandRule(rule('FREQ=DAILY'), local(9999, 12, 30), UTC_ZONE, local(1, 1, 1), Infinity, MAX_STEPS_PER_EVENT);
        expect(far).toEqual({ locals: [local(9999, 12, 30), local(9999, 12, 31)], complete: true, steps: expect.any(Number) });
    });

    it("the feed's shared budget stops every later series", () => {
        const shared: StepBudget = { remaining: 100 };
        const first = seriesInstances(
            { start: local(1, 1, 1), zone: UTC_ZONE, rule: rule('FREQ=DAILY;COUNT=1000000'), rdates: [], removed: [] },
            0,
            Date.UTC(2027, 0, 1),
            shared,
        );
        expect(first.complete).toBe(false);
        const next = seriesInstances(
            { start: local(2026, 3, 2, 9), zone: UTC_ZONE, rule: rule('FREQ=DAILY'), rdates: [], removed: [] },
            0,
            Date.UTC(2026, 3, 1),
            shared,
        );
        expect(next).toEqual({ instances: [], complete: false });
    });
});
