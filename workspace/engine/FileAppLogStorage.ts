import * as fs from 'fs';
import * as path from 'path';
import { AppLogStorage, IAppLogStorageFindOptions } from '@rocket.chat/apps-engine/server/storage/AppLogStorage';
import type { ILoggerStorageEntry } from '@rocket.chat/apps-engine/server/logging';

/** What the log storage holds and has lost (the local diagnostic `GET /api/workspace/stats`). */
export interface AppLogStats {
    /** entries waiting in memory for the next background write */
    pending: number;
    /** entries on disk (within the time to live or waiting for the next sweep) */
    stored: number;
    /** entries dropped: oldest queued ones over the queue cap, batches whose write failed */
    dropped: number;
    /** entries written since start */
    written: number;
    /** entries removed by the time to live since start */
    expired: number;
    /** bytes on disk */
    bytes: number;
}

/** One file of entries on disk, in the order written; what it holds is kept in memory as counts only. */
interface Segment {
    file: string;
    firstAt: number;
    lastAt: number;
    bytes: number;
    /** entries per app id */
    counts: Record<string, number>;
}

interface Line {
    appId: string;
    /** ms since epoch: when the entry was stored (Rocket.Chat's `_updatedAt`, the TTL index's field) */
    at: number;
    entry: ILoggerStorageEntry;
}

export interface FileAppLogOptions {
    /** how long an entry is kept: Rocket.Chat's `Apps_Logs_TTL` (read on every use) */
    ttlMs: () => number;
    /** how often expired entries are removed (MongoDB's TTL monitor runs every 60 s) */
    sweepMs?: number;
    /** a segment file is closed at this size, or when it spans a tenth of the TTL */
    segmentBytes?: number;
    queueCap?: number;
    batchSize?: number;
    delayMs?: number;
    now?: () => number;
}

/** Apps_Logs_TTL (apps/meteor/ee/server/apps/startup.ts): '7_days', '14_days', '30_days' (the default); anything else leaves it. */
export function appLogsTtlMs(setting: unknown, fallbackMs = 30 * 86_400_000): number {
    switch (setting) {
        case '7_days':
            return 604_800_000;
        case '14_days':
            return 1_209_600_000;
        case '30_days':
            return 2_592_000_000;
        default:
            return fallbackMs;
    }
}

const INDEX_SUFFIX = '.idx.json';

/**
 * App logs as Rocket.Chat keeps them: on disk (its `rocketchat_apps_logs` collection in MongoDB), with
 * a time to live (packages/models/src/models/AppsLogs.ts: a TTL index on `_updatedAt`, 30 days,
 * reset from the `Apps_Logs_TTL` setting by apps/meteor/ee/server/apps/startup.ts; MongoDB's TTL
 * monitor removes expired documents once a minute). Nothing but a few counters per file is held in
 * memory, so the process does not grow with the logs.
 *
 * The engine awaits `storeEntries` before it answers every app call, so an entry is queued and the
 * promise resolves at once; a background write appends the queue to the current segment file in one
 * write per batch. At most `queueCap` entries wait (over it the oldest are dropped and counted).
 * Segment files are closed at `segmentBytes` or when they span a tenth of the TTL; every `sweepMs`
 * the files whose newest entry has expired are deleted, and reads skip expired entries, so an entry
 * is seen for its TTL exactly and leaves the disk within a segment's span after. Reads
 * (`findPaginated`, `getEntriesFor`, Rocket.Chat's `GET /api/apps/:id/logs`) see the queued entries
 * and the stored ones, newest first, reading only the files they need. One storage serves every
 * engine of the process (one collection for the cluster).
 */
export class FileAppLogStorage extends AppLogStorage {
    private readonly sweepMs: number;
    private readonly segmentBytes: number;
    private readonly queueCap: number;
    private readonly batchSize: number;
    private readonly delayMs: number;
    private readonly now: () => number;
    private pending: Line[] = [];
    private inFlight: Line[] = [];
    private segments: Segment[] = [];
    private current?: Segment;
    private dropped = 0;
    private written = 0;
    private expired = 0;
    private timer?: NodeJS.Timeout;
    private sweeper?: NodeJS.Timeout;
    private writing?: Promise<void>;
    private opened?: Promise<void>;
    private lastError = 0;
    private seq = 0;

    constructor(
        private readonly dir: string,
        private readonly options: FileAppLogOptions,
    ) {
        super('file');
        this.sweepMs = options.sweepMs ?? 60_000;
        this.segmentBytes = options.segmentBytes ?? 8 * 1024 * 1024;
        this.queueCap = options.queueCap ?? 5_000;
        this.batchSize = options.batchSize ?? 1_000;
        this.delayMs = options.delayMs ?? 250;
        this.now = options.now ?? Date.now;
    }

