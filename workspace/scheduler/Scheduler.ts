import type { JobDoc, JobStore } from './JobStore';
import type { JobRuns } from './JobRuns';

export type { JobDoc } from './JobStore';

export type JobProcessor = (context: Record<string, unknown>) => Promise<void>;

/** Agenda's `defaultConcurrency` in Rocket.Chat's scheduler bridge: one run of a processor at a time per instance. */
export const PROCESSOR_CONCURRENCY = 1;
/** Agenda's default `maxConcurrency`: runs at a time per instance, all processors together. */
export const MAX_CONCURRENCY = 20;

interface Definition {
    fn: JobProcessor;
    running: number;
}

/**
 * One instance's scheduler, as each Rocket.Chat instance runs its own Agenda over the shared jobs
 * collection (apps/meteor/app/apps/server/bridges/scheduler.ts: `new Agenda({..., defaultConcurrency:
 * 1})`; packages/agenda/src/Agenda.ts):
 * - every `tickMs` (Agenda's `processEvery`, 5 s) it locks, for each processor its app registered,
 *   the jobs due before the next scan (`_jobQueueFilling`, `_findAndLockNextJob`: `nextRunAt <=
 *   nextScanAt`) and queues them; a job saved here that is due before the next scan is locked at once
 *   (`_processDbResult` -> `_lockOnTheFly`);
 * - a queued job runs at its `nextRunAt` (`_jobProcessing`: at once when due, else a timer), when its
 *   processor has no run going here (`concurrency` 1) and fewer than 20 runs go here in all; a job
 *   that must wait goes back to the queue and runs when a run ends. So jobs run at their time, one per
 *   processor at a time per instance; a job another instance locked is not run here.
 * - a job locked here runs as it was read when locked (Agenda does not read it again).
 * A job whose processor is not (yet) registered here, or while this instance's app runtime is not
 * ready, is not locked here.
 */
export class Scheduler {
    private readonly definitions = new Map<string, Definition>();
    private readonly queue: JobDoc[] = [];
    /** the one timer for the queue's next job that is not due yet */
    private wake?: { at: number; timer: NodeJS.Timeout };
    /** runNow calls waiting for a processor's turn: woken whenever a run ends */
    private waiters: Array<() => void> = [];
    private timer?: NodeJS.Timeout;
    private nextScanAt = 0;
    private runningTotal = 0;
    private scanning = false;
    /** Whether this instance's app can take a job now (its runtime is up). */
    private canRun: (appId: string) => boolean = () => true;

    constructor(
        private readonly jobs: JobStore,
        private readonly runs: JobRuns,
        public readonly instance: number,
        private readonly tickMs = 5000,
        /** false: the local bench diagnostic SCHEDULER_SCAN=off: never scans or locks by itself; runNow still runs jobs */
        private readonly scans = true,
    ) {}

    public start(): void {
        if (this.scans && !this.timer) {
            this.timer = setInterval(() => void this.scan(), this.tickMs);
            this.timer.unref();
            process.nextTick(() => void this.scan());
        }
    }

    public stop(): void {
        if (this.timer) clearInterval(this.timer);
        this.timer = undefined;
        if (this.wake) clearTimeout(this.wake.timer);
        this.wake = undefined;
        this.queue.length = 0;
    }

    public setReadiness(canRun: (appId: string) => boolean): void {
        this.canRun = canRun;
    }

    public isReady(appId: string): boolean {
        return this.canRun(appId);
    }

    public defineProcessor(name: string, processor: JobProcessor): void {
        const existing = this.definitions.get(name);
        this.definitions.set(name, { fn: processor, running: existing?.running ?? 0 });
    }

    public hasProcessor(name: string): boolean {
        return this.definitions.has(name);
    }

    public async scheduleOnce(appId: string, name: string, when: Date, data: Record<string, unknown> = {}): Promise<string> {
        const id = await this.jobs.scheduleOnce(appId, name, when, data);
        await this.afterSave(id);
        return id;
    }

    public async scheduleRecurring(
        appId: string,
        name: string,
        interval: string | number,
        data: Record<string, unknown> = {},
        skipImmediate = false,
    ): Promise<string> {
        const id = await this.jobs.scheduleRecurring(appId, name, interval, data, skipImmediate);
        await this.afterSave(id);
        return id;
    }

    public cancel(idOrName: string): Promise<void> {
        return this.jobs.cancel(idOrName);
    }

    public cancelAll(appId: string): Promise<void> {
        return this.jobs.cancelAll(appId);
    }

