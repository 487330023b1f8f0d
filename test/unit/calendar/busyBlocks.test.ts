import { busyBlocks, BusyBlocksResult } from '../../../src/core/calendar/busyBlocks';
import { busyKindOf } from '../../../src/core/calendar/busyRules';
import { HOUR_MS } from '../../../src/core/calendar/civilDays';
import { parseIcs } from '../../../src/core/calendar/icsParser';
import { BusyBlock, mergeBlocks } from '../../../src/core/calendar/mergeBlocks';
import { fixedZone, ianaZone, Zone } from '../../../src/core/calendar/zones';
import { ics } from './feeds';

const berlin = ianaZone('Europe/Berlin') as Zone;
const NOW = Date.UTC(2026, 5, 8, 6); // Monday 8 June 2026, 08:00 in Berlin

function blocksOf(events: string[][], options: { now?: number; zone?: Zone; extra?: string[] } = {}): BusyBlocksResult {
    const parsed = parseIcs(ics(['BEGIN:VCALENDAR', ...(options.extra ?? []), ...([] as string[]).concat(...events), 'END:VCALENDAR']));
    if (!parsed.ok) {
        throw new Error(parsed.error.code);
    }
    return busyBlocks({ calendar: parsed.value, now: options.now ?? NOW, userZone: options.zone ?? berlin });
}

const event = (...lines: string[]) => ['BEGIN:VEVENT', ...lines, 'END:VEVENT'];
const iso = (blocks: BusyBlock[]) =>
    blocks.map((b) => `${new Date(b.start).toISOString().slice(5, 16)}–${new Date(b.end).toISOString().slice(5, 16)} ${b.kind}`);

describe('what counts (SPEC 7)', () => {
    it.each([
        ['a confirmed meeting', {}, false, 'busy'],
        ['a tentative meeting counts as busy', { status: 'TENTATIVE' }, false, 'busy'],
        ["Outlook's TENTATIVE counts as busy", { busyStatus: 'TENTATIVE' }, false, 'busy'],
        ["Outlook's BUSY", { busyStatus: 'BUSY' }, false, 'busy'],
        ["Outlook's OOF is out of office", { busyStatus: 'OOF' }, false, 'ooo'],
        ['a cancelled meeting', { status: 'CANCELLED' }, false, undefined],
        ['a meeting marked free (TRANSPARENT)', { transp: 'TRANSPARENT' }, false, undefined],
        ["Outlook's FREE", { busyStatus: 'FREE' }, false, undefined],
        ["Outlook's WORKINGELSEWHERE", { busyStatus: 'WORKINGELSEWHERE' }, false, undefined],
        ['TRANSPARENT leaves out even an OOF', { transp: 'TRANSPARENT', busyStatus: 'OOF' }, false, undefined],
        ['an all-day event', {}, true, undefined],
        ['an all-day tentative event', { busyStatus: 'TENTATIVE' }, true, undefined],
        ['an all-day event marked BUSY', { busyStatus: 'BUSY' }, true, 'busy'],
        ['an all-day event marked OOF', { busyStatus: 'OOF' }, true, 'ooo'],
        ['an all-day cancelled OOF', { busyStatus: 'OOF', status: 'CANCELLED' }, true, undefined],
    ])('%s', (_name, marks, allDay, kind) => expect(busyKindOf(marks, allDay)).toBe(kind));
});

describe('merging blocks', () => {
    const b = (start: number, end: number, kind: 'busy' | 'ooo' = 'busy'): BusyBlock => ({ start, end, kind });
    it.each([
        ['overlapping busy blocks become one', [b(1, 5), b(3, 8)], [b(1, 8)]],
        ['adjacent busy blocks become one', [b(1, 3), b(3, 5), b(5, 6)], [b(1, 6)]],
        ['one inside another', [b(1, 10), b(2, 3)], [b(1, 10)]],
        ['apart stay apart, sorted', [b(7, 9), b(1, 3)], [b(1, 3), b(7, 9)]],
        ['out of office wins its span inside a busy block', [b(1, 10), b(4, 6, 'ooo')], [b(1, 4), b(4, 6, 'ooo'), b(6, 10)]],
        ['out of office covering busy blocks swallows them', [b(2, 3), b(4, 5), b(1, 6, 'ooo')], [b(1, 6, 'ooo')]],
        ['busy sticking out of out of office keeps its outside part', [b(1, 5, 'ooo'), b(4, 8)], [b(1, 5, 'ooo'), b(5, 8)]],
        ['busy and out of office that only touch stay two', [b(1, 3), b(3, 5, 'ooo')], [b(1, 3), b(3, 5, 'ooo')]],
        ['out of office blocks merge among themselves', [b(1, 3, 'ooo'), b(3, 5, 'ooo'), b(4, 9, 'ooo')], [b(1, 9, 'ooo')]],
        ['empty and inverted blocks vanish', [b(3, 3), b(5, 4)], []],
        [
            'one out-of-office span across several busy blocks and gaps',
            [b(1, 2), b(3, 5), b(7, 9), b(4, 8, 'ooo')],
            [b(1, 2), b(3, 4), b(4, 8, 'ooo'), b(8, 9)],
        ],
    ])('%s', (_name, input, expected) => expect(mergeBlocks(input)).toEqual(expected));
});

