import { UserPresence } from './presets';

/** A status a user set: its presence (if any) and message. */
export interface RecentStatus {
    status?: UserPresence;
    message: string;
}

export const RECENT_STATUSES_KEPT = 5;

const same = (a: RecentStatus, b: RecentStatus) => (a.status ?? '') === (b.status ?? '') && a.message === b.message;

/** The list with `latest` first, each pair once, at most five. Pure. */
export function withRecent(list: ReadonlyArray<RecentStatus>, latest: RecentStatus): RecentStatus[] {
    return [latest, ...list.filter((item) => !same(item, latest))].slice(0, RECENT_STATUSES_KEPT);
}
