import { UserPresence } from '../core/status/presets';
import { WorkingHours } from '../core/status/workingHours';
import { associationKeys, hasFields, miscKey, RecordStore, userKey } from './records';

/**
 * A user's working hours (opted in), and, while the app shows them away outside those hours,
 * what to bring back when they start again. `token` changes with the hours: a job armed for
 * older hours finds another token and does nothing.
 */
export interface WorkingHoursRecord extends WorkingHours {
    userId: string;
    token: string;
    away?: { restoreStatus: UserPresence; restoreMessage: string; message: string; at: string };
    /** the last boundary applied (its time): a job for it or an earlier one finds it done */
    lastBoundary?: string;
}

const ALL = miscKey('working-hours');
const forUser = (userId: string) => [ALL, userKey(userId)];
const isRecord = hasFields<WorkingHoursRecord>({ userId: 'string', token: 'string', start: 'number', end: 'number' });

export class WorkingHoursRepository {
    constructor(private readonly store: RecordStore) {}

    public async find(userId: string): Promise<WorkingHoursRecord | undefined> {
        return this.store.one(forUser(userId), isRecord);
    }

    /** The associations of a user's record, for the steps of a change that writes it. */
    public static associations(userId: string): string[] {
        return associationKeys(forUser(userId));
    }

    /** Every opted-in user: read only when the app starts, to arm their jobs again. */
    public async all(): Promise<WorkingHoursRecord[]> {
        return this.store.all([ALL], isRecord);
    }
}
