import { IHttp, ILogger, IModify, IPersistence, IRead, ISchedulerModify } from '@rocket.chat/apps-engine/definition/accessors';
import { IJobContext, IProcessor } from '@rocket.chat/apps-engine/definition/scheduler';

import { ok, Result } from '../core/AppError';
import { Step } from '../core/change/Change';
import { Subject } from '../core/change/subjects';
import { JobId, JobInterval, StatusExpiryJobData } from '../core/jobIds';
import { stillShowsApplied } from '../core/status/appliedStatus';
import { ChangeApp, ChangeEnv, storeOfEnv } from '../services/change/ChangeEnv';
import { runChange } from '../services/change/runChange';
import { describeError } from '../services/presence/PresenceApp';
import { scheduleStatusExpiry, statusSteps } from '../services/setUserStatus';
import { RecordStore } from '../storage/records';
import { StatusExpiryRepository } from '../storage/StatusExpiryRepository';
import { minuteOf, StatusExpiryDueIndex } from '../storage/StatusExpiryDueIndex';

function isJobData(context: unknown): context is StatusExpiryJobData {
    const data = context as Partial<StatusExpiryJobData> | undefined;
    return typeof data?.userId === 'string' && typeof data.token === 'string';
}

/** `failed`: the restore did not happen (the record stays: the sweep tries again). */
export type ExpiryOutcome = 'restored' | 'kept' | 'superseded' | 'gone' | 'failed';

/**
 * Restores the previous status and message when a "clear after" passes: one change holding the
 * user (a duplicate job on another instance waits, then finds the record gone). The stored record
 * decides: none, or one with another token (a newer status replaced it), means nothing to do; a
 * user who chose another status since (in any client) keeps it, and only the record goes.
 */
export async function runStatusExpiry(data: unknown, env: ChangeEnv): Promise<ExpiryOutcome> {
    if (!isJobData(data)) {
        return 'gone';
    }
    const expiries = new StatusExpiryRepository(storeOfEnv(env));
    const outcome = await runChange<Result<ExpiryOutcome>>(env, {
        kind: 'status-expiry',
        subjects: [Subject.user(data.userId)],
        plan: async () => {
            const record = await expiries.find(data.userId);
            if (!record) {
                return { refuse: ok('gone') };
            }
            if (record.token !== data.token) {
                return { refuse: ok('superseded') };
            }
            const assoc = StatusExpiryRepository.associations(record.userId);
            const dropRecord: Step = { t: 'remove', assoc, restore: [{ assoc, value: record }] };
            const user = await env.read.getUserReader().getById(record.userId);
            if (!user) {
                return { steps: [dropRecord], answer: ok('gone') };
            }
            if (record.appliedMessage !== undefined && !stillShowsApplied(user, { status: record.appliedStatus, message: record.appliedMessage })) {
                return { steps: [dropRecord], answer: ok('kept') };
            }
            // no expiry: the steps remove the record and show what comes back
            return { steps: statusSteps(user, { status: record.restoreStatus, message: record.restoreMessage }, record), answer: ok('restored') };
        },
    });
    return outcome.kind === 'done' || outcome.kind === 'refused' ? (outcome.answer.ok ? outcome.answer.value : 'failed') : 'failed';
}

const MINUTE_MS = 60_000;
/** A restore that did not happen is tried again by its own job after this long. */
const RETRY_MS = MINUTE_MS;
/** How far back a sweep looks when it has not run for a while: the app's start re-arms anything older. */
const CATCH_UP_MINUTES = 60;

/**
 * The safety net behind each expiry's own job: the expiries that fell due in the minutes since the
 * last sweep (up to now's previous minute), each through the same path as its own job (the record
 * decides; a job that ran already left nothing to do). It reads those minutes' due entries, never
 * every pending expiry, so a run costs the same at any number of users. A minute whose restores
 * did not all happen stays to be swept again.
 */
