/** Wall-clock times in a user's UTC offset (hours, as Rocket.Chat's `utcOffset`). Pure. */
export const MINUTE = 60 * 1000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** `HH:MM` (24 h) as minutes after midnight, or undefined. */
export function parseClockTime(text: string): number | undefined {
    const match = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
    if (!match) {
        return undefined;
    }
    const [hours, minutes] = [Number(match[1]), Number(match[2])];
    return hours <= 23 && minutes <= 59 ? hours * 60 + minutes : undefined;
}

export function formatClockTime(minutes: number): string {
    return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** The instant of local midnight (in the offset) of the local day that contains `at`, shifted by `days`. */
export function localMidnight(at: Date, utcOffsetHours: number, days = 0): number {
    const offset = utcOffsetHours * HOUR;
    return Math.floor((at.getTime() + offset) / DAY) * DAY + days * DAY - offset;
}

/** The local day of the week (0 Sunday .. 6 Saturday) of an instant. */
export function localWeekday(at: Date | number, utcOffsetHours: number): number {
    return new Date((typeof at === 'number' ? at : at.getTime()) + utcOffsetHours * HOUR).getUTCDay();
}
