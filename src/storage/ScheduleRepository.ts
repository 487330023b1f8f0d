import { UserPresence } from '../core/status/presets';
import { associationKeys, hasFields, miscKey, RecordStore, userKey } from './records';

/** A status to apply later, from `start` to `end` (then the previous one comes back, as with an expiry). */
export interface ScheduledStatus {
    id: string;
    userId: string;
    status?: UserPresence;
    message: string;
    start: string;
    end: string;
    createdAt: string;
}

const ALL = miscKey('status-schedule');
const forUser = (userId: string) => [ALL, userKey(userId)];
const one = (userId: string, id: string) => [...forUser(userId), miscKey(`status-schedule:${id}`)];
const isSchedule = hasFields<ScheduledStatus>({ id: 'string', userId: 'string', start: 'string', end: 'string', message: 'string' });

export class ScheduleRepository {
    constructor(private readonly store: RecordStore) {}

    /** The associations of one schedule, for the steps of a change that writes it. */
    public static associations(userId: string, id: string): string[] {
        return associationKeys(one(userId, id));
    }

    public async find(userId: string, id: string): Promise<ScheduledStatus | undefined> {
        return this.store.one(one(userId, id), isSchedule);
    }

    /** A user's pending schedules, the soonest first. */
    public async forUser(userId: string): Promise<ScheduledStatus[]> {
        return (await this.store.all(forUser(userId), isSchedule)).sort((a, b) => (a.start < b.start ? -1 : 1));
    }

    /** Every pending schedule: read only when the app starts, to arm their jobs again. */
    public async all(): Promise<ScheduledStatus[]> {
        return this.store.all([ALL], isSchedule);
    }
}
