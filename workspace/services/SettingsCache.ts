import type { SettingDoc } from './Settings';

type Watcher = (value: unknown) => void;

/**
 * One server instance's settings cache, as Rocket.Chat's `CachedSettings`
 * (apps/meteor/app/settings/server/CachedSettings.ts): it learns a change from the `watch.settings`
 * broadcast, which carries the setting as read from the database after the write
 * (apps/meteor/app/lib/server/lib/notifyListener.ts `notifyOnSettingChangedById`); `set` drops a
 * value equal to the cached one; `watch` calls back at once with the cached value, then on every
 * change through an underscore `debounce` (500 ms by default: one call, with the last value, 500 ms
 * after the last change). So two writes close together reach a watcher as one call with the last
 * value, or as none when the database already held the second value at both notifications.
 */
export class SettingsCache {
    private readonly values = new Map<string, unknown>();
    private readonly watchers = new Map<string, Watcher[]>();

    constructor(
        public readonly instance: number,
        private readonly debounceMs: number,
    ) {}

    /** The settings as loaded at start (the cache is filled before any watcher runs). */
    public load(settings: SettingDoc[]): void {
        for (const setting of settings) this.values.set(setting._id, setting.value);
    }

    public get(id: string): unknown {
        return this.values.get(id);
    }

    /** CachedSettings.set: an equal value is dropped; a new one is cached and handed to the setting's watchers. */
    public set(id: string, value: unknown): void {
        if (this.values.has(id) && this.values.get(id) === value) return;
        this.values.set(id, value);
        for (const watcher of this.watchers.get(id) ?? []) watcher(value);
    }

    /** CachedSettings.watch: the current value now, then every change, debounced. Answers a function that stops it. */
    public watch(id: string, callback: (value: unknown) => void): () => void {
        if (this.values.has(id)) callback(this.values.get(id));
        return this.change(id, callback);
    }

    /** CachedSettings.change: every change of the setting, debounced (trailing, with the last value). */
    public change(id: string, callback: (value: unknown) => void): () => void {
        let timer: NodeJS.Timeout | undefined;
        let last: unknown;
        const debounced: Watcher = (value) => {
            last = value;
            if (timer) clearTimeout(timer);
            timer = setTimeout(() => {
                timer = undefined;
                callback(last);
            }, this.debounceMs);
            timer.unref();
        };
        const list = this.watchers.get(id) ?? [];
        list.push(debounced);
        this.watchers.set(id, list);
        return () => {
            if (timer) clearTimeout(timer);
            const current = this.watchers.get(id) ?? [];
            current.splice(current.indexOf(debounced), 1);
        };
    }
}
