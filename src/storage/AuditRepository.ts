import { AuditEntry } from '../core/audit/AuditEntry';
import { associationKeys, hasFields, miscKey, RecordStore } from './records';

/**
 * Audit entries, one record each (inserts only: instances never write the same record), found by
 * all, by a user they concern (actor or target), and by day (to prune whole days).
 */
const ALL = miscKey('audit');
const byUser = (userId: string) => miscKey(`audit:user:${userId}`);
const byDay = (date: string) => miscKey(`audit:day:${date}`);
const byId = (id: string) => miscKey(`audit:id:${id}`);
const isEntry = hasFields<AuditEntry>({ _id: 'string', ts: 'string', action: 'string', source: 'string' });

export class AuditRepository {
    constructor(private readonly store: RecordStore) {}

    /** The associations of an entry (its own id among them), for the step of the change it records. */
    public static associations(entry: AuditEntry): string[] {
        const users = [...new Set([entry.actor?._id, entry.target?._id].filter((id): id is string => !!id))];
        return associationKeys([ALL, byDay(entry.ts.slice(0, 10)), byId(entry._id), ...users.map(byUser)]);
    }

    /** Every entry, or those concerning one user. Grows with the entries of 90 days, never with users. */
    public async list(userId?: string): Promise<AuditEntry[]> {
        return this.store.all(userId ? [ALL, byUser(userId)] : [ALL], isEntry);
    }

    /** Removes one day's entries. */
    public async removeDay(date: string): Promise<number> {
        return (await this.store.remove([ALL, byDay(date)])).length;
    }
}
