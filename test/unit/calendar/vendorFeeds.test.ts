/**
 * Whole feeds in the shapes Google, Outlook / Exchange, Nextcloud and Apple publish (feeds.ts),
 * read end to end: parse, expand, skip, merge, and the status text a user would see, with
 * daylight-saving changes in the user's zone and in the event's zone.
 */
import { blockStatusText } from '../../../src/core/calendar/blockStatusText';
import { busyBlocks } from '../../../src/core/calendar/busyBlocks';
import { parseIcs } from '../../../src/core/calendar/icsParser';
import { BusyBlock } from '../../../src/core/calendar/mergeBlocks';
import { ianaZone, userZone, Zone } from '../../../src/core/calendar/zones';
import { CALENDAR_MESSAGES } from '../../../src/i18n/calendarMessages';
import { translator } from '../../../src/i18n/translate';
import {
    appleEvent,
    appleFeed,
    googleEvent,
    googleFeed,
    nextcloudEvent,
    nextcloudFeed,
    outlookEvent,
    outlookFeed,
    PACIFIC_VTIMEZONE,
    PRIVATE_WORDS,
    W_EUROPE_VTIMEZONE,
} from './feeds';

const berlin = ianaZone('Europe/Berlin') as Zone;
const newYork = ianaZone('America/New_York') as Zone;

function read(text: string, now: number, zone: Zone) {
    const parsed = parseIcs(text);
    if (!parsed.ok) {
        throw new Error(parsed.error.code);
    }
    return busyBlocks({ calendar: parsed.value, now, userZone: zone });
}

const iso = (blocks: BusyBlock[]) =>
    blocks.map((b) => `${new Date(b.start).toISOString().slice(5, 16)}–${new Date(b.end).toISOString().slice(11, 16)} ${b.kind}`);

/** What the user's status would say at the start of each block, in English. */
function statusTexts(blocks: BusyBlock[], zone: Zone, language = 'en'): string[] {
    const t = translator(CALENDAR_MESSAGES, language);
    return blocks.map((block) => {
        const text = blockStatusText(block, zone, block.start);
        return t(text.key, text.params);
    });
}

