/**
 * The workspace's settings as Rocket.Chat's instances learn them (CachedSettings, notifyListener): a
 * write is told to every instance's cache with the value read back from the store; an equal value is
 * dropped; a watcher runs once, with the last value, after its debounce. Two writes that land before
 * the first notification reads back reach nobody. Real store (nedb in a temp folder), fake timers.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Store } from '../../../workspace/store/Store';
import { Settings } from '../../../workspace/services/Settings';

const SWITCH = 'Troubleshoot_Disable_Presence_Broadcast';

describe('workspace settings watchers', () => {
    let dir: string;
    let settings: Settings;

    beforeEach(async () => {
        // nedb's own scheduling stays real: only the watchers' debounce timers are faked
        jest.useFakeTimers({ doNotFake: ['setImmediate', 'nextTick', 'queueMicrotask'] });
        dir = fs.mkdtempSync(path.join(os.tmpdir(), 'settings-watch-'));
        const store = new Store(dir);
        await store.open();
        settings = new Settings(store);
        await settings.load('http://localhost:3000');
        settings.createCaches(2, 500);
    });

    afterEach(() => {
        jest.useRealTimers();
        fs.rmSync(dir, { recursive: true, force: true });
    });

    /** Lets the store's reads and the notifications run (real I/O), without moving the fake clock. */
    const settle = async () => {
        for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
    };

    it('calls a watcher at once with the cached value, then once per change, 500 ms after the last one, on every instance', async () => {
        const seen: Array<[number, unknown]> = [];
        for (const instance of [0, 1]) settings.instanceCache(instance).watch(SWITCH, (value) => seen.push([instance, value]));
        expect(seen).toEqual([
            [0, false],
            [1, false],
        ]);
        await settings.set(SWITCH, true);
        await settle();
        jest.advanceTimersByTime(499);
        expect(seen).toHaveLength(2);
        jest.advanceTimersByTime(1);
        expect(seen.slice(2)).toEqual([
            [0, true],
            [1, true],
        ]);
    });

    it('debounces: two changes a moment apart reach a watcher once, with the last value', async () => {
        const seen: unknown[] = [];
        settings.instanceCache(0).change(SWITCH, (value) => seen.push(value));
        await settings.set(SWITCH, true);
        await settle();
        jest.advanceTimersByTime(200);
        await settings.set(SWITCH, false);
        await settle();
        jest.advanceTimersByTime(499);
        expect(seen).toEqual([]);
        jest.advanceTimersByTime(1);
        expect(seen).toEqual([false]);
    });

    it('drops a value equal to the cached one: writing the same value again calls no watcher', async () => {
        const seen: unknown[] = [];
        settings.instanceCache(0).change(SWITCH, (value) => seen.push(value));
        await settings.set(SWITCH, false);
        await settle();
        jest.advanceTimersByTime(1000);
        expect(seen).toEqual([]);
    });

    it('misses a switch written on and off before the first notification read it back: both read the second value, which equals the cache', async () => {
        const seen: unknown[] = [];
        settings.instanceCache(0).change(SWITCH, (value) => seen.push(value));
        await Promise.all([settings.set(SWITCH, true), settings.set(SWITCH, false)]);
        await settle();
        jest.advanceTimersByTime(1000);
        expect(seen).toEqual([]);
        expect(settings.value(SWITCH)).toBe(false);
        expect(settings.instanceCache(0).get(SWITCH)).toBe(false);
    });
});