describe('busy blocks of a feed', () => {
    it('a single meeting today, in the window', () => {
        expect(iso(blocksOf([event('UID:a', 'DTSTART;TZID=Europe/Berlin:20260608T140000', 'DTEND;TZID=Europe/Berlin:20260608T153000')]).blocks)).toEqual([
            '06-08T12:00–06-08T13:30 busy',
        ]);
    });

    it('a meeting under way now keeps its real start; one already over is left out', () => {
        const result = blocksOf([
            event('UID:a', 'DTSTART:20260608T053000Z', 'DTEND:20260608T063000Z'),
            event('UID:b', 'DTSTART:20260608T040000Z', 'DTEND:20260608T060000Z'),
        ]);
        expect(iso(result.blocks)).toEqual(['06-08T05:30–06-08T06:30 busy']);
    });

    it('only the next 14 days', () => {
        const result = blocksOf([event('UID:a', 'DTSTART:20260608T090000Z', 'DURATION:PT1H', 'RRULE:FREQ=DAILY')]);
        expect(result.blocks).toHaveLength(14);
        expect(result.blocks[13].start).toBe(Date.UTC(2026, 5, 21, 9));
    });

    it('overlapping and adjacent meetings merge; out of office wins where it overlaps', () => {
        const result = blocksOf([
            event('UID:a', 'DTSTART:20260608T090000Z', 'DTEND:20260608T100000Z'),
            event('UID:b', 'DTSTART:20260608T093000Z', 'DTEND:20260608T103000Z'),
            event('UID:c', 'DTSTART:20260608T103000Z', 'DTEND:20260608T110000Z'),
            event('UID:d', 'DTSTART:20260609T090000Z', 'DTEND:20260609T120000Z'),
            event('UID:e', 'DTSTART:20260609T100000Z', 'DTEND:20260609T110000Z', 'X-MICROSOFT-CDO-BUSYSTATUS:OOF'),
        ]);
        expect(iso(result.blocks)).toEqual([
            '06-08T09:00–06-08T11:00 busy',
            '06-09T09:00–06-09T10:00 busy',
            '06-09T10:00–06-09T11:00 ooo',
            '06-09T11:00–06-09T12:00 busy',
        ]);
    });

    it('DURATION, and DTEND in another zone than DTSTART (a flight)', () => {
        const result = blocksOf([
            event('UID:a', 'DTSTART;TZID=Europe/Berlin:20260608T140000', 'DURATION:PT1H30M'),
            event('UID:b', 'DTSTART;TZID=Europe/Berlin:20260609T100000', 'DTEND;TZID=America/New_York:20260609T123000'),
        ]);
        expect(iso(result.blocks)).toEqual(['06-08T12:00–06-08T13:30 busy', '06-09T08:00–06-09T16:30 busy']);
    });

    it('no DTEND nor DURATION: a timed event takes no time; an all-day event is one day', () => {
        const result = blocksOf([event('UID:a', 'DTSTART:20260608T090000Z'), event('UID:b', 'DTSTART;VALUE=DATE:20260610', 'X-MICROSOFT-CDO-BUSYSTATUS:OOF')]);
        expect(iso(result.blocks)).toEqual(['06-09T22:00–06-10T22:00 ooo']);
    });

    it("all-day events are the user's whole days, across daylight saving (a 47-hour weekend)", () => {
        const result = blocksOf([event('UID:a', 'DTSTART;VALUE=DATE:20260328', 'DTEND;VALUE=DATE:20260330', 'X-MICROSOFT-CDO-BUSYSTATUS:OOF')], {
            now: Date.UTC(2026, 2, 25),
        });
        expect(result.blocks).toEqual([{ start: Date.UTC(2026, 2, 27, 23), end: Date.UTC(2026, 2, 29, 22), kind: 'ooo' }]);
        const elsewhere = blocksOf([event('UID:a', 'DTSTART;VALUE=DATE:20260328', 'DTEND;VALUE=DATE:20260330', 'X-MICROSOFT-CDO-BUSYSTATUS:OOF')], {
            now: Date.UTC(2026, 2, 25),
            zone: fixedZone(-5 * HOUR_MS),
        });
        expect(elsewhere.blocks).toEqual([{ start: Date.UTC(2026, 2, 28, 5), end: Date.UTC(2026, 2, 30, 5), kind: 'ooo' }]);
    });

    it('an all-day event whose DTEND is not after its start is one day', () => {
        const result = blocksOf([event('UID:a', 'DTSTART;VALUE=DATE:20260610', 'DTEND;VALUE=DATE:20260610', 'X-MICROSOFT-CDO-BUSYSTATUS:BUSY')]);
        expect(iso(result.blocks)).toEqual(['06-09T22:00–06-10T22:00 busy']);
    });

    it('a nominal DURATION of a day keeps the wall time across a change; hours are exact', () => {
        const now = Date.UTC(2026, 2, 27);
        const day = blocksOf([event('UID:a', 'DTSTART;TZID=Europe/Berlin:20260328T120000', 'DURATION:P1D')], { now });
        expect(day.blocks).toEqual([{ start: Date.UTC(2026, 2, 28, 11), end: Date.UTC(2026, 2, 29, 10), kind: 'busy' }]);
        const hours = blocksOf([event('UID:a', 'DTSTART;TZID=Europe/Berlin:20260328T120000', 'DURATION:PT24H')], { now });
        expect(hours.blocks).toEqual([{ start: Date.UTC(2026, 2, 28, 11), end: Date.UTC(2026, 2, 29, 11), kind: 'busy' }]);
    });
});