describe("Google Calendar's secret iCal address (Berlin calendar, Berlin user)", () => {
    const feed = googleFeed([
        googleEvent(
            'standup@google.com',
            [
                'DTSTART;TZID=Europe/Berlin:20260105T093000',
                'DTEND;TZID=Europe/Berlin:20260105T094500',
                'RRULE:FREQ=WEEKLY;BYDAY=MO,WE,FR',
                'EXDATE;TZID=Europe/Berlin:20260325T093000',
            ],
            ['STATUS:CONFIRMED', 'TRANSP:OPAQUE'],
        ),
        googleEvent(
            'standup@google.com',
            ['RECURRENCE-ID;TZID=Europe/Berlin:20260327T093000', 'DTSTART;TZID=Europe/Berlin:20260327T110000', 'DTEND;TZID=Europe/Berlin:20260327T111500'],
            ['STATUS:CONFIRMED', 'TRANSP:OPAQUE'],
        ),
        googleEvent(
            'standup@google.com',
            ['RECURRENCE-ID;TZID=Europe/Berlin:20260403T093000', 'DTSTART;TZID=Europe/Berlin:20260403T093000', 'DTEND;TZID=Europe/Berlin:20260403T094500'],
            ['STATUS:CANCELLED', 'TRANSP:OPAQUE'],
        ),
        googleEvent(
            'ny-sync@google.com',
            ['DTSTART;TZID=America/New_York:20260106T100000', 'DTEND;TZID=America/New_York:20260106T110000', 'RRULE:FREQ=WEEKLY;BYDAY=TU'],
            ['STATUS:CONFIRMED', 'TRANSP:OPAQUE'],
        ),
        googleEvent('lunch@google.com', ['DTSTART:20260326T120000Z', 'DTEND:20260326T130000Z'], ['STATUS:TENTATIVE', 'TRANSP:OPAQUE']),
        googleEvent('holiday@google.com', ['DTSTART;VALUE=DATE:20260327', 'DTEND;VALUE=DATE:20260328'], ['STATUS:CONFIRMED', 'TRANSP:TRANSPARENT']),
        googleEvent('free@google.com', ['DTSTART:20260326T150000Z', 'DTEND:20260326T160000Z'], ['STATUS:CONFIRMED', 'TRANSP:TRANSPARENT']),
    ]);
    const now = Date.UTC(2026, 2, 23, 6); // Monday 23 March, a week before the EU change

    it('the blocks of the next 14 days: exceptions, a moved and a cancelled instance, the EU change on 29 March', () => {
        const result = read(feed, now, berlin);
        expect(iso(result.blocks)).toEqual([
            '03-23T08:30–08:45 busy',
            '03-24T14:00–15:00 busy',
            '03-26T12:00–13:00 busy',
            '03-27T10:00–10:15 busy',
            '03-30T07:30–07:45 busy',
            '03-31T14:00–15:00 busy',
            '04-01T07:30–07:45 busy',
        ]);
        expect(result.unread).toEqual({});
    });

    it("in the Berlin user's words: a New York meeting ends at 16:00 while only New York has switched, at 17:00 once both have", () => {
        const { blocks } = read(feed, now, berlin);
        expect(statusTexts(blocks, berlin)).toEqual([
            'In a meeting until 09:45',
            'In a meeting until 16:00',
            'In a meeting until 14:00',
            'In a meeting until 11:15',
            'In a meeting until 09:45',
            'In a meeting until 17:00',
            'In a meeting until 09:45',
        ]);
        expect(statusTexts(blocks.slice(1, 2), berlin, 'de')).toEqual(['In einer Besprechung bis 16:00 Uhr']);
    });

    it("a user known only by Rocket.Chat's utcOffset (+1 in March) follows the feed's X-WR-TIMEZONE across the change", () => {
        const parsed = parseIcs(feed);
        const zone = userZone({ utcOffsetHours: 1, calendarTimeZone: parsed.ok ? parsed.value.calendarTimeZone : undefined }, now);
        expect(zone.id).toBe('Europe/Berlin');
        const { blocks } = read(feed, now, zone);
        expect(statusTexts(blocks, zone)[4]).toBe('In a meeting until 09:45');
    });

    it('nothing private is kept', () => {
        const parsed = parseIcs(feed);
        const kept = JSON.stringify(parsed.ok ? parsed.value.events : null);
        for (const word of PRIVATE_WORDS) {
            expect(kept).not.toContain(word);
        }
    });
});

