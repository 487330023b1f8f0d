import { hasFields, miscKey, RecordStore, userKey } from './records';

/**
 * Which direct messages of a change went out already, per recipient: a change's follow-up that is
 * run again (after a failure, or by a recovery) skips them. Kept a few days, pruned by the day.
 */
interface SentRecord {
    key: string;
    userId: string;
    at: string;
}

const ALL = miscKey('message-sent');
const sent = (key: string, userId: string) => [miscKey(`message-sent:${key}`), userKey(userId)];
const byDay = (date: string) => miscKey(`message-sent-day:${date}`);
const isSent = hasFields<SentRecord>({ key: 'string', userId: 'string' });

export class MessageSentRepository {
    constructor(private readonly store: RecordStore) {}

    /** The recipients a message went to already. */
    public async recipients(key: string): Promise<Set<string>> {
        return new Set((await this.store.all([miscKey(`message-sent:${key}`)], isSent)).map((record) => record.userId));
    }

    public async add(key: string, userId: string, now = new Date()): Promise<void> {
        const at = now.toISOString();
        await this.store.insert([ALL, ...sent(key, userId), byDay(at.slice(0, 10))], { key, userId, at });
    }

    public async removeDay(date: string): Promise<number> {
        return (await this.store.remove([ALL, byDay(date)])).length;
    }
}
