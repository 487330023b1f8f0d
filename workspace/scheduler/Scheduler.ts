import type { Store } from '../store/Store';
import { asDoc } from '../store/Store';
import { randomId } from '../store/ids';
import { nextRun } from './interval';

export type JobProcessor = (context: Record<string, unknown>) => Promise<void>;

/** A job in the `jobs` collection (Agenda's shape, reduced). */
export interface JobDoc {
    _id: string;
    name: string;
    appId: string;
    type: 'once' | 'recurring';
    nextRunAt: Date;
    interval?: string | number;
    data: Record<string, unknown>;
    lastRunAt?: Date;
}

/**
 * One-time and recurring jobs, persisted so they survive restarts. The engine registers the app's
 * processors; a job whose processor is not (yet) registered waits. Due jobs are looked for every
 * `tickMs` (Rocket.Chat's Agenda polls every 5 s, so a job may run up to that much late).
 */
export class Scheduler {
    private readonly processors = new Map<string, JobProcessor>();
    private jobs = new Map<string, JobDoc>();
    private timer?: NodeJS.Timeout;
    private readonly running = new Set<string>();
    /** Whether an app can take a job now (its runtime is up); jobs wait otherwise. */
    private canRun: (appId: string) => boolean = () => true;

    constructor(
        private readonly store: Store,
        private readonly tickMs = 5000,
    ) {}

    public async load(): Promise<void> {
        const docs = (await this.store.col('jobs').findAsync({})) as unknown as JobDoc[];
        this.jobs = new Map(docs.map((d) => [d._id, { ...d, nextRunAt: new Date(d.nextRunAt) }]));
    }

    public start(): void {
        if (!this.timer) {
            this.timer = setInterval(() => void this.tick(), this.tickMs);
            this.timer.unref();
        }
    }

    public stop(): void {
        if (this.timer) clearInterval(this.timer);
        this.timer = undefined;
    }

    public setReadiness(canRun: (appId: string) => boolean): void {
        this.canRun = canRun;
    }

    public defineProcessor(name: string, processor: JobProcessor): void {
        this.processors.set(name, processor);
    }

    public hasProcessor(name: string): boolean {
        return this.processors.has(name);
    }

    public async scheduleOnce(appId: string, name: string, when: Date, data: Record<string, unknown> = {}): Promise<string> {
        if (Number.isNaN(when.getTime())) {
            throw new Error(`Invalid date for job ${name}`);
        }
        const job: JobDoc = { _id: randomId(), name, appId, type: 'once', nextRunAt: when, data };
        await this.save(job);
        return job._id;
    }

    /** Like Agenda's `every`: one recurring job per processor name (a new one replaces the old). */
    public async scheduleRecurring(
        appId: string,
        name: string,
        interval: string | number,
        data: Record<string, unknown> = {},
        skipImmediate = false,
    ): Promise<string> {
        const first = skipImmediate ? nextRun(interval, new Date()) : new Date();
        if (!first) {
            throw new Error(`Invalid interval "${interval}" for job ${name}`);
        }
        const existing = [...this.jobs.values()].find((j) => j.type === 'recurring' && j.name === name);
        const job: JobDoc = { _id: existing?._id ?? randomId(), name, appId, type: 'recurring', nextRunAt: first, interval, data };
        await this.save(job);
        return job._id;
    }

    /** Cancels by job id or by processor name (Rocket.Chat cancels by name). */
    public async cancel(idOrName: string): Promise<void> {
        for (const job of [...this.jobs.values()]) {
            if (job._id === idOrName || job.name === idOrName) {
                this.jobs.delete(job._id);
                await this.store.col('jobs').removeAsync({ _id: job._id }, {});
            }
        }
    }

    public async cancelAll(appId: string): Promise<void> {
        for (const job of [...this.jobs.values()]) {
            if (job.appId === appId) {
                this.jobs.delete(job._id);
            }
        }
        await this.store.col('jobs').removeAsync({ appId }, { multi: true });
    }

    public list(appId?: string): JobDoc[] {
        return [...this.jobs.values()].filter((j) => !appId || j.appId === appId);
    }

    /**
     * Local diagnostic (jobs.runDue): runs now, once, every pending one-time job (only `processorId`'s
     * when given) and, when `processorId` names a recurring job, that job once (its schedule unchanged).
     * Resolves when they have finished, with how many ran.
     */
    public async runDue(processorId?: string): Promise<number> {
        const runs: Array<Promise<void>> = [];
        for (const job of [...this.jobs.values()]) {
            // the engine registers an app's processor `id` as `<id>_<appId>`; either name selects it
            if (processorId !== undefined && job.name !== processorId && job.name !== `${processorId}_${job.appId}`) continue;
            if (job.type === 'recurring' && processorId === undefined) continue;
            if (this.running.has(job._id)) continue;
            const processor = this.processors.get(job.name);
            if (!processor) continue;
            this.running.add(job._id);
            const run = job.type === 'once' ? this.run(job, processor) : this.invoke(job, processor);
            runs.push(run.finally(() => this.running.delete(job._id)));
        }
        await Promise.all(runs);
        return runs.length;
    }

    private async save(job: JobDoc): Promise<void> {
        this.jobs.set(job._id, job);
        await this.store.col('jobs').updateAsync({ _id: job._id }, asDoc(job), { upsert: true });
    }

    private async tick(): Promise<void> {
        const now = Date.now();
        for (const job of [...this.jobs.values()]) {
            if (job.nextRunAt.getTime() > now || this.running.has(job._id)) continue;
            const processor = this.processors.get(job.name);
            if (!processor || !this.canRun(job.appId)) continue;
            this.running.add(job._id);
            void this.run(job, processor).finally(() => this.running.delete(job._id));
        }
    }

    private async run(job: JobDoc, processor: JobProcessor): Promise<void> {
        const startedAt = new Date();
        if (job.type === 'once') {
            this.jobs.delete(job._id);
            await this.store.col('jobs').removeAsync({ _id: job._id }, {});
        } else {
            const next = nextRun(job.interval ?? 0, startedAt);
            if (next && this.jobs.has(job._id)) {
                await this.save({ ...job, lastRunAt: startedAt, nextRunAt: next });
            } else {
                await this.cancel(job._id);
            }
        }
        await this.invoke(job, processor);
    }

    private async invoke(job: JobDoc, processor: JobProcessor): Promise<void> {
        try {
            await processor({ ...job.data, jobId: job._id });
        } catch (err) {
            console.error(`[workspace] job ${job.name} failed: ${err instanceof Error ? err.message : String(err)}`);
        }
    }
}