describe('recurring meetings with exceptions and overrides', () => {
    const weekly = [
        'UID:weekly@example.com',
        'DTSTART;TZID=Europe/Berlin:20260601T100000',
        'DTEND;TZID=Europe/Berlin:20260601T110000',
        'RRULE:FREQ=WEEKLY;BYDAY=MO,TH',
    ];

    it('instances in the window', () => {
        expect(iso(blocksOf([event(...weekly)]).blocks)).toEqual([
            '06-08T08:00–06-08T09:00 busy',
            '06-11T08:00–06-11T09:00 busy',
            '06-15T08:00–06-15T09:00 busy',
            '06-18T08:00–06-18T09:00 busy',
        ]);
    });

    it('EXDATE removes an instance', () => {
        expect(iso(blocksOf([event(...weekly, 'EXDATE;TZID=Europe/Berlin:20260611T100000,20260615T100000')]).blocks)).toEqual([
            '06-08T08:00–06-08T09:00 busy',
            '06-18T08:00–06-18T09:00 busy',
        ]);
    });

    it('an override moves an instance (also out of the window, or into it from outside)', () => {
        const result = blocksOf([
            event(...weekly),
            event(
                'UID:weekly@example.com',
                'RECURRENCE-ID;TZID=Europe/Berlin:20260611T100000',
                'DTSTART;TZID=Europe/Berlin:20260612T150000',
                'DTEND;TZID=Europe/Berlin:20260612T160000',
            ),
            event(
                'UID:weekly@example.com',
                'RECURRENCE-ID;TZID=Europe/Berlin:20260618T100000',
                'DTSTART;TZID=Europe/Berlin:20260630T150000',
                'DTEND;TZID=Europe/Berlin:20260630T160000',
            ),
            event(
                'UID:weekly@example.com',
                'RECURRENCE-ID;TZID=Europe/Berlin:20260625T100000',
                'DTSTART;TZID=Europe/Berlin:20260617T150000',
                'DTEND;TZID=Europe/Berlin:20260617T170000',
            ),
        ]);
        expect(iso(result.blocks)).toEqual([
            '06-08T08:00–06-08T09:00 busy',
            '06-12T13:00–06-12T14:00 busy',
            '06-15T08:00–06-15T09:00 busy',
            '06-17T13:00–06-17T15:00 busy',
        ]);
    });

    it('a cancelled override removes its instance; a free override leaves it out too', () => {
        const result = blocksOf([
            event(...weekly),
            event(
                'UID:weekly@example.com',
                'RECURRENCE-ID;TZID=Europe/Berlin:20260608T100000',
                'DTSTART;TZID=Europe/Berlin:20260608T100000',
                'DTEND;TZID=Europe/Berlin:20260608T110000',
                'STATUS:CANCELLED',
            ),
            event(
                'UID:weekly@example.com',
                'RECURRENCE-ID;TZID=Europe/Berlin:20260611T100000',
                'DTSTART;TZID=Europe/Berlin:20260611T100000',
                'DTEND;TZID=Europe/Berlin:20260611T110000',
                'TRANSP:TRANSPARENT',
            ),
        ]);
        expect(iso(result.blocks)).toEqual(['06-15T08:00–06-15T09:00 busy', '06-18T08:00–06-18T09:00 busy']);
    });

    it('a RECURRENCE-ID in UTC matches the instance at that instant; overrides of another UID do not', () => {
        const result = blocksOf([
            event(...weekly),
            event('UID:weekly@example.com', 'RECURRENCE-ID:20260608T080000Z', 'DTSTART:20260608T120000Z', 'DTEND:20260608T130000Z'),
            event('UID:other', 'RECURRENCE-ID;TZID=Europe/Berlin:20260611T100000', 'DTSTART:20260611T180000Z', 'DTEND:20260611T190000Z'),
        ]);
        expect(iso(result.blocks)).toEqual([
            '06-08T12:00–06-08T13:00 busy',
            '06-11T08:00–06-11T09:00 busy',
            '06-11T18:00–06-11T19:00 busy',
            '06-15T08:00–06-15T09:00 busy',
            '06-18T08:00–06-18T09:00 busy',
        ]);
    });

    it('a cancelled series is left out, its moved instances still count', () => {
        const result = blocksOf([
            event(...weekly, 'STATUS:CANCELLED'),
            event(
                'UID:weekly@example.com',
                'RECURRENCE-ID;TZID=Europe/Berlin:20260611T100000',
                'DTSTART;TZID=Europe/Berlin:20260611T120000',
                'DTEND;TZID=Europe/Berlin:20260611T130000',
            ),
        ]);
        expect(iso(result.blocks)).toEqual(['06-11T10:00–06-11T11:00 busy']);
    });

    it('a recurring all-day out-of-office with a date override', () => {
        const result = blocksOf([
            event('UID:fri', 'DTSTART;VALUE=DATE:20260612', 'DTEND;VALUE=DATE:20260613', 'RRULE:FREQ=WEEKLY', 'X-MICROSOFT-CDO-BUSYSTATUS:OOF'),
            event(
                'UID:fri',
                'RECURRENCE-ID;VALUE=DATE:20260612',
                'DTSTART;VALUE=DATE:20260612',
                'DTEND;VALUE=DATE:20260613',
                'X-MICROSOFT-CDO-BUSYSTATUS:FREE',
            ),
        ]);
        expect(iso(result.blocks)).toEqual(['06-18T22:00–06-19T22:00 ooo']);
    });
});

