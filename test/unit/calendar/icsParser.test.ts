import { CalendarErrorCode } from '../../../src/core/calendar/calendarErrors';
import { IcsCalendar, parseIcs } from '../../../src/core/calendar/icsParser';
import {
    appleEvent,
    appleFeed,
    googleEvent,
    googleFeed,
    ics,
    nextcloudEvent,
    nextcloudFeed,
    outlookEvent,
    outlookFeed,
    PRIVATE_WORDS,
    W_EUROPE_VTIMEZONE,
} from './feeds';

function parsed(text: string): IcsCalendar {
    const result = parseIcs(text);
    if (!result.ok) {
        throw new Error(`expected a calendar, got ${result.error.code}`);
    }
    return result.value;
}

const errorOf = (text: unknown): string | undefined => {
    const result = parseIcs(text);
    return result.ok ? undefined : result.error.code;
};

describe('components', () => {
    it('reads each VEVENT with only what the busy logic needs', () => {
        const calendar = parsed(
            ics([
                'BEGIN:VCALENDAR',
                'VERSION:2.0',
                'BEGIN:VEVENT',
                'UID:one\\,two@example.com',
                'DTSTART;TZID=Europe/Berlin:20260302T090000',
                'DTEND;TZID=Europe/Berlin:20260302T100000',
                'RRULE:FREQ=WEEKLY;BYDAY=MO',
                'EXDATE;TZID=Europe/Berlin:20260309T090000,20260316T090000',
                'EXDATE;TZID=Europe/Berlin:20260323T090000',
                'RDATE;VALUE=DATE:20260401',
                'STATUS:tentative',
                'TRANSP: OPAQUE ',
                'X-MICROSOFT-CDO-BUSYSTATUS:oof',
                'SUMMARY:Salary review',
                'END:VEVENT',
                'BEGIN:VEVENT',
                'UID:one\\,two@example.com',
                'RECURRENCE-ID;TZID=Europe/Berlin:20260330T090000',
                'DTSTART;TZID=Europe/Berlin:20260330T110000',
                'DURATION:PT1H',
                'END:VEVENT',
                'END:VCALENDAR',
            ]),
        );
        expect(calendar.events).toEqual([
            {
                uid: 'one,two@example.com',
                dtstart: { params: { TZID: 'Europe/Berlin' }, value: '20260302T090000' },
                dtend: { params: { TZID: 'Europe/Berlin' }, value: '20260302T100000' },
                rrule: 'FREQ=WEEKLY;BYDAY=MO',
                exdates: [
                    { params: { TZID: 'Europe/Berlin' }, value: '20260309T090000,20260316T090000' },
                    { params: { TZID: 'Europe/Berlin' }, value: '20260323T090000' },
                ],
                rdates: [{ params: { VALUE: 'DATE' }, value: '20260401' }],
                status: 'TENTATIVE',
                transp: 'OPAQUE',
                busyStatus: 'OOF',
            },
            {
                uid: 'one,two@example.com',
                recurrenceId: { params: { TZID: 'Europe/Berlin' }, value: '20260330T090000' },
                dtstart: { params: { TZID: 'Europe/Berlin' }, value: '20260330T110000' },
                duration: 'PT1H',
                exdates: [],
                rdates: [],
            },
        ]);
    });

    it('keeps the VTIMEZONE blocks with their observances, and X-WR-TIMEZONE', () => {
        const calendar = parsed(googleFeed([]));
        expect(calendar.calendarTimeZone).toBe('Europe/Berlin');
        expect([...calendar.timezones.keys()]).toEqual(['Europe/Berlin']);
        expect(calendar.timezones.get('Europe/Berlin')?.observances).toEqual([
            { kind: 'DAYLIGHT', offsetFrom: '+0100', offsetTo: '+0200', dtstart: '19700329T020000', rrule: 'FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU', rdates: [] },
            { kind: 'STANDARD', offsetFrom: '+0200', offsetTo: '+0100', dtstart: '19701025T030000', rrule: 'FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU', rdates: [] },
        ]);
    });

    it("never reads a VALARM's properties as the event's", () => {
        const calendar = parsed(
            nextcloudFeed([nextcloudEvent('n1', ['DTSTART;TZID=Europe/Berlin:20260302T090000', 'DTEND;TZID=Europe/Berlin:20260302T100000'])]),
        );
        expect(calendar.events).toHaveLength(1);
        expect(calendar.events[0].status).toBeUndefined();
    });

    it('skips VTODO, VJOURNAL, VFREEBUSY and unknown components with everything in them', () => {
        const calendar = parsed(
            ics([
                'BEGIN:VCALENDAR',
                'BEGIN:VTODO',
                'DTSTART:20260302T090000Z',
                'BEGIN:VEVENT',
                'DTSTART:20260302T090000Z',
                'END:VEVENT',
                'END:VTODO',
                'BEGIN:VJOURNAL',
                'DTSTART:20260302T090000Z',
                'END:VJOURNAL',
                'BEGIN:VFREEBUSY',
                'FREEBUSY:20260302T090000Z/PT1H',
                'END:VFREEBUSY',
                'BEGIN:X-THING',
                'DTSTART:20260302T090000Z',
                'END:X-THING',
                'END:VCALENDAR',
            ]),
        );
        expect(calendar.events).toEqual([]);
    });

    it('reads the events of several VCALENDARs in one stream', () => {
        const one = ['BEGIN:VCALENDAR', 'BEGIN:VEVENT', 'UID:a', 'DTSTART:20260302T090000Z', 'END:VEVENT', 'END:VCALENDAR'];
        const two = ['BEGIN:VCALENDAR', 'BEGIN:VEVENT', 'UID:b', 'DTSTART:20260302T090000Z', 'END:VEVENT', 'END:VCALENDAR'];
        expect(parsed(ics([...one, ...two])).events.map((e) => e.uid)).toEqual(['a', 'b']);
    });

    it('drops a component left open inside one that closes, and keeps going', () => {
        const calendar = parsed(
            ics([
                'BEGIN:VCALENDAR',
                'BEGIN:VEVENT',
                'UID:cut',
                'DTSTART:20260302T090000Z',
                'BEGIN:VEVENT',
                'UID:inner',
                'END:VCALENDAR',
                'BEGIN:VCALENDAR',
                'BEGIN:VEVENT',
                'UID:ok',
                'DTSTART:20260302T090000Z',
                'END:VEVENT',
                'END:VCALENDAR',
            ]),
        );
        expect(calendar.events.map((e) => e.uid)).toEqual(['ok']);
    });

    it('ignores stray END lines and lines that are no content lines, and counts them', () => {
        const calendar = parsed(
            ics([
                'BEGIN:VCALENDAR',
                'END:VEVENT',
                'garbage line',
                'BEGIN:VEVENT',
                'UID:a',
                '???',
                'DTSTART:20260302T090000Z',
                'END:VEVENT',
                'END:VCALENDAR',
                'trailing junk',
            ]),
        );
        expect(calendar.events.map((e) => e.uid)).toEqual(['a']);
        expect(calendar.ignoredLines).toBe(4);
    });

    it('reads a byte order mark, LF line ends, and lower-case names', () => {
        const calendar = parsed('\ufeffbegin:vcalendar\nbegin:vevent\nuid:x\ndtstart:20260302T090000Z\nend:vevent\nend:vcalendar\n');
        expect(calendar.events).toEqual([{ uid: 'x', dtstart: { params: {}, value: '20260302T090000Z' }, exdates: [], rdates: [] }]);
    });
});

