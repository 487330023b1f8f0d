import { hasFields, miscKey, RecordStore, userKey } from '../records';

/** The admins the app can message: the engine cannot list the members of a role, so the app keeps the ones it met. */
export interface AdminRecord {
    userId: string;
    username: string;
}

const ADMINS = miscKey('presence-admin');
const admin = (userId: string) => [userKey(userId), ADMINS];
const isAdmin = hasFields<AdminRecord>({ userId: 'string', username: 'string' });

export class AdminRepository {
    constructor(private readonly store: RecordStore) {}

    public async remember(record: AdminRecord): Promise<void> {
        await this.store.upsert(admin(record.userId), record);
    }

    public async forget(userId: string): Promise<void> {
        await this.store.remove(admin(userId));
    }

    /** Grows with the number of admins, not of users; read only when admins are messaged. */
    public async list(): Promise<AdminRecord[]> {
        return this.store.all([ADMINS], isAdmin);
    }
}
