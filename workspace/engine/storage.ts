import * as fs from 'fs';
import * as path from 'path';
import { AppMetadataStorage } from '@rocket.chat/apps-engine/server/storage/AppMetadataStorage';
import { AppSourceStorage } from '@rocket.chat/apps-engine/server/storage/AppSourceStorage';
import type { IAppStorageItem } from '@rocket.chat/apps-engine/server/storage/IAppStorageItem';
import type { AppStatus } from '@rocket.chat/apps-engine/definition/AppStatus';
import type { ISetting } from '@rocket.chat/apps-engine/definition/settings';
import type { IAppInfo } from '@rocket.chat/apps-engine/definition/metadata';
import type { IMarketplaceInfo } from '@rocket.chat/apps-engine/server/marketplace';
import type { Store } from '../store/Store';

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