    /** Reads what is on disk (the counts of each file) and starts the TTL sweep. */
    public open(): Promise<void> {
        this.opened ??= this.load();
        return this.opened;
    }

    public stats(): AppLogStats {
        const stored = this.segments.reduce((sum, s) => sum + total(s.counts), 0);
        const bytes = this.segments.reduce((sum, s) => sum + s.bytes, 0);
        return { pending: this.pending.length + this.inFlight.length, stored, dropped: this.dropped, written: this.written, expired: this.expired, bytes };
    }

    public storeEntries(entry: ILoggerStorageEntry): Promise<ILoggerStorageEntry> {
        this.pending.push({ appId: entry.appId, at: this.now(), entry });
        if (this.pending.length > this.queueCap) {
            const over = this.pending.length - this.queueCap;
            this.pending.splice(0, over);
            this.dropped += over;
        }
        this.schedule();
        return Promise.resolve(entry);
    }

    /** Writes everything queued, and resolves when it is on disk. */
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
        if (this.current) await this.writeIndex(this.current);
    }

    /** Going down: what waits is written, the sweep stops. */
    public async close(): Promise<void> {
        if (this.sweeper) clearInterval(this.sweeper);
        this.sweeper = undefined;
        await this.flush();
    }

    /** The TTL monitor's pass: every file whose newest entry has expired is deleted. */
    public async sweep(): Promise<number> {
        await this.open();
        const cutoff = this.now() - this.options.ttlMs();
        const gone = this.segments.filter((s) => s.lastAt < cutoff);
        // the file being written to goes too when all of it expired (a batch being written waits for the next sweep)
        if (this.writing && this.current && gone.includes(this.current)) gone.splice(gone.indexOf(this.current), 1);
        if (this.current && gone.includes(this.current)) this.current = undefined;
        for (const segment of gone) {
            await fs.promises.rm(path.join(this.dir, segment.file), { force: true });
            await fs.promises.rm(path.join(this.dir, segment.file + INDEX_SUFFIX), { force: true });
            this.expired += total(segment.counts);
        }
        this.segments = this.segments.filter((s) => !gone.includes(s));
        return gone.length;
    }

    public async findPaginated(query: Record<string, unknown>, options?: IAppLogStorageFindOptions): Promise<{ logs: ILoggerStorageEntry[]; total: number }> {
        const appId = typeof query.appId === 'string' ? query.appId : undefined;
        return this.read(appId, options?.skip ?? 0, options?.limit ?? Infinity);
    }

    public async getEntriesFor(appId: string): Promise<ILoggerStorageEntry[]> {
        return (await this.read(appId, 0, Infinity)).logs;
    }

    /** Removes an app's entries: its queued ones, and every file rewritten without its lines. */
    public async removeEntriesFor(appId: string): Promise<void> {
        await this.flush();
        this.pending = this.pending.filter((l) => l.appId !== appId);
        for (const segment of this.segments.filter((s) => s.counts[appId])) {
            const kept = (await this.readSegment(segment)).filter((l) => l.appId !== appId);
            const text = kept.map((l) => JSON.stringify(l) + '\n').join('');
            await fs.promises.writeFile(path.join(this.dir, segment.file), text);
            segment.bytes = Buffer.byteLength(text);
            delete segment.counts[appId];
            await this.writeIndex(segment);
        }
    }

    private async load(): Promise<void> {
        await fs.promises.mkdir(this.dir, { recursive: true });
        const files = (await fs.promises.readdir(this.dir)).filter((f) => f.endsWith('.jsonl')).sort();
        for (const file of files) {
            const index = await readJson<Segment>(path.join(this.dir, file + INDEX_SUFFIX));
            const stat = await fs.promises.stat(path.join(this.dir, file));
            if (index && index.bytes === stat.size) {
                this.segments.push({ ...index, file });
                continue;
            }
            // written without its index (the process died): counted again from the file
            const segment: Segment = { file, firstAt: Infinity, lastAt: 0, bytes: stat.size, counts: {} };
            for (const line of await this.readSegment(segment)) {
                segment.firstAt = Math.min(segment.firstAt, line.at);
                segment.lastAt = Math.max(segment.lastAt, line.at);
                segment.counts[line.appId] = (segment.counts[line.appId] ?? 0) + 1;
            }
            if (!Number.isFinite(segment.firstAt)) segment.firstAt = segment.lastAt;
            this.segments.push(segment);
            await this.writeIndex(segment);
        }
        this.sweeper = setInterval(() => {
            void this.sweep().catch((err: unknown) => this.reportError(err));
        }, this.sweepMs);
        this.sweeper.unref();
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
        await this.open();
        while (this.pending.length) {
            this.inFlight = this.pending.splice(0, this.batchSize);
            try {
                const text = this.inFlight.map((l) => JSON.stringify(l) + '\n').join('');
                const segment = await this.segmentFor(this.inFlight[0].at);
                await fs.promises.appendFile(path.join(this.dir, segment.file), text);
                segment.bytes += Buffer.byteLength(text);
                for (const l of this.inFlight) {
                    segment.lastAt = Math.max(segment.lastAt, l.at);
                    segment.counts[l.appId] = (segment.counts[l.appId] ?? 0) + 1;
                }
                this.written += this.inFlight.length;
            } catch (err) {
                this.dropped += this.inFlight.length;
                this.reportError(err);
            } finally {
                this.inFlight = [];
            }
        }
    }

    /** The file the next batch goes to: the current one, or a new one when it is full or spans a tenth of the TTL. */
    private async segmentFor(at: number): Promise<Segment> {
        const current = this.current;
        if (current && current.bytes < this.segmentBytes && at - current.firstAt < this.options.ttlMs() / 10) return current;
        if (current) await this.writeIndex(current);
        const segment: Segment = {
            file: `${at.toString().padStart(15, '0')}-${process.pid}-${(++this.seq).toString().padStart(6, '0')}.jsonl`,
            firstAt: at,
            lastAt: at,
            bytes: 0,
            counts: {},
        };
        this.segments.push(segment);
        this.current = segment;
        return segment;
    }

    private async writeIndex(segment: Segment): Promise<void> {
        try {
            const { file: _file, ...index } = segment;
            await fs.promises.writeFile(path.join(this.dir, segment.file + INDEX_SUFFIX), JSON.stringify(index));
        } catch (err) {
            this.reportError(err);
        }
    }

    private async readSegment(segment: Segment): Promise<Line[]> {
        let text: string;
        try {
            text = await fs.promises.readFile(path.join(this.dir, segment.file), 'utf8');
        } catch {
            return [];
        }
        const lines: Line[] = [];
        for (const raw of text.split('\n')) {
            if (!raw) continue;
            try {
                lines.push(JSON.parse(raw) as Line);
            } catch {
                // a line cut short by a crash: skipped
            }
        }
        return lines;
    }

    /** Newest first: the queued entries, then the files from the newest, each read only when the page reaches it. */
    private async read(appId: string | undefined, skip: number, limit: number): Promise<{ logs: ILoggerStorageEntry[]; total: number }> {
        await this.open();
        const cutoff = this.now() - this.options.ttlMs();
        const mine = (l: Line) => (!appId || l.appId === appId) && l.at >= cutoff;
        const queued = [...this.inFlight, ...this.pending].filter(mine).reverse();
        const logs: ILoggerStorageEntry[] = [];
        let toSkip = skip;
        const take = (lines: Line[]) => {
            for (const l of lines) {
                if (logs.length >= limit) return;
                if (toSkip > 0) toSkip--;
                else logs.push(JSON.parse(JSON.stringify(l.entry)) as ILoggerStorageEntry);
            }
        };
        take(queued);
        let count = queued.length;
        for (const segment of [...this.segments].reverse()) {
            if (segment.lastAt < cutoff) continue;
            const held = appId ? (segment.counts[appId] ?? 0) : total(segment.counts);
            if (!held) continue;
            // a file wholly within the TTL counts from memory, and is read only if the page reaches it
            if (segment.firstAt >= cutoff && (logs.length >= limit || toSkip >= held)) {
                count += held;
                if (logs.length < limit) toSkip -= held;
                continue;
            }
            const lines = (await this.readSegment(segment)).filter(mine).reverse();
            count += lines.length;
            take(lines);
        }
        return { logs, total: count };
    }

    private reportError(err: unknown): void {
        if (this.now() - this.lastError < 10_000) return;
        this.lastError = this.now();
        console.error(`[workspace] app logs: ${err instanceof Error ? err.message : String(err)} (${this.dropped} entries dropped so far)`);
    }
}

const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

async function readJson<T>(file: string): Promise<T | undefined> {
    try {
        return JSON.parse(await fs.promises.readFile(file, 'utf8')) as T;
    } catch {
        return undefined;
    }
}
