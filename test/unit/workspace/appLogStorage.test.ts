/**
 * The workspace's app log storage: `storeEntries` answers at once, entries are written in the
 * background in batches, bounded (queue cap, entries kept), and stay readable meanwhile.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { ILoggerStorageEntry } from '@rocket.chat/apps-engine/server/logging';
import { Store } from '../../../workspace/store/Store';
import { NedbAppLogStorage } from '../../../workspace/engine/storage';
import { pollUntil } from '../../helpers/poll';

const entry = (appId: string, n: number): ILoggerStorageEntry =>
    ({
        appId,
        method: 'app:api',
        entries: [{ caller: 'test', severity: 'debug', method: 'app:api', timestamp: new Date(0), args: [{ n }] }],
        startTime: new Date(0),
        endTime: new Date(0),
        totalTime: 0,
        _createdAt: new Date(0),
    }) as unknown as ILoggerStorageEntry;

const numbers = (logs: ILoggerStorageEntry[]) => logs.map((l) => (l.entries[0].args[0] as { n: number }).n);

describe('workspace app log storage', () => {
    let dir: string;
    let store: Store;

    beforeEach(async () => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), 'app-logs-'));
        store = new Store(dir);
        await store.open();
    });

    afterEach(() => {
        fs.rmSync(dir, { recursive: true, force: true });
    });

    it('answers at once without touching the store, then writes in the background; readable all along, newest first', async () => {
        const logs = new NedbAppLogStorage(store, { delayMs: 20 });
        const insert = jest.spyOn(store.col('app_logs'), 'insertAsync');
        for (let n = 1; n <= 3; n++) await logs.storeEntries(entry('a', n));
        await logs.storeEntries(entry('b', 100));
        expect(insert).not.toHaveBeenCalled();
        expect(numbers(await logs.getEntriesFor('a'))).toEqual([3, 2, 1]);
        await pollUntil(
            async () => store.col('app_logs').countAsync({}),
            (n) => n === 4,
            { what: 'the background write' },
        );
        expect(insert).toHaveBeenCalledTimes(1); // one batch
        expect(numbers(await logs.getEntriesFor('a'))).toEqual([3, 2, 1]);
        expect(numbers(await logs.getEntriesFor('b'))).toEqual([100]);
        // stored and queued entries together
        await logs.storeEntries(entry('a', 4));
        const page = await logs.findPaginated({ appId: 'a' }, { skip: 1, limit: 2 });
        expect(page.total).toBe(4);
        expect(numbers(page.logs)).toEqual([3, 2]);
        expect(logs.stats()).toMatchObject({ dropped: 0 });
        await logs.flush();
        expect(logs.stats()).toMatchObject({ pending: 0, stored: 5, written: 5 });
    });

    it('drops the oldest queued entries over the queue cap, and counts them', async () => {
        const logs = new NedbAppLogStorage(store, { queueCap: 5, delayMs: 60_000 });
        for (let n = 1; n <= 8; n++) await logs.storeEntries(entry('a', n));
        expect(logs.stats()).toMatchObject({ pending: 5, dropped: 3 });
        expect(numbers(await logs.getEntriesFor('a'))).toEqual([8, 7, 6, 5, 4]);
        await logs.flush();
        expect(numbers(await logs.getEntriesFor('a'))).toEqual([8, 7, 6, 5, 4]);
    });

    it('keeps only the newest entries in the store, across restarts', async () => {
        const logs = new NedbAppLogStorage(store, { keep: 10, batchSize: 4, delayMs: 1 });
        for (let n = 1; n <= 25; n++) await logs.storeEntries(entry('a', n));
        await logs.flush();
        expect(await store.col('app_logs').countAsync({})).toBe(10);
        expect(numbers(await logs.getEntriesFor('a'))).toEqual([25, 24, 23, 22, 21, 20, 19, 18, 17, 16]);

        await store.flush();
        const again = new Store(dir);
        await again.open();
        const later = new NedbAppLogStorage(again, { keep: 10, delayMs: 1 });
        for (let n = 26; n <= 30; n++) await later.storeEntries(entry('a', n));
        await later.flush();
        expect(numbers(await later.getEntriesFor('a'))).toEqual([30, 29, 28, 27, 26, 25, 24, 23, 22, 21]);
    });

    it('removes an app’s entries, queued and stored', async () => {
        const logs = new NedbAppLogStorage(store, { delayMs: 1 });
        await logs.storeEntries(entry('a', 1));
        await logs.storeEntries(entry('b', 2));
        await logs.flush();
        await logs.storeEntries(entry('a', 3));
        await logs.removeEntriesFor('a');
        expect(await logs.getEntriesFor('a')).toEqual([]);
        expect(numbers(await logs.getEntriesFor('b'))).toEqual([2]);
    });
});
