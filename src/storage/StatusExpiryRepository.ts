import { UserPresence } from '../core/status/presets';
import { hasFields, miscKey, RecordStore, userKey } from './records';
import { StatusExpiryDueIndex } from './StatusExpiryDueIndex';

/**
 * A pending "clear after": at `expiresAt` the user's status and message go back to the
 * `restore*` values, if the user still shows what the app set (`applied*`). The record is the
 * source of truth: the scheduled job carries the `token` and does nothing unless the record is
 * still there with that token.
 */
export interface StatusExpiryRecord {
    userId: string;
    token: string;
    expiresAt: string;
    restoreStatus: UserPresence;
    restoreMessage: string;
    /** what the app set; absent in records written before it was kept */
    appliedStatus?: UserPresence;
    appliedMessage?: string;
}

const KIND = miscKey('status-expiry');
const forUser = (userId: string) => [KIND, userKey(userId)];
const isRecord = hasFields<StatusExpiryRecord>({ userId: 'string', token: 'string', expiresAt: 'string' });

export class StatusExpiryRepository {
    constructor(private readonly store: RecordStore) {}

    public async find(userId: string): Promise<StatusExpiryRecord | undefined> {
        return this.store.one(forUser(userId), isRecord);
    }

    /** Every pending expiry: read only when the app starts. */
    public async all(): Promise<StatusExpiryRecord[]> {
        return this.store.all([KIND], isRecord);
    }

    /** Saves the user's pending expiry, and notes the minute it falls due for the sweep. */
    public async save(record: StatusExpiryRecord): Promise<void> {
        await this.store.upsert(forUser(record.userId), record);
        await new StatusExpiryDueIndex(this.store).add({ userId: record.userId, token: record.token }, record.expiresAt);
    }

    public async remove(userId: string): Promise<void> {
        await this.store.remove(forUser(userId));
    }
}
