import { DAY, formatClockTime, localMidnight, localWeekday, MINUTE, parseClockTime } from './clock';

/**
 * A user's working hours: on the given weekdays, from `start` to `end` (minutes after local
 * midnight, in their UTC offset). Outside them the app shows the user as away. Pure.
 */
export interface WorkingHours {
    start: number;
    end: number;
    /** 0 Sunday .. 6 Saturday */
    days: number[];
    utcOffset: number;
}

const DAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
export const WEEKDAYS = [1, 2, 3, 4, 5];

/** `mon-fri`, `mon,wed,fri`, `sat-sun`: weekday numbers, or undefined. */
export function parseDays(text: string): number[] | undefined {
    const days = new Set<number>();
    for (const part of text.toLowerCase().split(',')) {
        const [from, to] = part.split('-').map((p) => DAY_NAMES.indexOf(p.trim().slice(0, 3)));
        if (from < 0 || (to !== undefined && to < 0)) {
            return undefined;
        }
        for (let d = from; ; d = (d + 1) % 7) {
            days.add(d);
            if (to === undefined || d === to) break;
        }
    }
    return days.size ? [...days].sort((a, b) => a - b) : undefined;
}

export function formatDays(days: ReadonlyArray<number>): string {
    return days.map((d) => DAY_NAMES[d]).join(',');
}

/** `09:00-17:00 [mon-fri]`: the hours, or undefined when the words do not say them. */
export function parseWorkingHours(words: ReadonlyArray<string>, utcOffset: number): WorkingHours | undefined {
    if (words.length < 1 || words.length > 2) {
        return undefined;
    }
    const [from, to] = words[0].split('-');
    const start = parseClockTime(from ?? '');
    const end = parseClockTime(to ?? '');
    const days = words[1] ? parseDays(words[1]) : WEEKDAYS;
    if (start === undefined || end === undefined || start >= end || !days) {
        return undefined;
    }
    return { start, end, days, utcOffset };
}

export function describeWorkingHours(hours: WorkingHours): string {
    return `${formatClockTime(hours.start)}-${formatClockTime(hours.end)} ${formatDays(hours.days)}`;
}

/** Whether `at` falls within the working hours. */
export function isWithinWorkingHours(hours: WorkingHours, at: Date): boolean {
    const midnight = localMidnight(at, hours.utcOffset);
    const minutes = (at.getTime() - midnight) / MINUTE;
    return hours.days.includes(localWeekday(at, hours.utcOffset)) && minutes >= hours.start && minutes < hours.end;
}

/** The next time the working hours start or end after `at`, and which. */
export function nextBoundary(hours: WorkingHours, at: Date): { at: Date; kind: 'start' | 'end' } {
    for (let day = 0; day <= 7; day++) {
        const midnight = localMidnight(at, hours.utcOffset, day);
        if (!hours.days.includes(localWeekday(midnight + DAY / 2, hours.utcOffset))) {
            continue;
        }
        for (const [minutes, kind] of [
            [hours.start, 'start'],
            [hours.end, 'end'],
        ] as const) {
            const when = midnight + minutes * MINUTE;
            if (when > at.getTime()) {
                return { at: new Date(when), kind };
            }
        }
    }
    throw new Error('working hours without a working day');
}
