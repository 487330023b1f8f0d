import { UserPresence } from './presets';

/** A status a user set: its presence (if any) and message. */
export interface RecentStatus {
    status?: UserPresence;
    message: string;
}

export const RECENT_STATUSES_KEPT = 5;

export const sameRecent = (a: RecentStatus, b: RecentStatus): boolean => (a.status ?? '') === (b.status ?? '') && a.message === b.message;

/**
 * Whether what a user set is one of their recent statuses: a status with a message, or a message
 * alone. A bare preset and a clear are not (they are always one click away). Pure.
 */
export function isRecentWorthy(set: { status?: string; message?: string }): boolean {
    return set.message !== undefined && set.message !== '';
}
