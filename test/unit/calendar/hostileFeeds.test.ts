/**
 * Feeds made to hurt: every one ends with a value (blocks, or an error value), never an exception,
 * and within the work caps (no timing is asserted: the caps are counted in steps).
 */
import { busyBlocks } from '../../../src/core/calendar/busyBlocks';
import { parseIcs } from '../../../src/core/calendar/icsParser';
import { parseRrule } from '../../../src/core/calendar/rrule';
import { ianaZone, Zone } from '../../../src/core/calendar/zones';
import { googleEvent, googleFeed, ics, outlookEvent, outlookFeed, W_EUROPE_VTIMEZONE } from './feeds';

const berlin = ianaZone('Europe/Berlin') as Zone;
const NOW = Date.UTC(2026, 5, 8, 6);

function blocksOf(text: string) {
    const parsed = parseIcs(text);
    if (!parsed.ok) {
        throw new Error(parsed.error.code);
    }
    return busyBlocks({ calendar: parsed.value, now: NOW, userZone: berlin });
}

const calendarOf = (...lines: string[]) => `BEGIN:VCALENDAR\r\n${lines.join('\r\n')}\r\nEND:VCALENDAR\r\n`;

describe('hostile rules and lists', () => {
    it('a rule listing MO 200,000 times is read as MO', () => {
        const rule = parseRrule(`FREQ=WEEKLY;BYDAY=${'MO,'.repeat(200_000)}MO;BYMONTHDAY=${'1,'.repeat(100_000)}1`);
        expect(rule.ok && rule.rule.byDay).toEqual([{ weekday: 1 }]);
        expect(rule.ok && rule.rule.byMonthDay).toEqual([1]);
    });

    it('a yearly rule with every ordinal of every weekday ends', () => {
        const days = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
        const byDay = days.map((d) => Array.from({ length: 53 }, (_, i) => `${i + 1}${d},-${i + 1}${d}`).join(',')).join(',');
        const result = blocksOf(
            calendarOf(
                'BEGIN:VEVENT',
                'UID:y',
                'DTSTART:19000101T090000Z',
                'DURATION:PT1H',
                `RRULE:FREQ=YEARLY;BYDAY=${byDay};BYSETPOS=1,-1;COUNT=999999999`,
                'END:VEVENT',
            ),
        );
        expect(result.unread['too-complex'] ?? 0).toBeLessThanOrEqual(1);
    });

    it('80,000 EXDATEs on one line, 10,000 EXDATE lines and 10,000 RDATEs', () => {
        const exdates = Array.from({ length: 80_000 }, (_, i) => `2026${String((i % 12) + 1).padStart(2, '0')}01T090000Z`).join(',');
        const result = blocksOf(
            calendarOf(
                'BEGIN:VEVENT',
                'UID:x',
                'DTSTART:20260601T090000Z',
                'DURATION:PT1H',
                'RRULE:FREQ=DAILY',
                `EXDATE:${exdates}`,
                ...Array.from({ length: 10_000 }, () => 'EXDATE:20260609T090000Z'),
                ...Array.from({ length: 10_000 }, (_, i) => `RDATE:${20260610 + (i % 5)}T${String(10 + (i % 8)).padStart(2, '0')}0000Z`),
                'END:VEVENT',
            ),
        );
        // every day but the 9th at 09:00, plus the RDATE hours on the 10th..14th, merged
        expect(result.blocks.find((b) => b.start === Date.UTC(2026, 5, 9, 9))).toBeUndefined();
        expect(result.blocks.find((b) => b.start === Date.UTC(2026, 5, 10, 9))?.end).toBe(Date.UTC(2026, 5, 10, 18));
    });

    it('20,000 events that all overlap merge into one block', () => {
        const events = Array.from(
            { length: 20_000 },
            (_, i) => `BEGIN:VEVENT\r\nUID:e${i}\r\nDTSTART:20260608T${String(8 + (i % 8)).padStart(2, '0')}0000Z\r\nDURATION:PT2H\r\nEND:VEVENT`,
        );
        const result = blocksOf(calendarOf(...events));
        expect(result.blocks).toEqual([{ start: Date.UTC(2026, 5, 8, 8), end: Date.UTC(2026, 5, 8, 17), kind: 'busy' }]);
    });

    it('a zone defined with a daily rule, and one a thousand years long', () => {
        const result = blocksOf(
            calendarOf(
                'BEGIN:VTIMEZONE',
                'TZID:Flicker',
                'BEGIN:STANDARD',
                'DTSTART:00010101T000000',
                'TZOFFSETFROM:+0100',
                'TZOFFSETTO:+0200',
                'RRULE:FREQ=DAILY',
                'END:STANDARD',
                'BEGIN:DAYLIGHT',
                'DTSTART:00010101T120000',
                'TZOFFSETFROM:+0200',
                'TZOFFSETTO:+0100',
                'RRULE:FREQ=DAILY;COUNT=999999999',
                'END:DAYLIGHT',
                'END:VTIMEZONE',
                'BEGIN:VEVENT',
                'UID:f',
                'DTSTART;TZID=Flicker:20260608T090000',
                'DURATION:PT1H',
                'RRULE:FREQ=DAILY;COUNT=3',
                'END:VEVENT',
            ),
        );
        expect(result.blocks.length).toBeGreaterThan(0);
    });

    it('rules that loop in every direction end', () => {
        const rules = [
            'FREQ=DAILY;INTERVAL=1;COUNT=999999999999',
            'FREQ=WEEKLY;BYDAY=MO;BYMONTH=2;BYMONTHDAY=30;COUNT=5',
            'FREQ=MONTHLY;BYMONTHDAY=31;BYMONTH=2',
            'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29;BYDAY=MO;COUNT=1000',
            'FREQ=MONTHLY;BYDAY=5FR;BYSETPOS=-1;COUNT=99999',
            'FREQ=DAILY;UNTIL=99991231T235959Z',
            'FREQ=YEARLY;INTERVAL=10000;COUNT=99999',
        ];
        for (const rule of rules) {
            const result = blocksOf(calendarOf('BEGIN:VEVENT', 'UID:r', 'DTSTART:00010101T090000Z', 'DURATION:PT1H', `RRULE:${rule}`, 'END:VEVENT'));
            expect(Array.isArray(result.blocks)).toBe(true);
        }
    });
});

