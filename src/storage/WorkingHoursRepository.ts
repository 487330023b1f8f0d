import { UserPresence } from '../core/status/presets';
import { WorkingHours } from '../core/status/workingHours';
import { hasFields, miscKey, RecordStore, userKey } from './records';

/**
 * A user's working hours (opted in), and, while the app shows them away outside those hours,
 * what to bring back when they start again. `token` changes with the hours: a job armed for
 * older hours finds another token and does nothing.
 */
export interface WorkingHoursRecord extends WorkingHours {
    userId: string;
    token: string;
    away?: { restoreStatus: UserPresence; restoreMessage: string; message: string; at: string };
}

const ALL = miscKey('working-hours');
const forUser = (userId: string) => [ALL, userKey(userId)];
const isRecord = hasFields<WorkingHoursRecord>({ userId: 'string', token: 'string', start: 'number', end: 'number' });

export class WorkingHoursRepository {
    constructor(private readonly store: RecordStore) {}

    public async find(userId: string): Promise<WorkingHoursRecord | undefined> {
        return this.store.one(forUser(userId), isRecord);
    }

    public async save(record: WorkingHoursRecord): Promise<void> {
        await this.store.upsert(forUser(record.userId), record);
    }

    public async remove(userId: string): Promise<void> {
        await this.store.remove(forUser(userId));
    }

    /** Every opted-in user: read only when the app starts, to arm their jobs again. */
    public async all(): Promise<WorkingHoursRecord[]> {
        return this.store.all([ALL], isRecord);
    }
}
