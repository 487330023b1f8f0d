import { DAY_MS, daysFromCivil, HOUR_MS, isValidDate, MINUTE_MS, SECOND_MS } from './civilDays';
import { localToUtc, Zone } from './zones';

/**
 * RFC 5545 date and time values (3.3.4, 3.3.5) as DTSTART, DTEND, RECURRENCE-ID, EXDATE, RDATE and
 * UNTIL carry them: a date (`VALUE=DATE`, all day), a UTC time (`...Z`), a floating time (no zone:
 * read in the user's zone) or a time in a zone (`TZID=`). Times are local numbers (civilDays.ts).
 */
export type IcsDateTime =
    { kind: 'date'; day: number } | { kind: 'utc'; utc: number } | { kind: 'floating'; local: number } | { kind: 'zoned'; local: number; tzid: string };

const DATE = /^(\d{4})(\d{2})(\d{2})$/;
const DATE_TIME = /^(\d{4})(\d{2})(\d{2})[Tt](\d{2})(\d{2})(\d{2})?([Zz])?$/;

/** A DATE or DATE-TIME value, by its form (a `VALUE=` that disagrees with the form is not trusted). */
export function parseDateTimeValue(value: string, params: Record<string, string> = {}): IcsDateTime | undefined {
    const text = value.trim();
    const date = DATE.exec(text);
    if (date) {
        const [year, month, day] = [Number(date[1]), Number(date[2]), Number(date[3])];
        return isValidDate(year, month, day) ? { kind: 'date', day: daysFromCivil(year, month, day) } : undefined;
    }
    const dateTime = DATE_TIME.exec(text);
    if (!dateTime) {
        return undefined;
    }
    const [year, month, day, hour, minute] = [1, 2, 3, 4, 5].map((i) => Number(dateTime[i]));
    // a leap second (60) is read as 59: no runtime counts it
    const second = Math.min(Number(dateTime[6] ?? 0), 59);
    if (!isValidDate(year, month, day) || hour > 23 || minute > 59) {
        return undefined;
    }
    const local = daysFromCivil(year, month, day) * DAY_MS + hour * HOUR_MS + minute * MINUTE_MS + second * SECOND_MS;
    if (dateTime[7]) {
        return { kind: 'utc', utc: local };
    }
    const tzid = (params.TZID ?? '').trim();
    return tzid !== '' ? { kind: 'zoned', local, tzid } : { kind: 'floating', local };
}

/** The values of an EXDATE or RDATE line (comma-separated); PERIOD values and unreadable ones are left out. */
export function parseDateTimeList(value: string, params: Record<string, string> = {}): IcsDateTime[] {
    const out: IcsDateTime[] = [];
    for (const part of value.split(',')) {
        const parsed = part.indexOf('/') < 0 ? parseDateTimeValue(part, params) : undefined;
        if (parsed) {
            out.push(parsed);
        }
    }
    return out;
}

/**
 * The instant of a value, given the zone its TZID names (or the user's zone for a floating time or
 * a date, whose day starts at the user's midnight).
 */
export function instantOf(value: IcsDateTime, zone: Zone): number {
    switch (value.kind) {
        case 'utc':
            return value.utc;
        case 'date':
            return localToUtc(value.day * DAY_MS, zone);
        default:
            return localToUtc(value.local, zone);
    }
}

/**
 * RFC 5545 3.3.6 DURATION: `P1D`, `PT1H30M`, `P2W`, `-PT15M`... Days and weeks are nominal (a day
 * across a daylight-saving change is 23 or 25 hours: the same wall time next day); hours, minutes
 * and seconds are exact. Weeks may be combined with days (some producers do).
 */
export interface IcsDuration {
    /** nominal days, weeks included, signed */
    days: number;
    /** exact milliseconds, signed */
    ms: number;
}

const DURATION = /^([+-])?P(?:(\d{1,6})W)?(?:(\d{1,6})D)?(?:T(?:(\d{1,7})H)?(?:(\d{1,8})M)?(?:(\d{1,9})S)?)?$/i;

export function parseIcsDuration(text: string): IcsDuration | undefined {
    const trimmed = text.trim();
    const match = DURATION.exec(trimmed);
    if (!match || !/\d/.test(trimmed) || /T$/i.test(trimmed)) {
        return undefined;
    }
    const sign = match[1] === '-' ? -1 : 1;
    const [weeks, days, hours, minutes, seconds] = [2, 3, 4, 5, 6].map((i) => Number(match[i] ?? 0));
    return { days: sign * (weeks * 7 + days) || 0, ms: sign * (hours * HOUR_MS + minutes * MINUTE_MS + seconds * SECOND_MS) || 0 };
}

/** `+0100`, `-0500`, `+053000` (TZOFFSETFROM / TZOFFSETTO) in milliseconds, or undefined. */
export function parseUtcOffset(text: string): number | undefined {
    const match = /^([+-])(\d{2})(\d{2})(\d{2})?$/.exec(text.trim());
    if (!match) {
        return undefined;
    }
    const [hours, minutes, seconds] = [Number(match[2]), Number(match[3]), Number(match[4] ?? 0)];
    if (hours > 23 || minutes > 59 || seconds > 59) {
        return undefined;
    }
    const ms = hours * HOUR_MS + minutes * MINUTE_MS + seconds * SECOND_MS;
    return match[1] === '-' ? -ms : ms;
}
