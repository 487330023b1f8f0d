/**
 * Feeds in the shapes calendar services publish, written by the tests from their documented
 * formats (RFC 5545 plus each producer's habits):
 * - Google Calendar's "secret address in iCal format" (`.../basic.ics`): PRODID `-//Google Inc//Google
 *   Calendar 70.9054//EN`, `X-WR-TIMEZONE`, a VTIMEZONE with `X-LIC-LOCATION`, CRLF, lines folded at 75
 *   octets, ATTENDEE / ORGANIZER lines, overrides with `RECURRENCE-ID;TZID=`, `EXDATE;TZID=`, all-day
 *   events `TRANSP:TRANSPARENT`;
 * - Outlook / Exchange published calendars: PRODID `Microsoft Exchange Server 2010`, Windows TZIDs
 *   with VTIMEZONE blocks starting in 1601, `X-MICROSOFT-CDO-BUSYSTATUS` / `-ALLDAYEVENT`, "Customized
 *   Time Zone";
 * - Nextcloud (CalDAV `?export`, sabre/vobject): PRODID `-//Sabre//Sabre VObject 4.5.4//EN`, VALARM
 *   blocks, `STATUS:TENTATIVE`, Thunderbird's X-MOZ lines;
 * - Apple iCloud published calendars: PRODID `-//Apple Inc.//iCloud 1.0//EN`, `X-APPLE-*` lines with
 *   quoted parameters holding `:` and `;`, VTIMEZONEs with TZNAME.
 */

/** Folds a content line at 75 octets (UTF-8), as RFC 5545 3.1 asks and Google does: CRLF + one space. */
export function fold(line: string, eol = '\r\n'): string {
    const out: string[] = [];
    let current = '';
    let octets = 0;
    for (const char of line) {
        const size = Buffer.byteLength(char, 'utf8');
        if (octets + size > (out.length === 0 ? 75 : 74)) {
            out.push(current);
            current = '';
            octets = 0;
        }
        current += char;
        octets += size;
    }
    out.push(current);
    return out.join(`${eol} `);
}

export function ics(lines: ReadonlyArray<string>, eol = '\r\n'): string {
    return lines.map((line) => fold(line, eol)).join(eol) + eol;
}

export const BERLIN_VTIMEZONE_GOOGLE = [
    'BEGIN:VTIMEZONE',
    'TZID:Europe/Berlin',
    'X-LIC-LOCATION:Europe/Berlin',
    'BEGIN:DAYLIGHT',
    'TZOFFSETFROM:+0100',
    'TZOFFSETTO:+0200',
    'TZNAME:CEST',
    'DTSTART:19700329T020000',
    'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
    'END:DAYLIGHT',
    'BEGIN:STANDARD',
    'TZOFFSETFROM:+0200',
    'TZOFFSETTO:+0100',
    'TZNAME:CET',
    'DTSTART:19701025T030000',
    'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
    'END:STANDARD',
    'END:VTIMEZONE',
];

export function outlookVtimezone(
    tzid: string,
    standard: { from: string; to: string; month: number; byDay: string; at: string },
    daylight: { from: string; to: string; month: number; byDay: string },
): string[] {
    return [
        'BEGIN:VTIMEZONE',
        `TZID:${tzid}`,
        'BEGIN:STANDARD',
        `DTSTART:16010101T${standard.at}`,
        `TZOFFSETFROM:${standard.from}`,
        `TZOFFSETTO:${standard.to}`,
        `RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=${standard.byDay};BYMONTH=${standard.month}`,
        'END:STANDARD',
        'BEGIN:DAYLIGHT',
        'DTSTART:16010101T020000',
        `TZOFFSETFROM:${daylight.from}`,
        `TZOFFSETTO:${daylight.to}`,
        `RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=${daylight.byDay};BYMONTH=${daylight.month}`,
        'END:DAYLIGHT',
        'END:VTIMEZONE',
    ];
}

export const W_EUROPE_VTIMEZONE = outlookVtimezone(
    'W. Europe Standard Time',
    { from: '+0200', to: '+0100', month: 10, byDay: '-1SU', at: '030000' },
    { from: '+0100', to: '+0200', month: 3, byDay: '-1SU' },
);
export const PACIFIC_VTIMEZONE = outlookVtimezone(
    'Pacific Standard Time',
    { from: '-0700', to: '-0800', month: 11, byDay: '1SU', at: '020000' },
    { from: '-0800', to: '-0700', month: 3, byDay: '2SU' },
);

