import * as path from 'path';
import * as fs from 'fs';
import Datastore from '@seald-io/nedb';

/** The embedded document store: one nedb file per collection in DATA_DIR. */
export type Doc = Record<string, unknown> & { _id: string };

/** A typed record as a store document. */
export const asDoc = (value: object): Doc => value as unknown as Doc;

export const COLLECTIONS = ['users', 'settings', 'rooms', 'messages', 'apps', 'app_persistence', 'jobs', 'meta'] as const;
export type CollectionName = (typeof COLLECTIONS)[number];

export class Store {
    private readonly dbs = new Map<CollectionName, Datastore<Doc>>();

    constructor(public readonly dataDir: string) {}

    public async open(): Promise<void> {
        fs.mkdirSync(this.dataDir, { recursive: true });
        for (const name of COLLECTIONS) {
            const db = new Datastore<Doc>({ filename: path.join(this.dataDir, `${name}.db`) });
            await db.loadDatabaseAsync();
            this.dbs.set(name, db);
        }
        await this.col('users').ensureIndexAsync({ fieldName: 'username', unique: true, sparse: true });
        // an app's bot user, looked up on every slash command and app message: not a scan of every user
        await this.col('users').ensureIndexAsync({ fieldName: 'appId', sparse: true });
        await this.col('app_persistence').ensureIndexAsync({ fieldName: 'appId' });
        // each record's association keys ("<model>:<id>"); an array field: nedb indexes every element
        await this.col('app_persistence').ensureIndexAsync({ fieldName: 'associations' });
        await this.col('messages').ensureIndexAsync({ fieldName: 'rid' });
    }

    public col(name: CollectionName): Datastore<Doc> {
        const db = this.dbs.get(name);
        if (!db) {
            throw new Error(`The store is not open (collection ${name})`);
        }
        return db;
    }

    /**
     * How many documents an index holds under one value (a lookup in the index, no scan), or
     * undefined when the field is not indexed. Lets a caller pick the most selective of several keys.
     */
    public indexedCount(name: CollectionName, fieldName: string, value: string): number | undefined {
        const indexes = (this.col(name) as unknown as { indexes?: Record<string, { getMatching(v: unknown): unknown[] }> }).indexes;
        const index = indexes?.[fieldName];
        return index ? index.getMatching(value).length : undefined;
    }

    /** Rewrites every data file compactly, so nothing is left half-written in the append log. */
    public async flush(): Promise<void> {
        for (const db of this.dbs.values()) {
            await db.compactDatafileAsync();
        }
    }
}
