import { DAY_MS, daysFromCivil, HOUR_MS, MINUTE_MS } from '../../../src/core/calendar/civilDays';
import { parseIcs } from '../../../src/core/calendar/icsParser';
import { vtimezoneZone } from '../../../src/core/calendar/vtimezone';
import { ianaNameOfWindowsZone, WINDOWS_ZONE_NAMES } from '../../../src/core/calendar/windowsZones';
import { zoneResolver } from '../../../src/core/calendar/zoneResolver';
import { fixedZone, ianaZone, localToUtc, userZone, utcToLocal, UTC_ZONE, Zone } from '../../../src/core/calendar/zones';
import { BERLIN_VTIMEZONE_GOOGLE, ics, NEW_YORK_VTIMEZONE_APPLE, PACIFIC_VTIMEZONE, SYDNEY_VTIMEZONE, W_EUROPE_VTIMEZONE } from './feeds';

const local = (y: number, mo: number, d: number, h = 0, mi = 0) => daysFromCivil(y, mo, d) * DAY_MS + h * HOUR_MS + mi * MINUTE_MS;
const zone = (name: string): Zone => {
    const z = ianaZone(name);
    if (!z) {
        throw new Error(`no zone ${name}`);
    }
    return z;
};

const referenceFormats = new Map<string, Intl.DateTimeFormat>();
/** The offset by a second, independent reading of Intl (a Swedish date-time string), for comparison. */
function referenceOffset(name: string, utc: number): number {
    let format = referenceFormats.get(name);
    if (!format) {
        format = new Intl.DateTimeFormat('sv-SE', { timeZone: name, dateStyle: 'short', timeStyle: 'medium' } as Intl.DateTimeFormatOptions);
        referenceFormats.set(name, format);
    }
    const text = format.format(utc);
    const [date, time] = text.split(' ');
    const [y, mo, d] = date.split('-').map(Number);
    const [h, mi, s] = time.split(':').map(Number);
    return local(y, mo, d, h % 24, mi) + s * 1000 - Math.floor(utc / 1000) * 1000;
}

describe('IANA zones through Intl', () => {
    it.each([
        'Europe/Berlin',
        'America/New_York',
        'Australia/Sydney',
        'Australia/Lord_Howe',
        'Asia/Kathmandu',
        'Pacific/Chatham',
        'Asia/Tokyo',
        'America/Sao_Paulo',
        'Africa/Casablanca',
    ])('%s: the offset is right every 15 minutes through 2026 (its transition days included)', (name) => {
        const z = zone(name);
        const wrong: string[] = [];
        for (let utc = Date.UTC(2026, 0, 1); utc < Date.UTC(2027, 0, 1); utc += 15 * MINUTE_MS) {
            if (z.offsetAt(utc) !== referenceOffset(name, utc)) {
                wrong.push(new Date(utc).toISOString());
            }
        }
        expect(wrong).toEqual([]);
    });

    it('know aliases and any case; refuse unknown names and offsets written as names', () => {
        expect(ianaZone('europe/berlin')?.id).toBe('Europe/Berlin');
        expect(ianaZone('Asia/Calcutta')).toBeDefined();
        expect(ianaZone('Etc/GMT+5')?.offsetAt(0)).toBe(-5 * HOUR_MS);
        for (const name of ['Mars/Olympus_Mons', '', '+01:00', 'W. Europe Standard Time', 'Europe/Berlin; DROP', '../../etc/passwd', 'x'.repeat(100)]) {
            expect(ianaZone(name)).toBeUndefined();
        }
    });
});

