import type { Store } from '../store/Store';
import { asDoc } from '../store/Store';
import { randomId } from '../store/ids';
import { nextRun } from './interval';

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
    /** Agenda's `lockedAt`: set by the instance that took the job, cleared when its run is over. */
    lockedAt?: Date | null;
}

/** Agenda's `defaultLockLifetime`: a lock older than this was left by a run that died. */
export const LOCK_LIFETIME_MS = 10 * 60_000;

/**
 * The jobs of the whole cluster in the one store, as Rocket.Chat keeps them for every instance's
 * Agenda in one collection (`rocketchat_apps_scheduler`). Nothing is cached: each instance reads
 * the store, and an instance runs a job only after it took the job's lock there.
 */
export class JobStore {
    constructor(private readonly store: Store) {}

    private get col() {
        return this.store.col('jobs');
    }

    /** The whole cluster starts together (one process), so a lock left by a killed process is nobody's. */
    public async open(): Promise<void> {
        await this.col.updateAsync({}, { $set: { lockedAt: null } }, { multi: true });
    }

    public async scheduleOnce(appId: string, name: string, when: Date, data: Record<string, unknown> = {}): Promise<string> {
        if (Number.isNaN(when.getTime())) {
            throw new Error(`Invalid date for job ${name}`);
        }
        const job: JobDoc = { _id: randomId(), name, appId, type: 'once', nextRunAt: when, data, lockedAt: null };
        await this.col.insertAsync(asDoc(job));
        return job._id;
    }

    /**
     * Agenda's `every`: one recurring job per processor name, upserted. As Agenda does for its
     * `single` jobs, a first run due now (no `skipImmediate`) does not move an existing job's next
     * run: a second instance starting the same job does not run it again within the interval.
     */
    public async scheduleRecurring(
        appId: string,
        name: string,
        interval: string | number,
        data: Record<string, unknown> = {},
        skipImmediate = false,
    ): Promise<string> {
        const now = new Date();
        const first = skipImmediate ? nextRun(interval, now) : now;
        if (!first) {
            throw new Error(`Invalid interval "${interval}" for job ${name}`);
        }
        const existing = (await this.col.findOneAsync({ type: 'recurring', name })) as unknown as JobDoc | null;
        const keepNextRun = existing && first.getTime() <= now.getTime();
        const id = existing?._id ?? randomId();
        await this.col.updateAsync(
            { _id: id },
            { $set: { name, appId, type: 'recurring', interval, data, ...(keepNextRun ? {} : { nextRunAt: first }) } },
            { upsert: true },
        );
        return id;
    }

    /** Cancels by job id or by processor name (Rocket.Chat cancels by name). */
    public async cancel(idOrName: string): Promise<void> {
        await this.col.removeAsync({ $or: [{ _id: idOrName }, { name: idOrName }] }, { multi: true });
    }

    public async cancelAll(appId: string): Promise<void> {
        await this.col.removeAsync({ appId }, { multi: true });
    }

    public async find(query: Record<string, unknown> = {}): Promise<JobDoc[]> {
        return (await this.col.findAsync(query)) as unknown as JobDoc[];
    }

    public async get(id: string): Promise<JobDoc | null> {
        return (await this.col.findOneAsync({ _id: id })) as unknown as JobDoc | null;
    }

    /** The jobs due before `before` whose lock is free (or stale): what an Agenda scan may lock. */
    public dueBefore(before: Date, now = new Date()): Promise<JobDoc[]> {
        return this.find({ nextRunAt: { $lte: before }, ...JobStore.unlocked(now) });
    }

    /**
     * Takes the job's lock, as Agenda's `findOneAndUpdate` on `lockedAt` does: true for exactly one
     * taker. `dueBefore` (a scan) also requires the job to be due before then; `nextRunAt` (a lock on
     * the fly) requires it unchanged; the local `jobs.runDue` takes it whenever it is free.
     */
    public async lock(job: JobDoc, when: { dueBefore?: Date; nextRunAt?: Date }, now = new Date()): Promise<boolean> {
        const query = {
            _id: job._id,
            ...JobStore.unlocked(now),
            ...(when.dueBefore ? { nextRunAt: { $lte: when.dueBefore } } : {}),
            ...(when.nextRunAt ? { nextRunAt: when.nextRunAt } : {}),
        };
        const { numAffected } = await this.col.updateAsync(query, { $set: { lockedAt: now } }, {});
        return numAffected === 1;
    }

    /** A one-time job leaves the store once taken (Rocket.Chat cancels it after the run). */
    public async remove(job: JobDoc): Promise<void> {
        await this.col.removeAsync({ _id: job._id }, {});
    }

    /** A recurring job's next run, computed when a run starts (Agenda's `computeNextRunAt`); false when its interval is invalid. */
    public async reschedule(job: JobDoc, startedAt: Date): Promise<boolean> {
        const next = nextRun(job.interval ?? 0, startedAt);
        if (!next) return false;
        await this.col.updateAsync({ _id: job._id }, { $set: { nextRunAt: next, lastRunAt: startedAt } }, {});
        return true;
    }

    public async unlock(job: JobDoc): Promise<void> {
        await this.col.updateAsync({ _id: job._id }, { $set: { lockedAt: null } }, {});
    }

    private static unlocked(now: Date): Record<string, unknown> {
        const stale = new Date(now.getTime() - LOCK_LIFETIME_MS);
        return { $or: [{ lockedAt: { $exists: false } }, { lockedAt: null }, { lockedAt: { $lte: stale } }] };
    }
}
