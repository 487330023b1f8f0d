import { DAY, localMidnight, MINUTE, parseClockTime } from './clock';

/**
 * A scheduled status's time span from a command: `from <when> to <when>`, where `<when>` is
 * `HH:MM`, `today HH:MM`, `tomorrow HH:MM` or `YYYY-MM-DD HH:MM` (also `YYYY-MM-DDTHH:MM`), in the
 * user's UTC offset. An end without a date is the first such time after the start; a start
 * without a date is today's, or tomorrow's once today's span is over. A span already under way
 * starts now. Pure.
 */
export type SpanParse = { ok: true; start: Date; end: Date; take: number } | { ok: false; reason: 'invalid' | 'past' | 'order' | 'too-far'; text: string };

/** How far ahead a status may be scheduled. */
export const MAX_SCHEDULE_AHEAD_MS = 90 * DAY;

interface When {
    /** local midnight of the day given, when a day was given */
    day?: number;
    minutes: number;
    take: number;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})t(\d{1,2}:\d{2})$/i;

function dayFromDate(year: number, month: number, day: number, utcOffsetHours: number): number | undefined {
    const utc = Date.UTC(year, month - 1, day);
    const check = new Date(utc);
    if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
        return undefined;
    }
    return utc - utcOffsetHours * 60 * MINUTE;
}

function readWhen(words: ReadonlyArray<string>, now: Date, utcOffsetHours: number): When | undefined {
    const [first = '', second = ''] = words.map((w) => w.toLowerCase());
    const dateTime = DATE_TIME.exec(first);
    if (dateTime) {
        const minutes = parseClockTime(dateTime[4]);
        const day = dayFromDate(Number(dateTime[1]), Number(dateTime[2]), Number(dateTime[3]), utcOffsetHours);
        return minutes === undefined || day === undefined ? undefined : { day, minutes, take: 1 };
    }
    const time = parseClockTime(first);
    if (time !== undefined) {
        return { minutes: time, take: 1 };
    }
    const minutes = parseClockTime(second);
    if (minutes === undefined) {
        return undefined;
    }
    if (first === 'today' || first === 'tomorrow') {
        return { day: localMidnight(now, utcOffsetHours, first === 'today' ? 0 : 1), minutes, take: 2 };
    }
    const date = DATE.exec(first);
    const day = date ? dayFromDate(Number(date[1]), Number(date[2]), Number(date[3]), utcOffsetHours) : undefined;
    return day === undefined ? undefined : { day, minutes, take: 2 };
}

/** Whether a word has the shape of a time (`14:00`), a date (`2026-12-24`) or a day (`today`, `tomorrow`), valid or not. */
function looksLikeWhen(word: string): boolean {
    return /^\d{1,2}:\d{2}$/.test(word) || /^\d{4}-\d{2}-\d{2}(t\d{1,2}:\d{2})?$/i.test(word) || ['today', 'tomorrow'].includes(word.toLowerCase());
}

/** Reads `from <when> to <when>` at the start of `words` (the `from` included). */
export function parseSpan(words: ReadonlyArray<string>, now: Date, utcOffsetHours: number): SpanParse | undefined {
    if ((words[0] ?? '').toLowerCase() !== 'from') {
        return undefined;
    }
    const startWhen = readWhen(words.slice(1), now, utcOffsetHours);
    const toAt = 1 + (startWhen?.take ?? 1);
    const text = words.slice(0, toAt + 3).join(' ');
    // a span only when what follows `from` has the shape of a time or a day: `away from keyboard` is a message
    if (!looksLikeWhen(words[1] ?? '')) {
        return undefined;
    }
    if (!startWhen || (words[toAt] ?? '').toLowerCase() !== 'to') {
        return { ok: false, reason: 'invalid', text };
    }
    const endWhen = readWhen(words.slice(toAt + 1), now, utcOffsetHours);
    if (!endWhen) {
        return { ok: false, reason: 'invalid', text };
    }
    let start = (startWhen.day ?? localMidnight(now, utcOffsetHours)) + startWhen.minutes * MINUTE;
    const endAfter = (from: number) => {
        const end = (endWhen.day ?? localMidnight(new Date(from), utcOffsetHours)) + endWhen.minutes * MINUTE;
        return endWhen.day === undefined && end <= from ? end + DAY : end;
    };
    let end = endAfter(start);
    if (startWhen.day === undefined && end <= now.getTime()) {
        // today's span is over: the next one
        start += DAY;
        end = endAfter(start);
    }
    const take = toAt + 1 + endWhen.take;
    const spanText = words.slice(0, take).join(' ');
    if (end <= now.getTime()) {
        return { ok: false, reason: 'past', text: spanText };
    }
    if (end <= start) {
        return { ok: false, reason: 'order', text: spanText };
    }
    if (start - now.getTime() > MAX_SCHEDULE_AHEAD_MS) {
        return { ok: false, reason: 'too-far', text: spanText };
    }
    // a start already passed (with a date) means "from now"
    return { ok: true, start: new Date(Math.max(start, now.getTime())), end: new Date(end), take };
}