describe('wall clock to instant (RFC 5545 3.3.5)', () => {
    const berlin = zone('Europe/Berlin');
    const newYork = zone('America/New_York');
    const lordHowe = zone('Australia/Lord_Howe');

    it('an ordinary time', () => {
        expect(localToUtc(local(2026, 1, 15, 9), berlin)).toBe(Date.UTC(2026, 0, 15, 8));
        expect(localToUtc(local(2026, 7, 15, 9), berlin)).toBe(Date.UTC(2026, 6, 15, 7));
    });

    it('a time in the spring-forward gap moves forward by the gap (02:30 Berlin is 03:30 CEST)', () => {
        expect(localToUtc(local(2026, 3, 29, 2, 30), berlin)).toBe(Date.UTC(2026, 2, 29, 1, 30));
        expect(new Date(Date.UTC(2026, 2, 29, 1, 30)).toLocaleString('en-GB', { timeZone: 'Europe/Berlin' })).toContain('03:30');
        expect(localToUtc(local(2026, 3, 8, 2, 15), newYork)).toBe(Date.UTC(2026, 2, 8, 7, 15));
        // Lord Howe moves by 30 minutes: 02:15 does not exist, it is 02:45
        expect(utcToLocal(localToUtc(local(2026, 10, 4, 2, 15), lordHowe), lordHowe)).toBe(local(2026, 10, 4, 2, 45));
    });

    it('a time that happens twice when clocks go back is the first of the two', () => {
        expect(localToUtc(local(2026, 10, 25, 2, 30), berlin)).toBe(Date.UTC(2026, 9, 25, 0, 30));
        expect(localToUtc(local(2026, 11, 1, 1, 30), newYork)).toBe(Date.UTC(2026, 10, 1, 5, 30));
    });

    it('the times around a change', () => {
        expect(localToUtc(local(2026, 3, 29, 1, 59), berlin)).toBe(Date.UTC(2026, 2, 29, 0, 59));
        expect(localToUtc(local(2026, 3, 29, 3, 0), berlin)).toBe(Date.UTC(2026, 2, 29, 1, 0));
        expect(localToUtc(local(2026, 10, 25, 1, 59), berlin)).toBe(Date.UTC(2026, 9, 24, 23, 59));
        expect(localToUtc(local(2026, 10, 25, 3, 0), berlin)).toBe(Date.UTC(2026, 9, 25, 2, 0));
    });

    it('round-trips every 30 minutes of a year where the time exists once', () => {
        for (let utc = Date.UTC(2026, 0, 1); utc < Date.UTC(2027, 0, 1); utc += 30 * MINUTE_MS) {
            const wall = utcToLocal(utc, berlin);
            const back = localToUtc(wall, berlin);
            if (back !== utc && !(utc >= Date.UTC(2026, 9, 25, 1) && utc < Date.UTC(2026, 9, 25, 2))) {
                throw new Error(`${new Date(utc).toISOString()} came back as ${new Date(back).toISOString()}`);
            }
        }
    });

    it('fixed offsets', () => {
        expect(localToUtc(local(2026, 3, 29, 2, 30), fixedZone(HOUR_MS))).toBe(Date.UTC(2026, 2, 29, 1, 30));
        expect(fixedZone(-5.5 * HOUR_MS).id).toBe('UTC-05:30');
        expect(fixedZone(0)).toBe(UTC_ZONE);
    });
});

describe("the user's zone", () => {
    const now = Date.UTC(2026, 5, 10, 12);
    it('an IANA name when one is known for the user', () =>
        expect(userZone({ timeZone: 'America/New_York', utcOffsetHours: 2 }, now).id).toBe('America/New_York'));
    it("else the feed's X-WR-TIMEZONE when its offset now is the user's (daylight saving then follows it)", () => {
        expect(userZone({ utcOffsetHours: 2, calendarTimeZone: 'Europe/Berlin' }, now).id).toBe('Europe/Berlin');
        expect(userZone({ utcOffsetHours: -4, calendarTimeZone: 'Europe/Berlin' }, now).id).toBe('UTC-04:00');
    });
    it("else Rocket.Chat's utcOffset as a fixed offset; UTC when there is none or it is absurd", () => {
        expect(userZone({ utcOffsetHours: 5.5 }, now).offsetAt(now)).toBe(5.5 * HOUR_MS);
        expect(userZone({ timeZone: 'Nowhere/Else', utcOffsetHours: -3 }, now).id).toBe('UTC-03:00');
        expect(userZone({}, now)).toBe(UTC_ZONE);
        expect(userZone({ utcOffsetHours: 99 }, now)).toBe(UTC_ZONE);
        expect(userZone({ utcOffsetHours: NaN }, now)).toBe(UTC_ZONE);
    });
});

describe('Windows zone names (Outlook, Exchange)', () => {
    it('every mapped IANA name is known to the runtime', () => {
        const unknown = WINDOWS_ZONE_NAMES.filter((name) => !ianaZone(ianaNameOfWindowsZone(name) as string));
        expect(unknown).toEqual([]);
        expect(WINDOWS_ZONE_NAMES.length).toBeGreaterThan(130);
    });
    it.each([
        ['W. Europe Standard Time', 'Europe/Berlin'],
        ['Pacific Standard Time', 'America/Los_Angeles'],
        ['Eastern Standard Time', 'America/New_York'],
        ['GMT Standard Time', 'Europe/London'],
        ['India Standard Time', 'Asia/Calcutta'],
        ['E. South America Standard Time', 'America/Sao_Paulo'],
        ['Romance Standard Time', 'Europe/Paris'],
        ['AUS Eastern Standard Time', 'Australia/Sydney'],
        ['  w. europe   standard time ', 'Europe/Berlin'],
    ])('%s is %s', (windows, iana) => expect(ianaNameOfWindowsZone(windows)).toBe(iana));
});

function vtimezone(lines: string[]): Zone {
    const parsed = parseIcs(ics(['BEGIN:VCALENDAR', ...lines, 'END:VCALENDAR']));
    if (!parsed.ok) {
        throw new Error('no calendar');
    }
    const z = vtimezoneZone([...parsed.value.timezones.values()][0]);
    if (!z) {
        throw new Error('no zone');
    }
    return z;
}

