import * as fs from 'fs';
import * as path from 'path';
import { AppMetadataStorage } from '@rocket.chat/apps-engine/server/storage/AppMetadataStorage';
import { AppSourceStorage } from '@rocket.chat/apps-engine/server/storage/AppSourceStorage';
import { AppLogStorage, IAppLogStorageFindOptions } from '@rocket.chat/apps-engine/server/storage/AppLogStorage';
import type { IAppStorageItem } from '@rocket.chat/apps-engine/server/storage/IAppStorageItem';
import type { AppStatus } from '@rocket.chat/apps-engine/definition/AppStatus';
import type { ISetting } from '@rocket.chat/apps-engine/definition/settings';
import type { IAppInfo } from '@rocket.chat/apps-engine/definition/metadata';
import type { IMarketplaceInfo } from '@rocket.chat/apps-engine/server/marketplace';
import type { ILoggerStorageEntry } from '@rocket.chat/apps-engine/server/logging';
import type { Store } from '../store/Store';
import { asDoc } from '../store/Store';

/**
 * App descriptors in the `apps` collection. Stored as JSON text: descriptors carry keys (i18n,
 * settings) that a document store may not accept as field names.
 */
export class NedbAppMetadataStorage extends AppMetadataStorage {
    constructor(private readonly store: Store) {
        super('nedb');
    }

    private async write(item: IAppStorageItem): Promise<IAppStorageItem> {
        const doc = { _id: item.id, json: JSON.stringify(item) };
        await this.store.col('apps').updateAsync({ _id: item.id }, doc, { upsert: true });
        return item;
    }

    private static parse(doc: Record<string, unknown> | null): IAppStorageItem | null {
        if (!doc?.json) {
            return null;
        }
        const item = JSON.parse(String(doc.json)) as IAppStorageItem;
        if (item.createdAt) item.createdAt = new Date(item.createdAt);
        if (item.updatedAt) item.updatedAt = new Date(item.updatedAt);
        return item;
    }

    public async create(item: IAppStorageItem): Promise<IAppStorageItem> {
        const now = new Date();
        const stored = { ...item, _id: item.id, createdAt: now, updatedAt: now };
        return this.write(stored);
    }

    public async retrieveOne(id: string): Promise<IAppStorageItem | null> {
        return NedbAppMetadataStorage.parse(await this.store.col('apps').findOneAsync({ _id: id }));
    }

    public async retrieveAll(): Promise<Map<string, IAppStorageItem>> {
        const map = new Map<string, IAppStorageItem>();
        for (const doc of await this.store.col('apps').findAsync({})) {
            const item = NedbAppMetadataStorage.parse(doc);
            if (item) map.set(item.id, item);
        }
        return map;
    }

    public async retrieveAllPrivate(): Promise<Map<string, IAppStorageItem>> {
        const all = await this.retrieveAll();
        return new Map([...all].filter(([, item]) => item.installationSource === 'private'));
    }

    public async remove(id: string): Promise<{ success: boolean }> {
        await this.store.col('apps').removeAsync({ _id: id }, {});
        return { success: true };
    }

    public async updatePartialAndReturnDocument(item: Partial<IAppStorageItem>, options?: { unsetPermissionsGranted?: boolean }): Promise<IAppStorageItem> {
        const id = item.id ?? item._id;
        const current = id ? await this.retrieveOne(id) : null;
        if (!current || !id) {
            throw new Error(`No app with the id "${id}" is installed`);
        }
        const merged: IAppStorageItem = { ...current, ...item, id, updatedAt: new Date() } as IAppStorageItem;
        if (options?.unsetPermissionsGranted) {
            delete merged.permissionsGranted;
        }
        return this.write(merged);
    }

    private async patch(id: string, change: (item: IAppStorageItem) => void): Promise<boolean> {
        const current = await this.retrieveOne(id);
        if (!current) {
            return false;
        }
        change(current);
        current.updatedAt = new Date();
        await this.write(current);
        return true;
    }

    public updateStatus(id: string, status: AppStatus): Promise<boolean> {
        return this.patch(id, (item) => {
            item.status = status;
        });
    }

    public updateSetting(id: string, setting: ISetting): Promise<boolean> {
        return this.patch(id, (item) => {
            item.settings = { ...item.settings, [setting.id]: setting };
        });
    }

    public updateAppInfo(id: string, info: IAppInfo): Promise<boolean> {
        return this.patch(id, (item) => {
            item.info = info;
        });
    }

