/** The daily peaks of connections, and their text bar chart. Pure. */
export interface DayPeak {
    /** `YYYY-MM-DD` (UTC) */
    date: string;
    peak: number;
    cap: number;
}

export const HISTORY_DAYS = 90;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The UTC date of an instant. */
export const utcDate = (at: Date): string => at.toISOString().slice(0, 10);

/** The `n` dates up to today, oldest first. */
export function lastDates(n: number, now: Date): string[] {
    return Array.from({ length: n }, (_, i) => utcDate(new Date(now.getTime() - (n - 1 - i) * DAY_MS)));
}

const BLOCKS = ' ▁▂▃▄▅▆▇█';

/**
 * One line per day, `12-06 ▇▇▇▇▇▇▇░░░ 142 / 200`: the bar is the peak against the cap (full at or
 * over it; against the highest peak when there is no cap); a day without data reads `–`.
 */
export function renderHistoryChart(days: ReadonlyArray<DayPeak>, dates: ReadonlyArray<string>, width = 10): string {
    const byDate = new Map(days.map((d) => [d.date, d]));
    const highest = Math.max(1, ...days.map((d) => d.peak));
    return dates
        .map((date) => {
            const day = byDate.get(date);
            if (!day) {
                return `${date.slice(5)} ${'░'.repeat(width)} –`;
            }
            const scale = day.cap > 0 ? day.cap : highest;
            const filled = Math.min(width, Math.round((day.peak / scale) * width));
            const cap = day.cap > 0 ? ` / ${day.cap}` : '';
            return `${date.slice(5)} ${BLOCKS[8].repeat(filled)}${'░'.repeat(width - filled)} ${day.peak}${cap}`;
        })
        .join('\n');
}
