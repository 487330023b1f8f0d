/**
 * The workspace's app log storage (Rocket.Chat's apps logs collection, with its time to live):
 * `storeEntries` answers at once, entries are appended to files on disk in the background in batches,
 * stay readable meanwhile, newest first, survive a restart, and are dropped when their time to live
 * has passed (reads at once, the disk at the next sweep). The clock is a test double: no waiting.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { ILoggerStorageEntry } from '@rocket.chat/apps-engine/server/logging';
import { FileAppLogStorage, appLogsTtlMs } from '../../../workspace/engine/FileAppLogStorage';

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
const DAY = 86_400_000;

describe('workspace app log storage', () => {
    let dir: string;
    let clock: number;
    const open: FileAppLogStorage[] = [];
    const storage = async (opts: Partial<ConstructorParameters<typeof FileAppLogStorage>[1]> = {}) => {
        const logs = new FileAppLogStorage(dir, { ttlMs: () => 7 * DAY, sweepMs: 3_600_000, now: () => clock, delayMs: 60_000, ...opts });
        await logs.open();
        open.push(logs);
        return logs;
    };
    const files = () => fs.readdirSync(dir).filter((f) => f.endsWith('.jsonl'));

    beforeEach(() => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), 'app-logs-'));
        clock = Date.UTC(2026, 11, 1);
    });

    afterEach(async () => {
        for (const logs of open.splice(0)) await logs.close();
        fs.rmSync(dir, { recursive: true, force: true });
    });

    it("reads Rocket.Chat's Apps_Logs_TTL values (30 days by default)", () => {
        expect(appLogsTtlMs('7_days')).toBe(7 * DAY);
        expect(appLogsTtlMs('14_days')).toBe(14 * DAY);
        expect(appLogsTtlMs('30_days')).toBe(30 * DAY);
        expect(appLogsTtlMs('nonsense')).toBe(30 * DAY);
    });

    it('answers at once without touching the disk, then writes in one batch; readable all along, newest first', async () => {
        const logs = await storage();
        for (let n = 1; n <= 3; n++) await logs.storeEntries(entry('a', n));
        await logs.storeEntries(entry('b', 100));
        expect(files()).toEqual([]);
        expect(numbers(await logs.getEntriesFor('a'))).toEqual([3, 2, 1]);
        await logs.flush();
        expect(files()).toHaveLength(1);
        expect(fs.readFileSync(path.join(dir, files()[0]), 'utf8').trim().split('\n')).toHaveLength(4);
        expect(numbers(await logs.getEntriesFor('a'))).toEqual([3, 2, 1]);
        expect(numbers(await logs.getEntriesFor('b'))).toEqual([100]);
        // stored and queued entries together
        await logs.storeEntries(entry('a', 4));
        const page = await logs.findPaginated({ appId: 'a' }, { skip: 1, limit: 2 });
        expect(page.total).toBe(4);
        expect(numbers(page.logs)).toEqual([3, 2]);
        await logs.flush();
        expect(logs.stats()).toMatchObject({ pending: 0, stored: 5, written: 5, dropped: 0 });
    });

    it('drops the oldest queued entries over the queue cap, and counts them', async () => {
        const logs = await storage({ queueCap: 5 });
        for (let n = 1; n <= 8; n++) await logs.storeEntries(entry('a', n));
        expect(logs.stats()).toMatchObject({ pending: 5, dropped: 3 });
        await logs.flush();
        expect(numbers(await logs.getEntriesFor('a'))).toEqual([8, 7, 6, 5, 4]);
    });

    it('pages across files, reading only those the page reaches; finds them again after a restart', async () => {
        const logs = await storage({ segmentBytes: 1 });
        for (let n = 1; n <= 6; n++) {
            await logs.storeEntries(entry('a', n));
            await logs.flush();
            clock += 1000;
        }
        expect(files()).toHaveLength(6);
        const read = jest.spyOn(fs.promises, 'readFile');
        const page = await logs.findPaginated({ appId: 'a' }, { skip: 1, limit: 2 });
        expect(numbers(page.logs)).toEqual([5, 4]);
        expect(page.total).toBe(6);
        expect(read.mock.calls.filter(([file]) => String(file).endsWith('.jsonl'))).toHaveLength(2);
        read.mockRestore();
        await logs.close();

        const later = await storage();
        await later.storeEntries(entry('a', 7));
        expect(numbers(await later.getEntriesFor('a'))).toEqual([7, 6, 5, 4, 3, 2, 1]);
        expect(later.stats()).toMatchObject({ stored: 6, pending: 1 });
    });

    it('keeps an entry for its time to live: reads skip it at once, the sweep deletes its file', async () => {
        const logs = await storage({ segmentBytes: 1 });
        await logs.storeEntries(entry('a', 1));
        await logs.flush();
        clock += 3 * DAY;
        await logs.storeEntries(entry('a', 2));
        await logs.flush();
        clock += 4 * DAY; // entry 1 is now 7 days old: still kept
        expect(numbers(await logs.getEntriesFor('a'))).toEqual([2, 1]);
        clock += 1;
        expect(numbers(await logs.getEntriesFor('a'))).toEqual([2]);
        expect((await logs.findPaginated({ appId: 'a' })).total).toBe(1);
        expect(files()).toHaveLength(2);
        expect(await logs.sweep()).toBe(1);
        expect(files()).toHaveLength(1);
        expect(logs.stats()).toMatchObject({ stored: 1, expired: 1 });
    });

    it('removes an app’s entries, queued and stored', async () => {
        const logs = await storage();
        await logs.storeEntries(entry('a', 1));
        await logs.storeEntries(entry('b', 2));
        await logs.flush();
        await logs.storeEntries(entry('a', 3));
        await logs.removeEntriesFor('a');
        expect(await logs.getEntriesFor('a')).toEqual([]);
        expect(numbers(await logs.getEntriesFor('b'))).toEqual([2]);
    });
});
