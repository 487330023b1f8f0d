import { DAY_MS, daysFromCivil, HOUR_MS, MINUTE_MS, SECOND_MS } from './civilDays';

/**
 * A time zone: the offset from UTC at an instant. Three kinds: a fixed offset (Rocket.Chat's
 * `utcOffset`, `Etc/GMT+5`), an IANA zone read through the runtime's `Intl` (the Deno runtime and
 * Node both carry the IANA data), and a zone a feed defines in a VTIMEZONE block (vtimezone.ts).
 * Local numbers (civilDays.ts) become instants with `localToUtc`.
 */
export interface Zone {
    /** an IANA name, `UTC+01:00` for a fixed offset, or the feed's TZID */
    readonly id: string;
    /** milliseconds to add to UTC to get the local wall clock at this instant */
    offsetAt(utc: number): number;
}

// bound once: looking `Math` up on every call is slow where code runs in a vm context (jest)
const { floor, min, max } = Math;

export const UTC_ZONE: Zone = { id: 'UTC', offsetAt: () => 0 };

/** Offsets in the IANA data are within -12..+14 hours; anything beyond that is refused. */
const MAX_OFFSET_MS = 18 * HOUR_MS;

export function fixedZone(offsetMs: number): Zone {
    if (offsetMs === 0) {
        return UTC_ZONE;
    }
    const abs = Math.abs(offsetMs);
    const id = `UTC${offsetMs < 0 ? '-' : '+'}${String(Math.floor(abs / HOUR_MS)).padStart(2, '0')}:${String(Math.floor((abs % HOUR_MS) / MINUTE_MS)).padStart(2, '0')}`;
    return { id, offsetAt: () => offsetMs };
}

/**
 * The instant of a local wall-clock time in a zone, by RFC 5545's rule (3.3.5): a time that does
 * not exist (the gap when clocks go forward) is read with the offset from before the gap, so it
 * moves forward by the gap's length (02:30 on a spring-forward night in Berlin is 03:30 CEST); a
 * time that happens twice (clocks go back) is the first of the two.
 */
export function localToUtc(local: number, zone: Zone): number {
    const before = zone.offsetAt(local - DAY_MS);
    const after = zone.offsetAt(local + DAY_MS);
    if (before === after) {
        return local - before;
    }
    const early = local - before;
    const late = local - after;
    const earlyValid = zone.offsetAt(early) === before;
    const lateValid = zone.offsetAt(late) === after;
    if (earlyValid && lateValid) {
        return Math.min(early, late);
    }
    if (lateValid && !earlyValid) {
        return late;
    }
    return early;
}

export function utcToLocal(utc: number, zone: Zone): number {
    return utc + zone.offsetAt(utc);
}

// ---- IANA zones through Intl ----

/** Intl is asked only within these years: outside them an era or LMT would read wrong, and no feed needs it. */
const INTL_MIN = daysFromCivil(1900, 1, 1) * DAY_MS;
const INTL_MAX = daysFromCivil(2200, 1, 1) * DAY_MS;
const DAY_CACHE_LIMIT = 8192;

type FormatOptions = Intl.DateTimeFormatOptions & { hourCycle?: 'h23' };

class IntlZone implements Zone {
    /** per UTC day: the offset when it is the same at both ends of the day, else null (a transition day) */
    private readonly days = new Map<number, number | null>();

    constructor(
        readonly id: string,
        private readonly format: Intl.DateTimeFormat,
    ) {}

    offsetAt(utc: number): number {
        const at = min(max(utc, INTL_MIN), INTL_MAX);
        const day = floor(at / DAY_MS);
        let constant = this.days.get(day);
        if (constant === undefined) {
            const start = this.exact(day * DAY_MS);
            // offsets never change twice within one day in the IANA data: equal ends mean one offset all day
            constant = start === this.exact((day + 1) * DAY_MS) ? start : null;
            if (this.days.size >= DAY_CACHE_LIMIT) {
                this.days.clear();
            }
            this.days.set(day, constant);
        }
        return constant ?? this.exact(at);
    }

    private exact(utc: number): number {
        const seconds = floor(utc / SECOND_MS) * SECOND_MS;
        const fields: Record<string, number> = {};
        for (const part of this.format.formatToParts(seconds)) {
            if (part.type !== 'literal') {
                fields[part.type] = Number(part.value);
            }
        }
        const local =
            daysFromCivil(fields.year, fields.month, fields.day) * DAY_MS +
            (fields.hour % 24) * HOUR_MS +
            fields.minute * MINUTE_MS +
            fields.second * SECOND_MS;
        return local - seconds;
    }
}

const intlZones = new Map<string, Zone | null>();
const INTL_CACHE_LIMIT = 2048;

/** The IANA zone of that name as the runtime knows it (case-insensitive, aliases accepted), or undefined. */
export function ianaZone(name: string): Zone | undefined {
    const cached = intlZones.get(name);
    if (cached !== undefined) {
        return cached ?? undefined;
    }
    let zone: Zone | null = null;
    // plain names only: Intl also accepts offsets like "+01:00" in newer runtimes, which are no IANA names
    if (/^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/.test(name)) {
        try {
            const options: FormatOptions = {
                timeZone: name,
                hourCycle: 'h23',
                year: 'numeric',
                month: 'numeric',
                day: 'numeric',
                hour: 'numeric',
                minute: 'numeric',
                second: 'numeric',
            };
            const format = new Intl.DateTimeFormat('en-US', options);
            zone = new IntlZone(format.resolvedOptions().timeZone, format);
        } catch {
            zone = null;
        }
    }
    if (intlZones.size >= INTL_CACHE_LIMIT) {
        intlZones.clear();
    }
    intlZones.set(name, zone);
    return zone ?? undefined;
}

/**
 * The zone a user's floating times and "until 15:30" are read in. Rocket.Chat keeps only the
 * user's current UTC offset (`utcOffset`, hours, updated by the client); a fixed offset is wrong
 * after the next daylight-saving change, so when an IANA name is known for the user (a setting,
 * or the feed's own `X-WR-TIMEZONE`) whose offset now equals the user's, that zone is taken.
 */
export function userZone(input: { timeZone?: string; utcOffsetHours?: number; calendarTimeZone?: string }, now: number): Zone {
    const named = input.timeZone ? ianaZone(input.timeZone) : undefined;
    if (named) {
        return named;
    }
    const hours = input.utcOffsetHours;
    if (typeof hours !== 'number' || !Number.isFinite(hours) || Math.abs(hours * HOUR_MS) > MAX_OFFSET_MS) {
        return UTC_ZONE;
    }
    const offset = Math.round(hours * 60) * MINUTE_MS;
    const hint = input.calendarTimeZone ? ianaZone(input.calendarTimeZone) : undefined;
    if (hint && hint.offsetAt(now) === offset) {
        return hint;
    }
    return fixedZone(offset);
}

/** Whether an offset is within what a real zone can have. */
export function plausibleOffset(offsetMs: number): boolean {
    return Number.isFinite(offsetMs) && Math.abs(offsetMs) <= MAX_OFFSET_MS;
}
