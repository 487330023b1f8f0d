/**
 * What the presence panel reads from the app, and the small computations it shows: the warning
 * level (as the app computes it), the last days of the history with the missing ones filled in,
 * and the audit entries in words. Pure, so unit tests cover it.
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

/** The page's own strings an audit entry needs (keys of the page's catalog). */
export type AuditKey =
    | 'audit_app'
    | 'audit_an_admin'
    | 'audit_status_set'
    | 'audit_custom_create'
    | 'audit_custom_update'
    | 'audit_custom_delete'
    | 'audit_presence_off'
    | 'audit_presence_off_admin'
    | 'audit_presence_off_server'
    | 'audit_presence_on'
    | 'audit_unknown'
    | 'audit_message_only'
    | 'audit_status_cleared';

export type Translate = (key: string, vars?: Record<string, string | number>) => string;

const str = (value: unknown): string => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '');

/** A presence in words (`online` -> "Online"); none means a message-only custom status. */
function presenceWords(t: Translate, presence: unknown): string {
    const p = str(presence);
    return ['online', 'away', 'busy', 'offline'].includes(p) ? t(`status_${p}`) : t('audit_message_only');
}

/** Who did it, what, and from where, in the reader's language. */
export function describeAudit(t: Translate, entry: AuditEntry): { who: string; what: string; source: string } {
    const details = entry.details ?? {};
    const previous = (details.previous ?? {}) as Record<string, unknown>;
    let what: string;
    switch (entry.action) {
        case 'user-status.set': {
            const parts = [str(details.status) ? presenceWords(t, details.status) : '', str(details.message) ? `"${str(details.message)}"` : ''].filter(
                Boolean,
            );
            what = t('audit_status_set', {
                target: entry.target?.username ?? entry.target?._id ?? '',
                status: parts.length ? parts.join(', ') : t('audit_status_cleared'),
            });
            break;
        }
        case 'custom-user-status.create':
            what = t('audit_custom_create', { name: str(details.name), presence: presenceWords(t, details.statusType) });
            break;
        case 'custom-user-status.update':
            what = t('audit_custom_update', { previous: str(previous.name), name: str(details.name), presence: presenceWords(t, details.statusType) });
            break;
        case 'custom-user-status.delete':
            what = t('audit_custom_delete', { name: str(details.name) });
            break;
        case 'presence.off':
            // the reason of the turn-off: an admin's switch, the app's cap, or Rocket.Chat's own stop
            what =
                details.reason === 'admin'
                    ? t('audit_presence_off_admin')
                    : details.reason === 'server'
                      ? t('audit_presence_off_server', { count: str(details.count) })
                      : t('audit_presence_off', { count: str(details.count), cap: str(details.cap) });
            break;
        case 'presence.on':
            what = t('audit_presence_on');
            break;
        default:
            what = t('audit_unknown', { action: entry.action });
    }
    // no actor: the app did it by itself, or an admin saved the settings page (apps are not told who)
    const who = entry.actor ? `@${entry.actor.username ?? entry.actor._id}` : entry.source === 'settings' ? t('audit_an_admin') : t('audit_app');
    return { who, what, source: t(`audit_source_${entry.source}`) };
}