describe("zones from a feed's VTIMEZONE", () => {
    it.each([
        ["Google's Europe/Berlin", BERLIN_VTIMEZONE_GOOGLE, 'Europe/Berlin'],
        ["Outlook's W. Europe Standard Time (rules from 1601)", W_EUROPE_VTIMEZONE, 'Europe/Berlin'],
        ["Outlook's Pacific Standard Time", PACIFIC_VTIMEZONE, 'America/Los_Angeles'],
        ["Apple's America/New_York", NEW_YORK_VTIMEZONE_APPLE, 'America/New_York'],
        ['Australia/Sydney (daylight saving across the new year)', SYDNEY_VTIMEZONE, 'Australia/Sydney'],
    ])('%s gives the IANA offsets every hour of 2025 to 2027', (_name, lines, iana) => {
        const fromFeed = vtimezone(lines);
        const reference = zone(iana);
        const wrong: string[] = [];
        for (let utc = Date.UTC(2025, 0, 1); utc < Date.UTC(2028, 0, 1); utc += HOUR_MS) {
            if (fromFeed.offsetAt(utc) !== reference.offsetAt(utc)) {
                wrong.push(new Date(utc).toISOString());
            }
        }
        expect(wrong).toEqual([]);
    });

    it('before its first onset, the first TZOFFSETFROM; a rule that ended long ago still gives its last offset', () => {
        const z = vtimezone([
            'BEGIN:VTIMEZONE',
            'TZID:Old',
            'BEGIN:DAYLIGHT',
            'DTSTART:19800406T020000',
            'TZOFFSETFROM:+0300',
            'TZOFFSETTO:+0400',
            'RRULE:FREQ=YEARLY;BYMONTH=4;BYDAY=1SU;UNTIL=19900401T230000Z',
            'END:DAYLIGHT',
            'BEGIN:STANDARD',
            'DTSTART:19801005T030000',
            'TZOFFSETFROM:+0400',
            'TZOFFSETTO:+0300',
            'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=1SU;UNTIL=19901006T230000Z',
            'END:STANDARD',
            'END:VTIMEZONE',
        ]);
        expect(z.offsetAt(Date.UTC(1970, 0, 1))).toBe(3 * HOUR_MS);
        expect(z.offsetAt(Date.UTC(1985, 6, 1))).toBe(4 * HOUR_MS);
        expect(z.offsetAt(Date.UTC(2026, 6, 1))).toBe(3 * HOUR_MS);
    });

    it('one with a single observance and no rule is a fixed offset', () => {
        const z = vtimezone([
            'BEGIN:VTIMEZONE',
            'TZID:Customized Time Zone',
            'BEGIN:STANDARD',
            'DTSTART:16010101T000000',
            'TZOFFSETFROM:+0530',
            'TZOFFSETTO:+0530',
            'END:STANDARD',
            'END:VTIMEZONE',
        ]);
        expect(z.offsetAt(Date.UTC(2026, 6, 1))).toBe(5.5 * HOUR_MS);
    });

    it('is none when no observance can be read', () => {
        const parsed = parseIcs(
            ics(['BEGIN:VCALENDAR', 'BEGIN:VTIMEZONE', 'TZID:Broken', 'BEGIN:STANDARD', 'TZOFFSETTO:+9999', 'END:STANDARD', 'END:VTIMEZONE', 'END:VCALENDAR']),
        );
        expect(parsed.ok && vtimezoneZone(parsed.value.timezones.get('Broken')!)).toBeUndefined();
    });
});

describe('which zone a TZID names', () => {
    const customized = [
        'BEGIN:VTIMEZONE',
        'TZID:Customized Time Zone',
        'BEGIN:STANDARD',
        'DTSTART:16010101T000000',
        'TZOFFSETFROM:+0300',
        'TZOFFSETTO:+0300',
        'END:STANDARD',
        'END:VTIMEZONE',
    ];
    // a feed that defines "Europe/Berlin" wrongly: the runtime's IANA data wins over it
    const wrongBerlin = [
        'BEGIN:VTIMEZONE',
        'TZID:Europe/Berlin',
        'BEGIN:STANDARD',
        'DTSTART:19700101T000000',
        'TZOFFSETFROM:+0900',
        'TZOFFSETTO:+0900',
        'END:STANDARD',
        'END:VTIMEZONE',
    ];
    const parsed = parseIcs(ics(['BEGIN:VCALENDAR', ...customized, ...wrongBerlin, 'END:VCALENDAR']));
    const resolve = zoneResolver(parsed.ok ? parsed.value.timezones : new Map());
    const july = Date.UTC(2026, 6, 1);

    it.each([
        ['an IANA name, over the feed', 'Europe/Berlin', 2],
        ['a Windows name', 'W. Europe Standard Time', 2],
        ['a Windows name, US', 'Pacific Standard Time', -7],
        ["Mozilla's prefix", '/mozilla.org/20050126_1/America/New_York', -4],
        ["libical's prefix", '/freeassociation.sourceforge.net/Tzfile/Europe/Berlin', 2],
        ['a three-part name behind a prefix', '/citadel.org/20190914_1/America/Argentina/Buenos_Aires', -3],
        ["the feed's VTIMEZONE for anything else", 'Customized Time Zone', 3],
    ])('%s', (_name, tzid, hours) => expect(resolve(tzid)?.offsetAt(july)).toBe(hours * HOUR_MS));

    it('none for an unknown name the feed does not define', () => expect(resolve('Atlantis Standard Time')).toBeUndefined());
});
