import { IcsDateTime, parseDateTimeValue } from './icsTime';

/**
 * RFC 5545 3.3.10 RRULE, the part calendars publish for meetings: FREQ DAILY, WEEKLY, MONTHLY or
 * YEARLY; INTERVAL, COUNT, UNTIL, BYDAY (with ordinals in monthly and yearly rules: `2TU`, `-1FR`),
 * BYMONTHDAY (negative counts from the month's end), BYMONTH, BYSETPOS and WKST. Rules asking for
 * more (HOURLY and finer, BYHOUR, BYMINUTE, BYSECOND, BYWEEKNO, BYYEARDAY, a non-Gregorian RSCALE)
 * are "unsupported": their event is left out and counted, rather than guessed at.
 */
export type Frequency = 'DAILY' | 'WEEKLY' | 'MONTHLY' | 'YEARLY';

export interface WeekdayNum {
    /** 0 = Sunday .. 6 = Saturday */
    weekday: number;
    /** the nth (1..53) or nth-from-last (-1..-53) such weekday of the month or year; absent = every one */
    ordinal?: number;
}

export interface Rrule {
    freq: Frequency;
    interval: number;
    count?: number;
    until?: IcsDateTime;
    byDay?: WeekdayNum[];
    byMonthDay?: number[];
    byMonth?: number[];
    bySetPos?: number[];
    /** the day a week starts on (default Monday), 0 = Sunday */
    wkst: number;
}

export type RruleParse = { ok: true; rule: Rrule } | { ok: false; reason: 'invalid' | 'unsupported' };

const WEEKDAYS: Record<string, number> = { SU: 0, MO: 1, TU: 2, WE: 3, TH: 4, FR: 5, SA: 6 };
const FREQUENCIES = ['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'];
const FINER_FREQUENCIES = ['SECONDLY', 'MINUTELY', 'HOURLY'];
const UNSUPPORTED_PARTS = ['BYSECOND', 'BYMINUTE', 'BYHOUR', 'BYWEEKNO', 'BYYEARDAY'];
/** An INTERVAL larger than this is no meeting series. */
const MAX_INTERVAL = 10_000;

/** Lists are read without repeats, so a rule of 100,000 `MO,MO,...` costs what `MO` does. */
function integers(text: string, min: number, max: number, allowNegative: boolean): number[] | undefined {
    const out: number[] = [];
    for (const part of text.split(',')) {
        if (!/^[+-]?\d{1,3}$/.test(part.trim())) {
            return undefined;
        }
        const n = Number(part);
        if (n === 0 || Math.abs(n) < min || Math.abs(n) > max || (!allowNegative && n < 0)) {
            return undefined;
        }
        if (out.indexOf(n) < 0) {
            out.push(n);
        }
    }
    return out;
}

function weekdayNums(text: string): WeekdayNum[] | undefined {
    const out: WeekdayNum[] = [];
    for (const part of text.split(',')) {
        const match = /^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$/.exec(part.trim().toUpperCase());
        if (!match) {
            return undefined;
        }
        const ordinal = match[1] === undefined ? undefined : Number(match[1]);
        if (ordinal !== undefined && (ordinal === 0 || Math.abs(ordinal) > 53)) {
            return undefined;
        }
        const weekday = WEEKDAYS[match[2]];
        if (!out.some((wd) => wd.weekday === weekday && wd.ordinal === ordinal)) {
            out.push(ordinal === undefined ? { weekday } : { weekday, ordinal });
        }
    }
    return out;
}

export function parseRrule(text: string): RruleParse {
    const parts = new Map<string, string>();
    for (const part of text.trim().split(';')) {
        if (part.trim() === '') {
            continue;
        }
        const eq = part.indexOf('=');
        if (eq <= 0) {
            return { ok: false, reason: 'invalid' };
        }
        const name = part.slice(0, eq).trim().toUpperCase();
        if (!parts.has(name)) {
            parts.set(name, part.slice(eq + 1).trim());
        }
    }
    const freq = (parts.get('FREQ') ?? '').toUpperCase();
    if (FINER_FREQUENCIES.indexOf(freq) >= 0 || UNSUPPORTED_PARTS.some((name) => parts.has(name))) {
        return { ok: false, reason: 'unsupported' };
    }
    const rscale = parts.get('RSCALE');
    if (rscale !== undefined && rscale.toUpperCase() !== 'GREGORIAN') {
        return { ok: false, reason: 'unsupported' };
    }
    if (FREQUENCIES.indexOf(freq) < 0) {
        return { ok: false, reason: 'invalid' };
    }
    const rule: Rrule = { freq: freq as Frequency, interval: 1, wkst: 1 };
    const interval = parts.get('INTERVAL');
    if (interval !== undefined) {
        if (!/^\d{1,6}$/.test(interval) || Number(interval) < 1 || Number(interval) > MAX_INTERVAL) {
            return { ok: false, reason: 'invalid' };
        }
        rule.interval = Number(interval);
    }
    const count = parts.get('COUNT');
    if (count !== undefined) {
        if (!/^\d{1,12}$/.test(count) || Number(count) < 1) {
            return { ok: false, reason: 'invalid' };
        }
        rule.count = Number(count);
    }
    const until = parts.get('UNTIL');
    if (until !== undefined) {
        const parsed = parseDateTimeValue(until);
        if (!parsed) {
            return { ok: false, reason: 'invalid' };
        }
        rule.until = parsed;
    }
    const lists: Array<[string, (text: string) => unknown, keyof Rrule]> = [
        ['BYDAY', weekdayNums, 'byDay'],
        ['BYMONTHDAY', (t) => integers(t, 1, 31, true), 'byMonthDay'],
        ['BYMONTH', (t) => integers(t, 1, 12, false), 'byMonth'],
        ['BYSETPOS', (t) => integers(t, 1, 366, true), 'bySetPos'],
    ];
    for (const [name, read, key] of lists) {
        const value = parts.get(name);
        if (value === undefined) {
            continue;
        }
        const parsed = read(value);
        if (parsed === undefined) {
            return { ok: false, reason: 'invalid' };
        }
        (rule as unknown as Record<string, unknown>)[key] = parsed;
    }
    const wkst = parts.get('WKST');
    if (wkst !== undefined) {
        const day = WEEKDAYS[wkst.toUpperCase()];
        if (day === undefined) {
            return { ok: false, reason: 'invalid' };
        }
        rule.wkst = day;
    }
    return { ok: true, rule };
}