export async function sweepStatusExpiries(env: ChangeEnv, now = new Date()): Promise<number> {
    const index = new StatusExpiryDueIndex(storeOfEnv(env));
    const last = Math.floor(now.getTime() / MINUTE_MS) - 1;
    const swept = await index.sweptThrough();
    const sweptMinute = swept === undefined ? NaN : Math.floor(Date.parse(`${swept}Z`) / MINUTE_MS);
    const first = Number.isNaN(sweptMinute) ? last : Math.max(sweptMinute + 1, last - CATCH_UP_MINUTES + 1);
    let restored = 0;
    let through: number | undefined;
    for (let minute = first; minute <= last; minute++) {
        const key = minuteOf(new Date(minute * MINUTE_MS)) as string;
        const entries = await index.dueIn(key);
        let settled = true;
        for (const entry of entries) {
            const outcome = await runStatusExpiry(entry, env);
            restored += outcome === 'restored' ? 1 : 0;
            settled = settled && outcome !== 'failed';
        }
        if (!settled) {
            break;
        }
        if (entries.length > 0) {
            await index.clearMinute(key);
        }
        through = minute;
    }
    if (through !== undefined) {
        await index.setSweptThrough(minuteOf(new Date(through * MINUTE_MS)) as string);
    }
    return restored;
}

function logged(logger: () => ILogger, what: string, run: () => Promise<unknown>): Promise<void> {
    return run().then(
        () => undefined,
        (error: unknown) => logger().error(`${what} failed: ${describeError(error)}`),
    );
}

export function statusExpiryProcessors(app: ChangeApp): IProcessor[] {
    const envOf = (read: IRead, modify: IModify, http: IHttp, persis: IPersistence): ChangeEnv => ({ app, read, modify, http, persis });
    return [
        {
            id: JobId.StatusExpiry,
            processor: (context: IJobContext, read: IRead, modify: IModify, http: IHttp, persistence: IPersistence) =>
                logged(
                    () => app.getLogger(),
                    'a status expiry',
                    async () => {
                        if ((await runStatusExpiry(context, envOf(read, modify, http, persistence))) === 'failed' && isJobData(context)) {
                            // e.g. another change held the user: the same job again in a minute (the record
                            // decides, so a second run is harmless); the sweep stays behind it
                            await scheduleStatusExpiry(modify.getScheduler(), context.userId, context.token, new Date(Date.now() + RETRY_MS));
                            throw new Error('the restore did not happen; it is tried again in a minute');
                        }
                    },
                ),
        },
        {
            id: JobId.StatusExpirySweep,
            processor: (_context: IJobContext, read: IRead, modify: IModify, http: IHttp, persistence: IPersistence) =>
                logged(
                    () => app.getLogger(),
                    'the status expiry sweep',
                    () => sweepStatusExpiries(envOf(read, modify, http, persistence)),
                ),
        },
    ];
}

/**
 * Re-arms every pending expiry when the app starts, and starts the sweep: the workspace drops an app's jobs when it
 * disables it, but the records survive, so a restart never loses an expiry. An overdue one runs
 * at once; a duplicate job is harmless, as only the one holding the record's token acts.
 */
export async function rearmStatusExpiries(read: IRead, scheduler: ISchedulerModify, now = new Date()): Promise<number> {
    const records = await new StatusExpiryRepository(new RecordStore(read.getPersistenceReader())).all();
    for (const record of records) {
        const due = new Date(record.expiresAt);
        const when = Number.isNaN(due.getTime()) || due.getTime() < now.getTime() + 1000 ? new Date(now.getTime() + 1000) : due;
        await scheduleStatusExpiry(scheduler, record.userId, record.token, when);
    }
    await scheduler.scheduleRecurring({ id: JobId.StatusExpirySweep, interval: JobInterval[JobId.StatusExpirySweep], skipImmediate: true });
    return records.length;
}
