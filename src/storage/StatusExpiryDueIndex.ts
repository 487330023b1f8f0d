import { associationKeys, hasFields, miscKey, RecordStore } from './records';

/**
 * Which expiries fall due in a given minute (UTC): one small entry per expiry set, so the
 * safety-net sweep reads the minutes that passed, never every pending expiry. An entry whose
 * expiry was replaced or cleared since is harmless (the expiry record decides); entries go a
 * minute at a time once swept, and a whole day at a time by the retention job.
 */
export interface DueEntry {
    userId: string;
    token: string;
}

export interface SweepCursor {
    /** the last minute swept, `YYYY-MM-DDTHH:MM` (UTC) */
    through: string;
}

const ALL = miscKey('status-expiry-due');
const byMinute = (minute: string) => miscKey(`status-expiry-due-minute:${minute}`);
const byDay = (date: string) => miscKey(`status-expiry-due-day:${date}`);
const byToken = (token: string) => miscKey(`status-expiry-due-token:${token}`);
const CURSOR = [miscKey('status-expiry-sweep-cursor')];
const isEntry = hasFields<DueEntry>({ userId: 'string', token: 'string' });
const isCursor = hasFields<SweepCursor>({ through: 'string' });

/** `YYYY-MM-DDTHH:MM` of a time (UTC), or undefined for an invalid one. */
export function minuteOf(time: Date): string | undefined {
    return Number.isNaN(time.getTime()) ? undefined : time.toISOString().slice(0, 16);
}

export class StatusExpiryDueIndex {
    constructor(private readonly store: RecordStore) {}

    /** The associations of an expiry's due entry (its own token among them), for the step of a change that adds it. */
    public static associations(entry: DueEntry, expiresAt: string): string[] | undefined {
        const minute = minuteOf(new Date(expiresAt));
        return minute === undefined ? undefined : associationKeys([ALL, byMinute(minute), byDay(minute.slice(0, 10)), byToken(entry.token)]);
    }

    public async dueIn(minute: string): Promise<DueEntry[]> {
        return this.store.all([byMinute(minute)], isEntry);
    }

    public async clearMinute(minute: string): Promise<void> {
        await this.store.remove([ALL, byMinute(minute)]);
    }

    public async removeDay(date: string): Promise<number> {
        return (await this.store.remove([ALL, byDay(date)])).length;
    }

    public async sweptThrough(): Promise<string | undefined> {
        return (await this.store.one(CURSOR, isCursor))?.through;
    }

    public async setSweptThrough(minute: string): Promise<void> {
        await this.store.upsert(CURSOR, { through: minute });
    }
}
