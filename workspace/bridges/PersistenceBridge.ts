import { PersistenceBridge } from '@rocket.chat/apps-engine/server/bridges/PersistenceBridge';
import { asDoc } from '../store/Store';
import type { RocketChatAssociationRecord } from '@rocket.chat/apps-engine/definition/metadata';
import type { HostContext } from '../engine/HostContext';
import { randomId } from '../store/ids';
import type { PersistenceUse } from '../diagnostics/PersistenceCounts';

interface PersistenceDoc {
    _id: string;
    appId: string;
    data: string;
    associations: string[];
}

type AssociationLike = RocketChatAssociationRecord | { model: string; id: string };

/** Associations come as class instances from the host, or as plain JSON from the Deno runtime. */
const keyOf = (a: AssociationLike): string =>
    a instanceof Object && typeof (a as RocketChatAssociationRecord).getModel === 'function'
        ? `${(a as RocketChatAssociationRecord).getModel()}:${(a as RocketChatAssociationRecord).getID()}`
        : `${(a as { model: string }).model}:${(a as { id: string }).id}`;

/** App persistence (Rocket.Chat's `rocketchat_apps_persistence`): records with associations, per app. */
export class WorkspacePersistenceBridge extends PersistenceBridge {
    constructor(private readonly ctx: HostContext) {
        super();
    }

    private get col() {
        return this.ctx.store.col('app_persistence');
    }

    /**
     * The app's records that carry ALL the given associations. Looked up through the index on the
     * `associations` array by the most selective key (the one fewest records carry, counted in the
     * index), then checked for the app and the other keys: the cost follows the records that carry
     * that key, not the app's record count.
     */
    private async matching(associations: RocketChatAssociationRecord[], appId: string): Promise<PersistenceDoc[]> {
        const keys = [...new Set(associations.map(keyOf))];
        if (!keys.length) return [];
        let best = keys[0];
        let bestCount = Infinity;
        for (const key of keys) {
            const count = this.ctx.store.indexedCount('app_persistence', 'associations', key) ?? Infinity;
            if (count < bestCount) {
                best = key;
                bestCount = count;
            }
            if (count === 0) return [];
        }
        const docs = (await this.col.findAsync({ associations: best })) as unknown as PersistenceDoc[];
        return docs.filter((d) => d.appId === appId && keys.every((k) => (d.associations ?? []).includes(k)));
    }

    /** Counts a call for the local diagnostics (`GET /api/workspace/stats`). */
    private note(appId: string, method: string, use: PersistenceUse = {}): void {
        this.ctx.persistenceCounts?.note(appId, method, use);
    }

    private async insert(data: object, associations: RocketChatAssociationRecord[], appId: string): Promise<PersistenceDoc> {
        const doc: PersistenceDoc = { _id: randomId(), appId, data: JSON.stringify(data), associations: associations.map(keyOf) };
        await this.col.insertAsync(asDoc(doc));
        return doc;
    }

    public async purge(appId: string): Promise<void> {
        const removed = await this.col.removeAsync({ appId }, { multi: true });
        this.note(appId, 'purge', { written: removed });
    }

    protected async create(data: object, appId: string): Promise<string> {
        const doc = await this.insert(data, [], appId);
        this.note(appId, 'create', { written: 1, bytesWritten: doc.data.length });
        return doc._id;
    }

    protected async createWithAssociations(data: object, associations: RocketChatAssociationRecord[], appId: string): Promise<string> {
        const doc = await this.insert(data, associations, appId);
        this.note(appId, 'createWithAssociations', { written: 1, bytesWritten: doc.data.length });
        return doc._id;
    }

    protected async readById(id: string, appId: string): Promise<object> {
        const doc = (await this.col.findOneAsync({ _id: id, appId })) as unknown as PersistenceDoc | null;
        this.note(appId, 'readById', { read: doc ? 1 : 0, bytesRead: doc?.data.length ?? 0 });
        return (doc ? JSON.parse(doc.data) : undefined) as object;
    }

    protected async readByAssociations(associations: RocketChatAssociationRecord[], appId: string): Promise<object[]> {
        const docs = associations.length ? await this.matching(associations, appId) : [];
        this.note(appId, 'readByAssociations', { read: docs.length, bytesRead: docs.reduce((sum, d) => sum + d.data.length, 0) });
        return docs.map((d) => JSON.parse(d.data) as object);
    }

    protected async remove(id: string, appId: string): Promise<object | undefined> {
        const doc = (await this.col.findOneAsync({ _id: id, appId })) as unknown as PersistenceDoc | null;
        if (doc) await this.col.removeAsync({ _id: id, appId }, {});
        this.note(appId, 'remove', { written: doc ? 1 : 0 });
        return doc ? (JSON.parse(doc.data) as object) : undefined;
    }

    protected async removeByAssociations(associations: RocketChatAssociationRecord[], appId: string): Promise<object[] | undefined> {
        const docs = associations.length ? await this.matching(associations, appId) : [];
        if (docs.length) await this.col.removeAsync({ _id: { $in: docs.map((d) => d._id) } }, { multi: true });
        this.note(appId, 'removeByAssociations', { written: docs.length });
        return docs.length ? docs.map((d) => JSON.parse(d.data) as object) : undefined;
    }

    protected async update(id: string, data: object, upsert: boolean, appId: string): Promise<string> {
        const existing = await this.col.findOneAsync({ _id: id, appId });
        if (!existing && !upsert) {
            this.note(appId, 'update');
            throw new Error(`No persistence record with the id "${id}"`);
        }
        const json = JSON.stringify(data);
        await this.col.updateAsync({ _id: id, appId }, { $set: { data: json, appId } }, { upsert });
        this.note(appId, 'update', { written: 1, bytesWritten: json.length });
        return id;
    }

    protected async updateByAssociations(associations: RocketChatAssociationRecord[], data: object, upsert: boolean, appId: string): Promise<string> {
        const [first] = await this.matching(associations, appId);
        if (first) {
            const json = JSON.stringify(data);
            await this.col.updateAsync({ _id: first._id }, { $set: { data: json } }, {});
            this.note(appId, 'updateByAssociations', { written: 1, bytesWritten: json.length });
            return first._id;
        }
        if (!upsert) {
            this.note(appId, 'updateByAssociations');
            throw new Error('No persistence record matches the associations');
        }
        const doc = await this.insert(data, associations, appId);
        this.note(appId, 'updateByAssociations', { written: 1, bytesWritten: doc.data.length });
        return doc._id;
    }
}