    /**
     * The local `jobs.runDue`: takes the job's lock now, due or not, waits for its processor's turn
     * here (one run at a time), and runs it with its schedule unchanged. Resolves when the run is over,
     * with whether it ran (false: no processor here, or the lock is taken, e.g. the job waits in an
     * instance's queue).
     */
    public async runNow(job: JobDoc): Promise<boolean> {
        const definition = this.definitions.get(job.name);
        if (!definition || !(await this.jobs.lock(job, {}))) return false;
        while (definition.running >= PROCESSOR_CONCURRENCY || this.runningTotal >= MAX_CONCURRENCY) {
            await new Promise<void>((resolve) => this.waiters.push(resolve));
        }
        await this.run(job, definition, 'runDue');
        return true;
    }

    /** Agenda's scan (`processJobs` without a job): every processor's jobs due before the next scan, locked and queued. */
    private async scan(): Promise<void> {
        if (!this.timer || this.scanning) return;
        this.scanning = true;
        try {
            this.nextScanAt = Date.now() + this.tickMs;
            const before = new Date(this.nextScanAt);
            for (const job of await this.jobs.dueBefore(before)) {
                if (!this.definitions.has(job.name) || !this.canRun(job.appId)) continue;
                if (await this.jobs.lock(job, { dueBefore: before })) this.enqueue(job);
            }
        } catch (err) {
            console.error(`[workspace] looking for due jobs failed: ${err instanceof Error ? err.message : String(err)}`);
        } finally {
            this.scanning = false;
        }
    }

    /** `_processDbResult`: a job saved here that the last scan would have taken is locked at once. */
    private async afterSave(id: string): Promise<void> {
        if (!this.timer) return;
        const job = await this.jobs.get(id);
        if (!job || job.nextRunAt.getTime() >= this.nextScanAt || !this.definitions.has(job.name) || !this.canRun(job.appId)) return;
        if (await this.jobs.lock(job, { nextRunAt: job.nextRunAt })) this.enqueue(job);
    }

    private enqueue(job: JobDoc): void {
        this.queue.push(job);
        this.queue.sort((a, b) => a.nextRunAt.getTime() - b.nextRunAt.getTime());
        this.process();
    }

    /** `_jobProcessing`: the next job whose processor is free runs now if due, else when it is due. */
    private process(): void {
        if (!this.timer) return;
        const index = this.queue.findIndex((job) => (this.definitions.get(job.name)?.running ?? 0) < PROCESSOR_CONCURRENCY);
        if (index < 0 || this.runningTotal >= MAX_CONCURRENCY) return;
        const job = this.queue[index];
        const at = job.nextRunAt.getTime();
        if (at > Date.now()) {
            if (this.wake && this.wake.at <= at) return;
            if (this.wake) clearTimeout(this.wake.timer);
            const timer = setTimeout(() => {
                this.wake = undefined;
                this.process();
            }, at - Date.now());
            timer.unref();
            this.wake = { at, timer };
            return;
        }
        this.queue.splice(index, 1);
        const definition = this.definitions.get(job.name);
        if (!definition) return;
        void this.run(job, definition, 'schedule').catch((err: unknown) =>
            console.error(`[workspace] job ${job.name} could not run: ${err instanceof Error ? err.message : String(err)}`),
        );
        // another job (of another processor) may be due too
        this.process();
    }

    /**
     * One run: a one-time job leaves the store, a recurring one gets its next run first (Agenda's
     * `computeNextRunAt` at the start) unless run on demand; the lock is released at the end, and a
     * next run due before the next scan is locked again here at once.
     */
    private async run(job: JobDoc, definition: Definition, trigger: 'schedule' | 'runDue'): Promise<void> {
        definition.running++;
        this.runningTotal++;
        const startedAt = new Date();
        let next: JobDoc | undefined;
        try {
            if (job.type === 'once') {
                await this.jobs.remove(job);
            } else if (trigger === 'schedule' && !(await this.jobs.reschedule(job, startedAt))) {
                await this.jobs.cancel(job._id);
            }
            this.runs.record({ name: job.name, appId: job.appId, instance: this.instance, at: startedAt.toISOString(), trigger });
            await this.invoke(job, definition.fn);
        } finally {
            if (job.type === 'recurring') {
                await this.jobs.unlock(job);
                next = (await this.jobs.get(job._id)) ?? undefined;
            }
            definition.running--;
            this.runningTotal--;
            const waiting = this.waiters;
            this.waiters = [];
            for (const wake of waiting) wake();
            this.process();
        }
        if (next && this.timer && next.nextRunAt.getTime() < this.nextScanAt && this.canRun(next.appId)) {
            if (await this.jobs.lock(next, { nextRunAt: next.nextRunAt })) this.enqueue(next);
        }
    }

    private async invoke(job: JobDoc, processor: JobProcessor): Promise<void> {
        try {
            await processor({ ...job.data, jobId: job._id });
        } catch (err) {
            console.error(`[workspace] job ${job.name} failed: ${err instanceof Error ? err.message : String(err)}`);
        }
    }
}