    public updateMarketplaceInfo(id: string, marketplaceInfo: IMarketplaceInfo[]): Promise<boolean> {
        return this.patch(id, (item) => {
            item.marketplaceInfo = marketplaceInfo;
        });
    }
}

/** App packages as zip files in DATA_DIR/apps. */
export class FileAppSourceStorage extends AppSourceStorage {
    constructor(private readonly dir: string) {
        super();
        fs.mkdirSync(dir, { recursive: true });
    }

    private fileFor(item: IAppStorageItem): string {
        if (!/^[A-Za-z0-9-]+$/.test(item.id)) {
            throw new Error('Invalid app id');
        }
        return path.join(this.dir, `${item.id}.zip`);
    }

    public async store(item: IAppStorageItem, zip: Buffer): Promise<string> {
        const file = this.fileFor(item);
        await fs.promises.writeFile(file, zip);
        return file;
    }

    public async fetch(item: IAppStorageItem): Promise<Buffer> {
        return fs.promises.readFile(this.fileFor(item));
    }

    public update(item: IAppStorageItem, zip: Buffer): Promise<string> {
        return this.store(item, zip);
    }

    public async remove(item: IAppStorageItem): Promise<void> {
        await fs.promises.rm(this.fileFor(item), { force: true });
    }
}

/** What the log storage holds and has lost (the local diagnostic `GET /api/workspace/stats`). */
export interface AppLogStats {
    /** entries waiting in memory for the next background write */
    pending: number;
    /** entries in the store (written by this storage and found there at start) */
    stored: number;
    /** entries dropped: oldest queued ones over the queue cap, batches whose write failed */
    dropped: number;
    /** entries written to the store since start */
    written: number;
}

interface QueuedEntry {
    _id: string;
    appId: string;
    at: Date;
    entry: ILoggerStorageEntry;
}

/**
 * App logs in the `app_logs` collection (kept as JSON text, like the descriptors), written off the
 * request path. The engine awaits `storeEntries` before it answers every app call (each API call,
 * command, listener and job result carries the call's log entries), so the entry is queued in memory
 * and the promise resolves at once; a background write stores the queue in batches (one insert, one
 * file append per batch). Bounded: at most `queueCap` entries wait (over it the oldest are dropped and
 * counted), and the store keeps the newest `keep` entries (older ones are removed after each batch, and
 * the collection's file is compacted now and then so it does not grow either). Reads (`getEntriesFor`,
 * `findPaginated`, Rocket.Chat's `GET /api/apps/:id/logs`) see the queued entries and the stored ones,
 * newest first. `flush()` writes everything that waits (on shutdown).
 */
export class NedbAppLogStorage extends AppLogStorage {
    private readonly keep: number;
    private readonly queueCap: number;
    private readonly batchSize: number;
    private readonly delayMs: number;
    private pending: QueuedEntry[] = [];
    /** the batch being written: still read from memory until the write finished */
    private inFlight: QueuedEntry[] = [];
    /** ids of the stored entries, oldest first; loaded from the store on the first write */
    private storedIds?: string[];
    private dropped = 0;
    private written = 0;
    private removedSinceCompaction = 0;
    private timer?: NodeJS.Timeout;
    private writing?: Promise<void>;
    private lastError = 0;
    /**
     * Ids unique across restarts and instances without the cost of a random id per entry, in the
     * order written (start time, then a padded counter): they order entries stored in the same ms.
     */
    private readonly idPrefix = `${Date.now().toString(36).padStart(9, '0')}${Math.random().toString(36).slice(2, 6)}-`;
    private seq = 0;

    constructor(
        private readonly store: Store,
        opts: { keep?: number; queueCap?: number; batchSize?: number; delayMs?: number } = {},
    ) {
        super('nedb');
        this.keep = opts.keep ?? 5_000;
        this.queueCap = opts.queueCap ?? 5_000;
        this.batchSize = opts.batchSize ?? 1_000;
        this.delayMs = opts.delayMs ?? 250;
    }

    private get col() {
        return this.store.col('app_logs');
    }

    public stats(): AppLogStats {
        return { pending: this.pending.length + this.inFlight.length, stored: this.storedIds?.length ?? 0, dropped: this.dropped, written: this.written };
    }

    public storeEntries(entry: ILoggerStorageEntry): Promise<ILoggerStorageEntry> {
        this.pending.push({ _id: `${this.idPrefix}${(++this.seq).toString(36).padStart(8, '0')}`, appId: entry.appId, at: new Date(), entry });
        if (this.pending.length > this.queueCap) {
            const over = this.pending.length - this.queueCap;
            this.pending.splice(0, over);
            this.dropped += over;
        }
        this.schedule();
        return Promise.resolve(entry);
    }

