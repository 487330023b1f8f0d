import type { JobDoc, JobStore } from './JobStore';
import type { JobRuns } from './JobRuns';

export type { JobDoc } from './JobStore';

export type JobProcessor = (context: Record<string, unknown>) => Promise<void>;

/**
 * One instance's scheduler, as each Rocket.Chat instance runs its own Agenda over the shared jobs
 * collection: the processors its copy of the app registered, and a poll every `tickMs` (Agenda's
 * `processEvery`, 5 s in Rocket.Chat, so a job may run up to that much late). A due job runs on
 * the instance that takes its lock in the store first, so once for the cluster; a job whose
 * processor is not (yet) registered here, or while this instance's app runtime is not ready,
 * is left for another instance or a later poll.
 */
export class Scheduler {
    private readonly processors = new Map<string, JobProcessor>();
    private timer?: NodeJS.Timeout;
    private polling = false;
    /** Whether this instance's app can take a job now (its runtime is up). */
    private canRun: (appId: string) => boolean = () => true;

    constructor(
        private readonly jobs: JobStore,
        private readonly runs: JobRuns,
        public readonly instance: number,
        private readonly tickMs = 5000,
    ) {}

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

    public isReady(appId: string): boolean {
        return this.canRun(appId);
    }

    public defineProcessor(name: string, processor: JobProcessor): void {
        this.processors.set(name, processor);
    }

    public hasProcessor(name: string): boolean {
        return this.processors.has(name);
    }

    public scheduleOnce(appId: string, name: string, when: Date, data: Record<string, unknown> = {}): Promise<string> {
        return this.jobs.scheduleOnce(appId, name, when, data);
    }

    public scheduleRecurring(
        appId: string,
        name: string,
        interval: string | number,
        data: Record<string, unknown> = {},
        skipImmediate = false,
    ): Promise<string> {
        return this.jobs.scheduleRecurring(appId, name, interval, data, skipImmediate);
    }

    public cancel(idOrName: string): Promise<void> {
        return this.jobs.cancel(idOrName);
    }

    public cancelAll(appId: string): Promise<void> {
        return this.jobs.cancelAll(appId);
    }

    /**
     * Runs the job here now if its lock can be taken: a one-time job leaves the store, a recurring
     * one gets its next run first (`reschedule`) unless `keepSchedule`. Resolves when the run is
     * over, with whether it ran.
     */
    public async runIfLocked(job: JobDoc, opts: { onlyIfDue: boolean; keepSchedule: boolean; trigger: 'schedule' | 'runDue' }): Promise<boolean> {
        const processor = this.processors.get(job.name);
        if (!processor || !(await this.jobs.lock(job, opts.onlyIfDue))) {
            return false;
        }
        const startedAt = new Date();
        try {
            if (job.type === 'once') {
                await this.jobs.remove(job);
            } else if (!opts.keepSchedule && !(await this.jobs.reschedule(job, startedAt))) {
                await this.jobs.cancel(job._id);
            }
            this.runs.record({ name: job.name, appId: job.appId, instance: this.instance, at: startedAt.toISOString(), trigger: opts.trigger });
            await this.invoke(job, processor);
        } finally {
            if (job.type === 'recurring') await this.jobs.unlock(job);
        }
        return true;
    }

    private async tick(): Promise<void> {
        if (this.polling) return;
        this.polling = true;
        try {
            for (const job of await this.jobs.due()) {
                if (!this.processors.has(job.name) || !this.canRun(job.appId)) continue;
                void this.runIfLocked(job, { onlyIfDue: true, keepSchedule: false, trigger: 'schedule' }).catch((err: unknown) =>
                    console.error(`[workspace] job ${job.name} could not run: ${err instanceof Error ? err.message : String(err)}`),
                );
            }
        } catch (err) {
            console.error(`[workspace] looking for due jobs failed: ${err instanceof Error ? err.message : String(err)}`);
        } finally {
            this.polling = false;
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
