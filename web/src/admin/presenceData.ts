/**
 * What the presence panel reads from the app, and the small computations it shows: the warning
 * level (as the app computes it), the last days of the history with the missing ones filled in,
 * and the audit entries as the app words them. Pure, so unit tests cover it.
 */

/** `GET presence.getConnections`: `max` is the cap in force; `source` says whose count it is. */
export interface Connections {
    current: number;
    max: number;
    source?: 'workspace' | 'estimate' | string;
}

/** One day of `GET presence.history` (a UTC date; `cap` 0 when there was no cap). */
export interface HistoryDay {
    date: string;
    peak: number;
    cap: number;
}

/** One entry of `GET status.audit`. */
export interface AuditEntry {
    _id: string;
    ts: string;
    action: string;
    source: string;
    actor?: { _id: string; username?: string };
    target?: { _id: string; username?: string };
    details?: Record<string, unknown>;
    /** Who, what and from where, in the reader's language (the app's words, so the page and `/status audit` agree). */
    actorText?: string;
    text?: string;
    sourceText?: string;
}

/** The count at which admins are warned: `percent` of the cap, at least 1 (the app's rule). */
export function warningLevel(cap: number, percent: number): number {
    return Math.max(1, Math.ceil((cap * percent) / 100));
}

/** Where the warning mark sits on the bar, in % of its width; undefined when there is no warning. */
export function warningMarkPercent(cap: number, percent: number | undefined, unlimited: boolean): number | undefined {
    if (percent === undefined || percent <= 0 || unlimited || cap <= 0) return undefined;
    return Math.min(100, (warningLevel(cap, percent) / cap) * 100);
}

export const utcDate = (d: Date): string => d.toISOString().slice(0, 10);

/** The last `n` UTC dates up to `now`, oldest first. */
export function lastDates(n: number, now: Date): string[] {
    const dates: string[] = [];
    for (let i = n - 1; i >= 0; i--) {
        dates.push(utcDate(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - i))));
    }
    return dates;
}

/** The chart's days: the last `n` dates, each with its record when the app kept one. */
export function chartDays(days: ReadonlyArray<HistoryDay>, now: Date, n = 14): Array<{ date: string; day?: HistoryDay }> {
    const byDate = new Map(days.map((d) => [d.date, d]));
    return lastDates(n, now).map((date) => ({ date, day: byDate.get(date) }));
}

/** The height scale of the chart: the highest peak shown (at least 1). */
export function chartScale(days: ReadonlyArray<{ day?: HistoryDay }>): number {
    return Math.max(1, ...days.map((d) => d.day?.peak ?? 0));
}

/** An entry in words, as the app wrote them in the reader's language (the ids when an entry has none). */
export function describeAudit(entry: AuditEntry): { who: string; what: string; source: string } {
    const who = entry.actorText ?? (entry.actor ? `@${entry.actor.username ?? entry.actor._id}` : '');
    return { who, what: entry.text ?? entry.action, source: entry.sourceText ?? entry.source };
}