    /** Writes everything queued, and resolves when it is in the store. */
    public async flush(): Promise<void> {
        if (this.timer) clearTimeout(this.timer);
        this.timer = undefined;
        while (this.writing || this.pending.length) {
            if (this.writing) {
                await this.writing;
            } else {
                await this.startWrite();
            }
        }
    }

    private schedule(): void {
        if (this.timer || this.writing) return;
        // a full batch goes at once; otherwise the queue gathers for a moment
        this.timer = setTimeout(
            () => {
                this.timer = undefined;
                void this.startWrite();
            },
            this.pending.length >= this.batchSize ? 0 : this.delayMs,
        );
        this.timer.unref();
    }

    private startWrite(): Promise<void> {
        if (!this.writing) {
            this.writing = this.writeBatches().finally(() => {
                this.writing = undefined;
                if (this.pending.length) this.schedule();
            });
        }
        return this.writing;
    }

    private async writeBatches(): Promise<void> {
        if (!this.storedIds) {
            const docs = await this.col.findAsync({}, { _id: 1, at: 1 }).sort({ at: 1, _id: 1 });
            this.storedIds = docs.map((d) => d._id);
        }
        while (this.pending.length) {
            this.inFlight = this.pending.splice(0, this.batchSize);
            try {
                await this.col.insertAsync(this.inFlight.map((q) => asDoc({ _id: q._id, appId: q.appId, at: q.at, json: JSON.stringify(q.entry) })));
                this.written += this.inFlight.length;
                for (const q of this.inFlight) this.storedIds.push(q._id);
            } catch (err) {
                this.dropped += this.inFlight.length;
                this.reportError(err);
            } finally {
                this.inFlight = [];
            }
            await this.trim();
        }
    }

    private async trim(): Promise<void> {
        const ids = this.storedIds ?? [];
        if (ids.length <= this.keep) return;
        const oldest = ids.splice(0, ids.length - this.keep);
        try {
            await this.col.removeAsync({ _id: { $in: oldest } }, { multi: true });
            // every removal is a line appended to the collection's file: rewrite it now and then
            this.removedSinceCompaction += oldest.length;
            if (this.removedSinceCompaction >= 4 * this.keep) {
                this.removedSinceCompaction = 0;
                await this.col.compactDatafileAsync();
            }
        } catch (err) {
            this.reportError(err);
        }
    }

    private reportError(err: unknown): void {
        if (Date.now() - this.lastError < 10_000) return;
        this.lastError = Date.now();
        console.error(`[workspace] writing app logs failed (${this.dropped} entries dropped so far): ${err instanceof Error ? err.message : String(err)}`);
    }

    public async findPaginated(query: Record<string, unknown>, options?: IAppLogStorageFindOptions): Promise<{ logs: ILoggerStorageEntry[]; total: number }> {
        const appId = typeof query.appId === 'string' ? query.appId : undefined;
        const all = await this.getAll(appId);
        const skip = options?.skip ?? 0;
        const limit = options?.limit ?? all.length;
        return { logs: all.slice(skip, skip + limit), total: all.length };
    }

    public getEntriesFor(appId: string): Promise<ILoggerStorageEntry[]> {
        return this.getAll(appId);
    }

    public async removeEntriesFor(appId: string): Promise<void> {
        await this.flush();
        const gone = new Set((await this.col.findAsync({ appId }, { _id: 1 })).map((d) => d._id));
        await this.col.removeAsync({ appId }, { multi: true });
        if (this.storedIds) this.storedIds = this.storedIds.filter((id) => !gone.has(id));
    }

    /** Newest first: the queued entries (as JSON, as a stored one reads), then the stored ones. */
    private async getAll(appId?: string): Promise<ILoggerStorageEntry[]> {
        const queued = [...this.inFlight, ...this.pending].filter((q) => !appId || q.appId === appId);
        const docs = await this.col.findAsync(appId ? { appId } : {}).sort({ at: -1, _id: -1 });
        const seen = new Set(docs.map((d) => d._id));
        const fromMemory = queued
            .filter((q) => !seen.has(q._id))
            .reverse()
            .map((q) => JSON.parse(JSON.stringify(q.entry)) as ILoggerStorageEntry);
        return [...fromMemory, ...docs.map((d) => JSON.parse(String(d.json)) as ILoggerStorageEntry)];
    }
}