describe('privacy: titles, places, descriptions and people are never kept', () => {
    const feeds: Array<[string, string]> = [
        ['Google', googleFeed([googleEvent('g1', ['DTSTART;TZID=Europe/Berlin:20260302T090000', 'DTEND;TZID=Europe/Berlin:20260302T100000'])])],
        [
            'Outlook',
            outlookFeed(
                [W_EUROPE_VTIMEZONE],
                [outlookEvent('o1', ['DTSTART;TZID=W. Europe Standard Time:20260302T090000', 'DTEND;TZID=W. Europe Standard Time:20260302T100000'], 'BUSY')],
            ),
        ],
        ['Nextcloud', nextcloudFeed([nextcloudEvent('n1', ['DTSTART;TZID=Europe/Berlin:20260302T090000', 'DTEND;TZID=Europe/Berlin:20260302T100000'])])],
        ['Apple', appleFeed([appleEvent('a1', ['DTSTART;TZID=America/New_York:20260302T090000', 'DTEND;TZID=America/New_York:20260302T100000'])])],
    ];
    it.each(feeds)('%s', (_name, text) => {
        // the feed does carry such words (unfolded, as a reader sees them)
        const unfolded = text.replace(/\r\n[ \t]/g, '');
        expect(PRIVATE_WORDS.filter((word) => unfolded.includes(word)).length).toBeGreaterThanOrEqual(2);
        const calendar = parsed(text);
        expect(calendar.events).toHaveLength(1);
        const kept = JSON.stringify({ ...calendar, timezones: [...calendar.timezones.values()] });
        for (const word of PRIVATE_WORDS) {
            expect(kept).not.toContain(word);
        }
        expect(kept).not.toMatch(/mailto|SUMMARY|LOCATION|DESCRIPTION|ATTENDEE|ORGANIZER/i);
    });
});

