/**
 * "Clear after" durations for a status, as peers offer them: `30m`, `1h`, `2h30m`, `1d`, `today`,
 * `tomorrow`, `this week`, or a date (`2026-12-24`, end of that day) / date-time (`2026-12-24T09:00`).
 * Calendar words use the user's UTC offset (hours, as Rocket.Chat's `utcOffset`).
 */
export type DurationParse = { ok: true; until: Date } | { ok: false; reason: 'invalid' | 'past' };

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const RELATIVE = /^(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m(?:in)?)?$/;
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:?\d{2})?$/;

/** The last millisecond of the user's local day that contains `now`, shifted by `days`. */
function endOfLocalDay(now: Date, utcOffsetHours: number, days = 0): Date {
    const offset = utcOffsetHours * HOUR;
    const local = now.getTime() + offset;
    const startOfDay = Math.floor(local / DAY) * DAY;
    return new Date(startOfDay + (days + 1) * DAY - 1 - offset);
}

function validDate(year: number, month: number, day: number): boolean {
    const d = new Date(Date.UTC(year, month - 1, day));
    return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

export function parseDuration(input: string, now: Date, utcOffsetHours = 0): DurationParse {
    const text = input.trim().toLowerCase().replace(/\s+/g, ' ');
    if (text === '') {
        return { ok: false, reason: 'invalid' };
    }
    const future = (until: Date): DurationParse => (until.getTime() > now.getTime() ? { ok: true, until } : { ok: false, reason: 'past' });

    if (text === 'today') {
        return future(endOfLocalDay(now, utcOffsetHours));
    }
    if (text === 'tomorrow') {
        return future(endOfLocalDay(now, utcOffsetHours, 1));
    }
    if (text === 'this week' || text === 'week') {
        // weeks end on Sunday, as in Rocket.Chat's calendar (Monday first)
        const localDay = new Date(now.getTime() + utcOffsetHours * HOUR).getUTCDay();
        const daysToSunday = (7 - localDay) % 7;
        return future(endOfLocalDay(now, utcOffsetHours, daysToSunday));
    }
    const relative = RELATIVE.exec(text);
    if (relative && (relative[1] || relative[2] || relative[3])) {
        const ms = Number(relative[1] ?? 0) * DAY + Number(relative[2] ?? 0) * HOUR + Number(relative[3] ?? 0) * MINUTE;
        return ms > 0 ? future(new Date(now.getTime() + ms)) : { ok: false, reason: 'invalid' };
    }
    const dateOnly = DATE_ONLY.exec(text);
    if (dateOnly) {
        const [year, month, day] = [Number(dateOnly[1]), Number(dateOnly[2]), Number(dateOnly[3])];
        if (!validDate(year, month, day)) {
            return { ok: false, reason: 'invalid' };
        }
        return future(new Date(Date.UTC(year, month - 1, day + 1) - 1 - utcOffsetHours * HOUR));
    }
    const dateTime = DATE_TIME.exec(input.trim());
    if (dateTime) {
        const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((i) => Number(dateTime[i] ?? 0));
        if (!validDate(year, month, day) || hour > 23 || minute > 59 || second > 59) {
            return { ok: false, reason: 'invalid' };
        }
        const zone = dateTime[7];
        const until = zone ? new Date(input.trim().replace(' ', 'T')) : new Date(Date.UTC(year, month - 1, day, hour, minute, second) - utcOffsetHours * HOUR);
        return Number.isNaN(until.getTime()) ? { ok: false, reason: 'invalid' } : future(until);
    }
    return { ok: false, reason: 'invalid' };
}

/** Whether a word could start a duration, so `/status away 1h` is read as a duration, not a message. */
export function looksLikeDuration(word: string): boolean {
    const w = word.trim().toLowerCase();
    return w === 'today' || w === 'tomorrow' || w === 'week' || /^\d+(d|h|m|min)/.test(w) || /^\d{4}-\d{2}-\d{2}/.test(w);
}
