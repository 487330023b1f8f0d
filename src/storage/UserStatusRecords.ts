import { RecentStatus } from '../core/status/recentStatuses';
import { hasFields, RecordStore, userKey } from './records';
import { StatusExpiryRecord } from './StatusExpiryRepository';

/**
 * What a status change of one user needs from the store, in one read: every record of the user
 * (a handful: the pending expiry, the recent statuses, a notice...), sorted by kind here. The
 * repositories stay the writers of their own records.
 */
export interface UserStatusRecords {
    pending?: StatusExpiryRecord;
    recent: RecentStatus[];
}

const isExpiry = hasFields<StatusExpiryRecord>({ userId: 'string', token: 'string', expiresAt: 'string' });
const isRecent = (value: unknown): value is { recent: RecentStatus[] } =>
    typeof value === 'object' && value !== null && Array.isArray((value as { recent?: unknown }).recent);

export async function readUserStatusRecords(store: RecordStore, userId: string): Promise<UserStatusRecords> {
    const records = await store.all([userKey(userId)], (_value: unknown): _value is unknown => true);
    return { pending: records.find(isExpiry), recent: records.find(isRecent)?.recent ?? [] };
}