describe('errors are values, never exceptions', () => {
    it.each([
        ['not a string', 42, CalendarErrorCode.NotIcs],
        ['undefined', undefined, CalendarErrorCode.NotIcs],
        ['empty', '', CalendarErrorCode.NotIcs],
        ['blank lines', '\r\n\r\n  \r\n', CalendarErrorCode.NotIcs],
        ['an HTML sign-in page', '<!DOCTYPE html>\n<html><body>Sign in to Outlook</body></html>', CalendarErrorCode.NotIcs],
        ['JSON', '{"error":"not found"}', CalendarErrorCode.NotIcs],
        ['a vCard', 'BEGIN:VCARD\r\nFN:Ada\r\nEND:VCARD\r\n', CalendarErrorCode.NotIcs],
        ['content lines before the calendar', 'X-A:1\r\nBEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n', CalendarErrorCode.NotIcs],
        ['cut off inside an event', 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:2026', CalendarErrorCode.Truncated],
        ['cut off after an event', 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nEND:VEVENT\r\n', CalendarErrorCode.Truncated],
        ['nested too deep', `BEGIN:VCALENDAR\r\n${'BEGIN:X\r\n'.repeat(100_000)}`, CalendarErrorCode.Malformed],
    ])('%s', (_name, input, code) => expect(errorOf(input)).toBe(code));

    it('a feed above the size limit is refused before it is read', () => {
        const big = ics(['BEGIN:VCALENDAR', `X-PAD:${'x'.repeat(2 * 1024 * 1024)}`, 'END:VCALENDAR']);
        expect(parseIcs(big)).toEqual({ ok: false, error: { code: CalendarErrorCode.TooLarge, params: { limit: '2 MB' } } });
        expect(parseIcs(big, { maxChars: 3 * 1024 * 1024 }).ok).toBe(true);
    });

    it('an empty calendar is a calendar', () => expect(parsed('BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n').events).toEqual([]));

    it('reads 100,000 lines of garbage inside a calendar, skipping them', () => {
        const calendar = parsed(`BEGIN:VCALENDAR\r\n${'%%% not a line %%%\r\n'.repeat(100_000)}END:VCALENDAR\r\n`);
        expect(calendar.ignoredLines).toBe(100_000);
    });

    it('reads a calendar of 25,000 events (a 2 MB feed) in full', () => {
        const event = 'BEGIN:VEVENT\r\nUID:u\r\nDTSTART:20260302T090000Z\r\nDURATION:PT1H\r\nEND:VEVENT\r\n';
        const calendar = parsed(`BEGIN:VCALENDAR\r\n${event.repeat(25_000)}END:VCALENDAR\r\n`);
        expect(calendar.events).toHaveLength(25_000);
    });

    it('never throws on random bytes, nor on valid feeds cut or damaged anywhere', () => {
        let seed = 12345;
        const random = () => {
            seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
            return seed / 2 ** 32;
        };
        const base = googleFeed([
            googleEvent('g1', ['DTSTART;TZID=Europe/Berlin:20260302T090000', 'DTEND;TZID=Europe/Berlin:20260302T100000', 'RRULE:FREQ=WEEKLY;BYDAY=MO']),
        ]);
        const alphabet = 'BEGIN:VEVENT END;=",\\\r\n\t:TZID\u0000\u00e9\ud83d';
        for (let i = 0; i < 300; i++) {
            const noise = Array.from({ length: Math.floor(random() * 400) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
            const cut = base.slice(0, Math.floor(random() * base.length));
            const at = Math.floor(random() * base.length);
            const damaged = base.slice(0, at) + noise + base.slice(at + Math.floor(random() * 50));
            for (const input of [noise, `BEGIN:VCALENDAR\r\n${noise}`, cut, damaged]) {
                expect(() => parseIcs(input)).not.toThrow();
            }
        }
    });
});
