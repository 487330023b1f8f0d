import { ChangeIntent } from '../core/change/Change';
import { hasFields, miscKey, RecordStore } from './records';

/**
 * The changes under way (their intents), shared by every instance, found by id, by subject, and
 * all at once (only by the recovery pass: they are as many as the changes in flight). Who took a
 * change over from a writer that died is noted beside it (a takeover), so that one instance only
 * finishes or undoes it; removing a change removes its takeovers with it.
 */
export interface Takeover {
    changeId: string;
    id: string;
    owner: string;
}

const ALL = miscKey('change');
const byId = (id: string) => miscKey(`change:${id}`);
const bySubject = (subject: string) => miscKey(`change-subject:${subject}`);
const takeoversOf = (changeId: string) => miscKey(`change-takeover:${changeId}`);
const takeoverId = (id: string) => miscKey(`change-takeover-id:${id}`);

const isIntent = hasFields<ChangeIntent>({ id: 'string', kind: 'string', owner: 'string', committed: 'boolean' });
const isTakeover = hasFields<Takeover>({ changeId: 'string', id: 'string', owner: 'string' });

export class ChangeRepository {
    constructor(private readonly store: RecordStore) {}

    public async add(intent: ChangeIntent): Promise<void> {
        await this.store.insert([ALL, byId(intent.id), ...intent.subjects.map(bySubject)], intent);
    }

    /** Rewrites a change that is stored (its subjects stay as they were added); fails when it is gone. */
    public async save(intent: ChangeIntent): Promise<void> {
        await this.store.update([ALL, byId(intent.id)], intent);
    }

    public async get(id: string): Promise<ChangeIntent | undefined> {
        return this.store.one([ALL, byId(id)], isIntent);
    }

    public async holding(subject: string): Promise<ChangeIntent[]> {
        return this.store.all([bySubject(subject)], isIntent);
    }

    public async all(): Promise<ChangeIntent[]> {
        return this.store.all([ALL], isIntent);
    }

    /** Removes the change and every takeover of it. */
    public async remove(id: string): Promise<void> {
        await this.store.remove([byId(id)]);
    }

    public async addTakeover(takeover: Takeover): Promise<void> {
        await this.store.insert([byId(takeover.changeId), takeoversOf(takeover.changeId), takeoverId(takeover.id)], takeover);
    }

    public async takeovers(changeId: string): Promise<Takeover[]> {
        return this.store.all([takeoversOf(changeId)], isTakeover);
    }

    public async removeTakeover(id: string): Promise<void> {
        await this.store.remove([takeoverId(id)]);
    }
}