export const NEW_YORK_VTIMEZONE_APPLE = [
    'BEGIN:VTIMEZONE',
    'TZID:America/New_York',
    'BEGIN:DAYLIGHT',
    'TZOFFSETFROM:-0500',
    'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU',
    'DTSTART:20070311T020000',
    'TZNAME:EDT',
    'TZOFFSETTO:-0400',
    'END:DAYLIGHT',
    'BEGIN:STANDARD',
    'TZOFFSETFROM:-0400',
    'RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU',
    'DTSTART:20071104T020000',
    'TZNAME:EST',
    'TZOFFSETTO:-0500',
    'END:STANDARD',
    'END:VTIMEZONE',
];

export const SYDNEY_VTIMEZONE = [
    'BEGIN:VTIMEZONE',
    'TZID:Australia/Sydney',
    'BEGIN:STANDARD',
    'TZOFFSETFROM:+1100',
    'TZOFFSETTO:+1000',
    'DTSTART:20080406T030000',
    'RRULE:FREQ=YEARLY;BYMONTH=4;BYDAY=1SU',
    'END:STANDARD',
    'BEGIN:DAYLIGHT',
    'TZOFFSETFROM:+1000',
    'TZOFFSETTO:+1100',
    'DTSTART:20081005T020000',
    'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=1SU',
    'END:DAYLIGHT',
    'END:VTIMEZONE',
];

/** What no stored record may contain: the titles, places, descriptions and people of these feeds. */
export const PRIVATE_WORDS = [
    'Salary review',
    'Room 4.12',
    'Dr. Ada',
    'ada@example.com',
    'Strategy offsite',
    'Board room',
    'Therapy',
    'carol@example.org',
    'Secret agenda',
    'Dentist',
];

export function googleFeed(events: ReadonlyArray<ReadonlyArray<string>>): string {
    return ics([
        'BEGIN:VCALENDAR',
        'PRODID:-//Google Inc//Google Calendar 70.9054//EN',
        'VERSION:2.0',
        'CALSCALE:GREGORIAN',
        'METHOD:PUBLISH',
        'X-WR-CALNAME:alice@example.com',
        'X-WR-TIMEZONE:Europe/Berlin',
        ...BERLIN_VTIMEZONE_GOOGLE,
        ...([] as string[]).concat(...events),
        'END:VCALENDAR',
    ]);
}

/** A Google VEVENT with the lines Google writes around the times. */
export function googleEvent(uid: string, times: ReadonlyArray<string>, extra: ReadonlyArray<string> = []): string[] {
    return [
        'BEGIN:VEVENT',
        ...times,
        'DTSTAMP:20260601T101010Z',
        'ORGANIZER;CN=Dr. Ada:mailto:ada@example.com',
        `UID:${uid}`,
        'ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;CN=Dr. Ada;X-NUM-GUESTS=0:mailto:ada@example.com',
        'ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;CN=carol@example.org;X-NUM-GUESTS=0:mailto:carol@example.org',
        'CREATED:20260101T090000Z',
        'DESCRIPTION:Agenda:\\n1. Salary review\\, numbers\\; and the rest\\nJoin: https://meet.google.com/abc-defg-hij',
        'LAST-MODIFIED:20260601T101010Z',
        'LOCATION:Room 4.12\\, Board room',
        'SEQUENCE:0',
        ...extra,
        'SUMMARY:Salary review',
        'END:VEVENT',
    ];
}

export function outlookFeed(timezones: ReadonlyArray<ReadonlyArray<string>>, events: ReadonlyArray<ReadonlyArray<string>>): string {
    return ics([
        'BEGIN:VCALENDAR',
        'METHOD:PUBLISH',
        'PRODID:Microsoft Exchange Server 2010',
        'VERSION:2.0',
        'X-WR-CALNAME:Calendar',
        ...([] as string[]).concat(...timezones),
        ...([] as string[]).concat(...events),
        'END:VCALENDAR',
    ]);
}