describe('damaged feeds never throw in the busy logic either', () => {
    it('random damage to Google and Outlook feeds: a value every time', () => {
        let seed = 99;
        const random = () => {
            seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
            return seed / 2 ** 32;
        };
        const feeds = [
            googleFeed([
                googleEvent('g', [
                    'DTSTART;TZID=Europe/Berlin:20260601T093000',
                    'DTEND;TZID=Europe/Berlin:20260601T100000',
                    'RRULE:FREQ=WEEKLY;BYDAY=MO,TH;UNTIL=20261231T000000Z',
                    'EXDATE;TZID=Europe/Berlin:20260611T093000',
                ]),
                googleEvent('g', [
                    'RECURRENCE-ID;TZID=Europe/Berlin:20260615T093000',
                    'DTSTART;TZID=Europe/Berlin:20260615T110000',
                    'DTEND;TZID=Europe/Berlin:20260615T113000',
                ]),
            ]),
            outlookFeed(
                [W_EUROPE_VTIMEZONE],
                [
                    outlookEvent('o', ['DTSTART;TZID=W. Europe Standard Time:20260602T090000', 'DTEND;TZID=W. Europe Standard Time:20260602T100000'], 'OOF', [
                        'RRULE:FREQ=MONTHLY;BYDAY=-1TU',
                    ]),
                ],
            ),
        ];
        const pieces = [
            '20260608',
            'T',
            'Z',
            ';TZID=',
            'RRULE:FREQ=',
            'COUNT=',
            '-1',
            ',',
            ':',
            'BEGIN:VEVENT',
            'END:VEVENT',
            'P1D',
            'BYDAY=',
            '\r\n',
            '\r\n ',
            'VALUE=DATE',
        ];
        let read = 0;
        for (let i = 0; i < 400; i++) {
            const base = feeds[i % feeds.length];
            let text = base;
            for (let k = 0; k < 1 + Math.floor(random() * 4); k++) {
                const at = Math.floor(random() * text.length);
                const cut = Math.floor(random() * 12);
                text = text.slice(0, at) + pieces[Math.floor(random() * pieces.length)] + text.slice(at + cut);
            }
            const parsed = parseIcs(text);
            if (parsed.ok) {
                read++;
                expect(() => busyBlocks({ calendar: parsed.value, now: NOW, userZone: berlin })).not.toThrow();
            }
        }
        expect(read).toBeGreaterThan(100);
    });

    it('an event with every property repeated keeps the first of each', () => {
        const result = blocksOf(
            ics([
                'BEGIN:VCALENDAR',
                'BEGIN:VEVENT',
                'UID:a',
                'DTSTART:20260608T090000Z',
                'DTSTART:20260608T120000Z',
                'DTEND:20260608T100000Z',
                'DTEND:20260609T100000Z',
                'STATUS:CONFIRMED',
                'STATUS:CANCELLED',
                'END:VEVENT',
                'END:VCALENDAR',
            ]),
        );
        expect(result.blocks).toEqual([{ start: Date.UTC(2026, 5, 8, 9), end: Date.UTC(2026, 5, 8, 10), kind: 'busy' }]);
    });
});
