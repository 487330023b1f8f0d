import { UserPresence } from '../core/status/presets';
import { associationKeys, hasFields, miscKey, RecordStore, userKey } from './records';

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

    /** The associations of a user's pending expiry, for the steps of a change that writes it. */
    public static associations(userId: string): string[] {
        return associationKeys(forUser(userId));
    }
}

export const isStatusExpiryRecord = isRecord;