describe('an Outlook / Exchange published calendar (Windows zone names, VTIMEZONE blocks, busy statuses)', () => {
    const customized = [
        'BEGIN:VTIMEZONE',
        'TZID:Customized Time Zone',
        'BEGIN:STANDARD',
        'DTSTART:16010101T000000',
        'TZOFFSETFROM:+0300',
        'TZOFFSETTO:+0300',
        'END:STANDARD',
        'BEGIN:DAYLIGHT',
        'DTSTART:16010101T000000',
        'TZOFFSETFROM:+0300',
        'TZOFFSETTO:+0300',
        'END:DAYLIGHT',
        'END:VTIMEZONE',
    ];
    const longUid = `040000008200E00074C5B7101A82E00800000000${'A1B2C3D4'.repeat(12)}`;
    const feed = outlookFeed(
        [W_EUROPE_VTIMEZONE, PACIFIC_VTIMEZONE, customized],
        [
            outlookEvent(longUid, ['DTSTART;TZID=W. Europe Standard Time:20260602T090000', 'DTEND;TZID=W. Europe Standard Time:20260602T100000'], 'BUSY', [
                'RRULE:FREQ=WEEKLY;UNTIL=20261229T080000Z;INTERVAL=1;BYDAY=TU;WKST=MO',
                'EXDATE;TZID=W. Europe Standard Time:20260616T090000',
            ]),
            outlookEvent(
                'pst@outlook',
                ['DTSTART;TZID=Pacific Standard Time:20260611T080000', 'DTEND;TZID=Pacific Standard Time:20260611T090000'],
                'TENTATIVE',
            ),
            outlookEvent('ooo@outlook', ['DTSTART;VALUE=DATE:20260612', 'DTEND;VALUE=DATE:20260613'], 'OOF', [], true),
            outlookEvent('wfh@outlook', ['DTSTART;VALUE=DATE:20260615', 'DTEND;VALUE=DATE:20260616'], 'WORKINGELSEWHERE', [], true),
            outlookEvent(
                'free@outlook',
                ['DTSTART;TZID=W. Europe Standard Time:20260610T140000', 'DTEND;TZID=W. Europe Standard Time:20260610T150000'],
                'FREE',
            ),
            outlookEvent('custom@outlook', ['DTSTART;TZID=Customized Time Zone:20260610T120000', 'DTEND;TZID=Customized Time Zone:20260610T130000'], 'BUSY'),
            outlookEvent('allday-busy@outlook', ['DTSTART;VALUE=DATE:20260619', 'DTEND;VALUE=DATE:20260620'], 'BUSY', [], true),
        ],
    );
    const now = Date.UTC(2026, 5, 8, 6); // Monday 8 June

    it('reads Windows TZIDs, the customized zone, OOF and the busy statuses', () => {
        const result = read(feed, now, berlin);
        expect(iso(result.blocks)).toEqual([
            '06-09T07:00–08:00 busy', // W. Europe 09:00 CEST
            '06-10T09:00–10:00 busy', // Customized Time Zone (+03:00) 12:00
            '06-11T15:00–16:00 busy', // Pacific 08:00 PDT, tentative
            '06-11T22:00–22:00 ooo', // all-day OOF on the 12th, Berlin midnight to midnight
            '06-18T22:00–22:00 busy', // all-day BUSY on the 19th
        ]);
        expect(result.unread).toEqual({});
    });

    it('says out of office through the day, and busy with the time', () => {
        const { blocks } = read(feed, now, berlin);
        expect(statusTexts(blocks, berlin)).toEqual([
            'In a meeting until 10:00',
            'In a meeting until 12:00',
            'In a meeting until 18:00',
            'Out of office until 2026-06-12',
            'Busy until 2026-06-19',
        ]);
        expect(statusTexts(blocks.slice(3, 4), berlin, 'es')).toEqual(['Fuera de la oficina hasta el 2026-06-12 inclusive']);
    });

    it('a New York user sees a Berlin meeting move in the week only Europe has switched back', () => {
        const autumn = outlookFeed(
            [W_EUROPE_VTIMEZONE],
            [
                outlookEvent(
                    'weekly@outlook',
                    ['DTSTART;TZID=W. Europe Standard Time:20261006T090000', 'DTEND;TZID=W. Europe Standard Time:20261006T100000'],
                    'BUSY',
                    ['RRULE:FREQ=WEEKLY;BYDAY=TU'],
                ),
            ],
        );
        const { blocks } = read(autumn, Date.UTC(2026, 9, 19, 12), newYork);
        expect(iso(blocks)).toEqual(['10-20T07:00–08:00 busy', '10-27T08:00–09:00 busy']);
        expect(statusTexts(blocks, newYork)).toEqual(['In a meeting until 04:00', 'In a meeting until 05:00']);
        const later = read(autumn, Date.UTC(2026, 10, 2, 12), newYork);
        expect(statusTexts(later.blocks, newYork)).toEqual(['In a meeting until 04:00', 'In a meeting until 04:00']);
    });

    it('an unknown Windows name with no VTIMEZONE is left out and counted', () => {
        const broken = outlookFeed(
            [],
            [outlookEvent('x@outlook', ['DTSTART;TZID=Atlantis Standard Time:20260610T120000', 'DTEND;TZID=Atlantis Standard Time:20260610T130000'], 'BUSY')],
        );
        expect(read(broken, now, berlin)).toEqual({ blocks: [], unread: { 'unknown-zone': 1 } });
    });
});