describe('events that cannot be read are left out and counted', () => {
    it.each([
        ['no-start', ['UID:a', 'DTEND:20260608T100000Z']],
        ['bad-time', ['UID:a', 'DTSTART:2026-06-08 09:00', 'DTEND:20260608T100000Z']],
        ['bad-time', ['UID:a', 'DTSTART:20260608T090000Z', 'DTEND:tomorrow']],
        ['unknown-zone', ['UID:a', 'DTSTART;TZID=Atlantis Standard Time:20260608T090000', 'DURATION:PT1H']],
        ['bad-duration', ['UID:a', 'DTSTART:20260608T090000Z', 'DURATION:1 hour']],
        ['bad-duration', ['UID:a', 'DTSTART:20260608T090000Z', 'DURATION:-PT1H']],
        ['bad-rule', ['UID:a', 'DTSTART:20260608T090000Z', 'DURATION:PT1H', 'RRULE:FREQ=SOMETIMES']],
        ['unsupported-rule', ['UID:a', 'DTSTART:20260608T090000Z', 'DURATION:PT1H', 'RRULE:FREQ=HOURLY;INTERVAL=2']],
    ])('%s', (reason, lines) => {
        const result = blocksOf([event(...lines), event('UID:fine', 'DTSTART:20260608T120000Z', 'DURATION:PT1H')]);
        expect(result.unread).toEqual({ [reason]: 1 });
        expect(iso(result.blocks)).toEqual(['06-08T12:00–06-08T13:00 busy']);
    });

    it('an expansion cut short keeps what it found and is counted', () => {
        const result = blocksOf([event('UID:a', 'DTSTART:00010101T090000Z', 'DURATION:PT1H', 'RRULE:FREQ=DAILY;COUNT=999999999')]);
        expect(result.unread).toEqual({ 'too-complex': 1 });
    });

    it('a feed of 200 hostile rules ends, and its plain meetings still count', () => {
        const hostile = Array.from({ length: 200 }, (_, i) =>
            event(`UID:h${i}`, 'DTSTART:00010101T090000Z', 'DURATION:PT1H', 'RRULE:FREQ=DAILY;COUNT=999999999'),
        );
        const result = blocksOf([...hostile, event('UID:fine', 'DTSTART:20260608T120000Z', 'DURATION:PT1H')]);
        expect(result.unread['too-complex']).toBe(200);
        expect(iso(result.blocks)).toEqual(['06-08T12:00–06-08T13:00 busy']);
    });
});