export function outlookEvent(uid: string, times: ReadonlyArray<string>, busyStatus: string, extra: ReadonlyArray<string> = [], allDay = false): string[] {
    return [
        'BEGIN:VEVENT',
        ...extra,
        `UID:${uid}`,
        'SUMMARY:Strategy offsite',
        ...times,
        'CLASS:PUBLIC',
        'PRIORITY:5',
        'DTSTAMP:20260601T120000Z',
        `TRANSP:${busyStatus === 'FREE' ? 'TRANSPARENT' : 'OPAQUE'}`,
        'STATUS:CONFIRMED',
        'SEQUENCE:0',
        'LOCATION:Board room',
        'X-MICROSOFT-CDO-APPT-SEQUENCE:0',
        `X-MICROSOFT-CDO-BUSYSTATUS:${busyStatus}`,
        `X-MICROSOFT-CDO-INTENDEDSTATUS:${busyStatus}`,
        `X-MICROSOFT-CDO-ALLDAYEVENT:${allDay ? 'TRUE' : 'FALSE'}`,
        'X-MICROSOFT-CDO-IMPORTANCE:1',
        'X-MICROSOFT-CDO-INSTTYPE:0',
        'X-MICROSOFT-DONOTFORWARDMEETING:FALSE',
        'X-MICROSOFT-DISALLOW-COUNTER:FALSE',
        'END:VEVENT',
    ];
}

export function nextcloudFeed(events: ReadonlyArray<ReadonlyArray<string>>, eol = '\r\n'): string {
    return ics(
        [
            'BEGIN:VCALENDAR',
            'VERSION:2.0',
            'PRODID:-//Sabre//Sabre VObject 4.5.4//EN',
            'CALSCALE:GREGORIAN',
            'X-WR-CALNAME:Personal',
            'X-APPLE-CALENDAR-COLOR:#0082c9',
            ...BERLIN_VTIMEZONE_GOOGLE,
            ...([] as string[]).concat(...events),
            'END:VCALENDAR',
        ],
        eol,
    );
}

export function nextcloudEvent(uid: string, times: ReadonlyArray<string>, extra: ReadonlyArray<string> = []): string[] {
    return [
        'BEGIN:VEVENT',
        'CREATED:20260510T081500Z',
        'DTSTAMP:20260510T081600Z',
        'LAST-MODIFIED:20260510T081600Z',
        'SEQUENCE:2',
        `UID:${uid}`,
        ...times,
        'SUMMARY:Therapy',
        'LOCATION:Dr. Ada',
        'DESCRIPTION:Secret agenda',
        'X-MOZ-GENERATION:3',
        ...extra,
        'BEGIN:VALARM',
        'ACTION:DISPLAY',
        'TRIGGER;RELATED=START:-PT15M',
        'DESCRIPTION:Therapy',
        // a VALARM's STATUS / DTSTART must never be read as the event's
        'STATUS:CANCELLED',
        'END:VALARM',
        'END:VEVENT',
    ];
}

export function appleFeed(events: ReadonlyArray<ReadonlyArray<string>>): string {
    return ics([
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'PRODID:-//Apple Inc.//iCloud 1.0//EN',
        'CALSCALE:GREGORIAN',
        'X-WR-CALNAME:Work',
        'X-APPLE-CALENDAR-COLOR:#1BADF8',
        'X-WR-TIMEZONE:America/New_York',
        ...NEW_YORK_VTIMEZONE_APPLE,
        ...([] as string[]).concat(...events),
        'END:VCALENDAR',
    ]);
}

export function appleEvent(uid: string, times: ReadonlyArray<string>, extra: ReadonlyArray<string> = []): string[] {
    return [
        'BEGIN:VEVENT',
        'CREATED:20260301T120000Z',
        `UID:${uid}`,
        ...times,
        'TRANSP:OPAQUE',
        'X-APPLE-TRAVEL-ADVISORY-BEHAVIOR:AUTOMATIC',
        'SUMMARY:Dentist',
        'LAST-MODIFIED:20260301T120000Z',
        'DTSTAMP:20260301T120000Z',
        'SEQUENCE:1',
        'X-APPLE-STRUCTURED-LOCATION;VALUE=URI;X-ADDRESS="1 Main St\\nNew York, NY";X-APPLE-RADIUS=70;X-TITLE="Board room: 4th; floor":geo:40.7,-74.0',
        ...extra,
        'END:VEVENT',
    ];
}
