import type { Store } from '../store/Store';
import { asDoc } from '../store/Store';
import { SettingsCache } from './SettingsCache';

export type SettingType = 'boolean' | 'int' | 'string';

/** A workspace setting as Rocket.Chat stores it (`rocketchat_settings`). */
export interface SettingDoc {
    _id: string;
    type: SettingType;
    value: unknown;
    packageValue: unknown;
    public: boolean;
    secret?: boolean;
    i18nLabel: string;
    _updatedAt: Date;
}

/** The workspace settings the local workspace carries, with Rocket.Chat's defaults. */
export const DEFAULT_SETTINGS: Array<Pick<SettingDoc, '_id' | 'type' | 'packageValue' | 'public'>> = [
    { _id: 'Accounts_AllowUserStatusMessageChange', type: 'boolean', packageValue: true, public: true },
    { _id: 'Accounts_AllowInvisibleStatusOption', type: 'boolean', packageValue: true, public: true },
    { _id: 'Presence_broadcast_disabled', type: 'boolean', packageValue: false, public: true },
    { _id: 'Troubleshoot_Disable_Presence_Broadcast', type: 'boolean', packageValue: false, public: false },
    { _id: 'Accounts_Default_User_Preferences_idleTimeLimit', type: 'int', packageValue: 300, public: true },
    { _id: 'Site_Name', type: 'string', packageValue: 'Rocket.Chat', public: true },
    { _id: 'Site_Url', type: 'string', packageValue: 'http://localhost:3000', public: true },
    { _id: 'Language', type: 'string', packageValue: 'en', public: true },
    // apps/meteor/server/settings/rate.ts: the REST rate limiter (http/rateLimiter.ts)
    { _id: 'API_Enable_Rate_Limiter', type: 'boolean', packageValue: true, public: false },
    { _id: 'API_Enable_Rate_Limiter_Dev', type: 'boolean', packageValue: true, public: false },
    { _id: 'API_Enable_Rate_Limiter_Limit_Calls_Default', type: 'int', packageValue: 10, public: false },
    { _id: 'API_Enable_Rate_Limiter_Limit_Time_Default', type: 'int', packageValue: 60000, public: false },
    // apps/meteor/ee/server/apps/startup.ts: how long app logs are kept ('7_days', '14_days', '30_days')
    { _id: 'Apps_Logs_TTL', type: 'string', packageValue: '30_days', public: true },
];

export class SettingError extends Error {}

/**
 * The workspace settings: reads see the stored value (as Rocket.Chat's models read the database);
 * each server instance has its own cache (`SettingsCache`, Rocket.Chat's CachedSettings) that learns
 * a change from a notification carrying the value read back from the store after the write, and
 * runs that instance's watchers (debounced).
 */
export class Settings {
    private readonly cache = new Map<string, SettingDoc>();
    private caches: SettingsCache[] = [];

    constructor(private readonly store: Store) {}

    /**
     * Creates the settings missing from the store, `Site_Url` with `siteUrl`; a stored value is kept,
     * as Rocket.Chat's settings registry keeps it (`Site_Url` defaults to ROOT_URL on the first start
     * only). Answers the ids created now.
     */
    public async load(siteUrl: string): Promise<string[]> {
        const col = this.store.col('settings');
        const created: string[] = [];
        for (const def of DEFAULT_SETTINGS) {
            const existing = (await col.findOneAsync({ _id: def._id })) as unknown as SettingDoc | null;
            if (!existing) {
                const doc: SettingDoc = { ...def, value: def._id === 'Site_Url' ? siteUrl : def.packageValue, i18nLabel: def._id, _updatedAt: new Date() };
                await col.insertAsync(asDoc(doc));
                created.push(def._id);
            }
        }
        for (const doc of (await col.findAsync({})) as unknown as SettingDoc[]) {
            this.cache.set(doc._id, doc);
        }
        return created;
    }

    /** One cache per server instance, filled with the loaded values; `debounceMs` is each watcher's debounce. */
    public createCaches(instances: number, debounceMs: number): SettingsCache[] {
        this.caches = Array.from({ length: instances }, (_, instance) => new SettingsCache(instance, debounceMs));
        for (const cache of this.caches) cache.load(this.all());
        return this.caches;
    }

    /** The settings cache of one server instance (where its `settings.watch` callbacks run). */
    public instanceCache(instance: number): SettingsCache {
        const cache = this.caches[instance];
        if (!cache) throw new Error(`No settings cache for instance ${instance}`);
        return cache;
    }

    public get(id: string): SettingDoc | undefined {
        return this.cache.get(id);
    }

    public value<T = unknown>(id: string): T | undefined {
        return this.cache.get(id)?.value as T | undefined;
    }

    public all(): SettingDoc[] {
        return [...this.cache.values()];
    }

    /** Sets a value, checked against the setting's type. */
    public async set(id: string, value: unknown): Promise<SettingDoc> {
        const setting = this.cache.get(id);
        if (!setting) {
            throw new SettingError(`Invalid setting [error-invalid-setting]`);
        }
        const coerced = coerce(setting.type, value);
        if (coerced === undefined) {
            throw new SettingError(`Invalid value for setting ${id} [error-invalid-setting-value]`);
        }
        const updated: SettingDoc = { ...setting, value: coerced, _updatedAt: new Date() };
        await this.store.col('settings').updateAsync({ _id: id }, { $set: { value: coerced, _updatedAt: updated._updatedAt } }, {});
        this.cache.set(id, updated);
        void this.notify(id);
        return updated;
    }

    /**
     * notifyOnSettingChangedById (apps/meteor/app/lib/server/lib/notifyListener.ts): after the write,
     * the setting is read back from the store and broadcast to every instance's cache, which drops a
     * value equal to the one it holds. Two writes close together may both be read back as the second.
     */
    private async notify(id: string): Promise<void> {
        try {
            const doc = (await this.store.col('settings').findOneAsync({ _id: id })) as unknown as SettingDoc | null;
            if (!doc) return;
            for (const cache of this.caches) cache.set(id, doc.value);
        } catch (err) {
            console.error(`[workspace] notifying the change of ${id} failed: ${err instanceof Error ? err.message : String(err)}`);
        }
    }
}

function coerce(type: SettingType, value: unknown): unknown {
    switch (type) {
        case 'boolean':
            if (typeof value === 'boolean') return value;
            if (value === 'true') return true;
            if (value === 'false') return false;
            return undefined;
        case 'int': {
            const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
            return typeof n === 'number' && Number.isFinite(n) ? Math.trunc(n) : undefined;
        }
        case 'string':
            return typeof value === 'string' ? value : undefined;
    }
}
