import { RECENT_STATUSES_KEPT, RecentStatus, sameRecent } from '../core/status/recentStatuses';
import { associationKeys, miscKey, RecordStore, userKey } from './records';

/**
 * A user's recent statuses: one record per distinct pair (status, message), rewritten with the time
 * it was last set. Two instances noting two statuses of one user at once write two records, so
 * neither is lost (one list in one record would keep only the last write). The list is the newest
 * five; older pairs are removed when a new one is noted.
 */
export interface RecentRecord extends RecentStatus {
    userId: string;
    at: string;
}

const KIND = miscKey('recent-status');
/** the one record of a user's list kept before the pairs had their own (read, and removed at the next note) */
const LEGACY = miscKey('recent-statuses');
const pairKey = (status: RecentStatus) => `${status.status ?? ''}\u0000${status.message}`;
const forPair = (userId: string, status: RecentStatus) => [userKey(userId), KIND, miscKey(`recent-status:${userId}:${pairKey(status)}`)];

const isPair = (value: unknown): value is RecentRecord =>
    typeof value === 'object' && value !== null && typeof (value as RecentRecord).message === 'string' && typeof (value as RecentRecord).at === 'string';
const isLegacy = (value: unknown): value is { recent: RecentStatus[] } =>
    typeof value === 'object' && value !== null && Array.isArray((value as { recent?: unknown }).recent);

/** What a user's records say of their recent statuses: the pairs, newest first, and the legacy list if still there. */
export interface RecentRecords {
    pairs: RecentRecord[];
    legacy?: RecentStatus[];
}

export function recentRecordsOf(records: ReadonlyArray<unknown>): RecentRecords {
    const pairs = records.filter(isPair).sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
    const legacy = records.find(isLegacy)?.recent;
    return legacy ? { pairs, legacy } : { pairs };
}

/** The newest five distinct statuses. */
export function recentList(records: RecentRecords): RecentStatus[] {
    const list: RecentStatus[] = [];
    for (const item of [...records.pairs, ...(records.legacy ?? [])]) {
        if (!list.some((known) => sameRecent(known, item))) {
            list.push(item.status ? { status: item.status, message: item.message } : { message: item.message });
        }
    }
    return list.slice(0, RECENT_STATUSES_KEPT);
}

export class RecentStatusRepository {
    constructor(private readonly store: RecordStore) {}

    public async records(userId: string): Promise<RecentRecords> {
        const [pairs, legacy] = await Promise.all([this.store.all([userKey(userId), KIND], isPair), this.store.all([userKey(userId), LEGACY], isLegacy)]);
        return recentRecordsOf([...pairs, ...legacy]);
    }

    public static pairAssociations(userId: string, status: RecentStatus): string[] {
        return associationKeys(forPair(userId, status));
    }

    public static legacyAssociations(userId: string): string[] {
        return associationKeys([userKey(userId), LEGACY]);
    }
}