describe('a Nextcloud calendar export (CalDAV ?export, sabre/vobject)', () => {
    const events = [
        nextcloudEvent('monthly@nextcloud', [
            'DTSTART;TZID=Europe/Berlin:20260113T140000',
            'DTEND;TZID=Europe/Berlin:20260113T150000',
            'RRULE:FREQ=MONTHLY;BYDAY=1TU',
        ]),
        nextcloudEvent('floating@nextcloud', ['DTSTART:20260328T020000', 'DTEND:20260329T023000']),
        nextcloudEvent('tentative@nextcloud', ['DTSTART:20260401T080000Z', 'DTEND:20260401T090000Z'], ['STATUS:TENTATIVE']),
        nextcloudEvent('birthday@nextcloud', ['DTSTART;VALUE=DATE:20260402', 'DTEND;VALUE=DATE:20260403', 'RRULE:FREQ=YEARLY']),
    ];
    const now = Date.UTC(2026, 2, 26, 12);

    it.each([
        ['CRLF', '\r\n'],
        ['LF', '\n'],
    ])('with %s line ends: floating times in the user zone across the change, the VALARM ignored, all-day skipped', (_name, eol) => {
        const result = read(nextcloudFeed(events, eol), now, berlin);
        expect(iso(result.blocks)).toEqual([
            // floating 02:00 CET on the 28th to 02:30 on the 29th, which does not exist: 03:30 CEST
            '03-28T01:00–01:30 busy',
            '04-01T08:00–09:00 busy',
            '04-07T12:00–13:00 busy', // first Tuesday of April, 14:00 CEST
        ]);
    });

    it('the same floating times read in New York', () => {
        const { blocks } = read(nextcloudFeed(events), now, newYork);
        expect(iso(blocks).slice(0, 1)).toEqual(['03-28T06:00–06:30 busy']);
    });
});

describe('an Apple iCloud published calendar', () => {
    const feed = appleFeed([
        appleEvent('A1B2C3D4-0000-4000-8000-000000000001', [
            'DTEND;TZID=America/New_York:20260303T110000',
            'DTSTART;TZID=America/New_York:20260303T100000',
            'RRULE:FREQ=WEEKLY;INTERVAL=1',
            'EXDATE;TZID=America/New_York:20260317T100000',
            'RDATE;TZID=America/New_York:20260318T160000',
        ]),
        appleEvent('A1B2C3D4-0000-4000-8000-000000000002', ['DTEND;VALUE=DATE:20260314', 'DTSTART;VALUE=DATE:20260313', 'X-MICROSOFT-CDO-BUSYSTATUS:BUSY']),
    ]);
    const now = Date.UTC(2026, 2, 5, 12); // Thursday 5 March, before the US change on the 8th

    it('a New York meeting, its EXDATE and RDATE, seen in Berlin while only New York switches', () => {
        const { blocks } = read(feed, now, berlin);
        expect(iso(blocks)).toEqual(['03-10T14:00–15:00 busy', '03-12T23:00–23:00 busy', '03-18T20:00–21:00 busy']);
        expect(statusTexts(blocks, berlin)).toEqual(['In a meeting until 16:00', 'Busy until 2026-03-13', 'In a meeting until 22:00']);
    });

    it('the same meeting seen in New York stays at 10:00 to 11:00', () => {
        const { blocks } = read(feed, now, newYork);
        expect(statusTexts(blocks, newYork, 'pt-BR')).toEqual(['Em reunião até 11:00', 'Ocupado até 2026-03-13, inclusive', 'Em reunião até 17:00']);
    });
});
