import { RecentRecords, recentRecordsOf } from './RecentStatusRepository';
import { RecordStore, userKey } from './records';
import { isStatusExpiryRecord, StatusExpiryRecord } from './StatusExpiryRepository';

/**
 * What a status change of one user needs from the store, in one read: every record of the user
 * (a handful: the pending expiry, the recent statuses, a notice...), sorted by kind here. The
 * repositories stay the writers of their own records.
 */
export interface UserStatusRecords {
    pending?: StatusExpiryRecord;
    recent: RecentRecords;
}

export async function readUserStatusRecords(store: RecordStore, userId: string): Promise<UserStatusRecords> {
    const records = await store.all([userKey(userId)], (_value: unknown): _value is unknown => true);
    return { pending: records.find(isStatusExpiryRecord), recent: recentRecordsOf(records) };
}
