import { IHttp, IModify, IPersistence, IRead, ISchedulerModify } from '@rocket.chat/apps-engine/definition/accessors';
import { ILogger } from '@rocket.chat/apps-engine/definition/accessors';
import { IJobContext, IProcessor } from '@rocket.chat/apps-engine/definition/scheduler';

import { stillShowsApplied } from '../core/status/appliedStatus';
import { claimOnce } from '../services/clusterClaim';
import { scheduleStatusExpiry, setUserStatus } from '../services/setUserStatus';
import { RecordStore } from '../storage/records';
import { StatusExpiryRepository } from '../storage/StatusExpiryRepository';
import { minuteOf, StatusExpiryDueIndex } from '../storage/StatusExpiryDueIndex';
import { JobId, JobInterval, StatusExpiryJobData } from '../core/jobIds';

function isJobData(context: IJobContext): context is IJobContext & StatusExpiryJobData {
    return typeof context.userId === 'string' && typeof context.token === 'string';
}

export type ExpiryOutcome = 'restored' | 'kept' | 'superseded' | 'gone';

/**
 * Restores the previous status and message when a "clear after" passes. The stored record decides:
 * no record, or one with another token (a newer status replaced it), means there is nothing to do;
 * a user who chose another status since (in any client) keeps it.
 */
export async function runStatusExpiry(context: IJobContext, read: IRead, modify: IModify, persistence: IPersistence): Promise<ExpiryOutcome> {
    if (!isJobData(context)) {
        return 'gone';
    }
    const store = new RecordStore(read.getPersistenceReader(), persistence);
    const expiries = new StatusExpiryRepository(store);
    const record = await expiries.find(context.userId);
    if (!record) {
        return 'gone';
    }
    if (record.token !== context.token) {
        return 'superseded';
    }
    if (!(await claimOnce(store, `status-expiry:${record.token}`))) {
        // another instance runs this expiry (the job was armed by each instance at start)
        return 'superseded';
    }
    const user = await read.getUserReader().getById(record.userId);
    if (!user) {
        await expiries.remove(record.userId);
        return 'gone';
    }
    const applied = { status: record.appliedStatus, message: record.appliedMessage };
    if (record.appliedMessage !== undefined && !stillShowsApplied(user, applied)) {
        await expiries.remove(record.userId);
        return 'kept';
    }
    // no expiresAt: setUserStatus removes the record
    const result = await setUserStatus(read, modify, persistence, { user, status: record.restoreStatus, message: record.restoreMessage, pending: record });
    if (!result.ok) {
        throw new Error(`could not restore the status of user ${record.userId}`);
    }
    return 'restored';
}

const MINUTE_MS = 60_000;
/** How far back a sweep looks when it has not run for a while: the app's start re-arms anything older. */
const CATCH_UP_MINUTES = 60;

/**
 * The safety net behind each expiry's own job: the expiries that fell due in the minutes since the
 * last sweep (up to now's previous minute), each through the same path as its own job (the record
 * decides; a job that ran already left nothing to do). It reads those minutes' due entries, never
 * every pending expiry, so a run costs the same at any number of users.
 */
export async function sweepStatusExpiries(read: IRead, modify: IModify, persistence: IPersistence, now = new Date()): Promise<number> {
    const index = new StatusExpiryDueIndex(new RecordStore(read.getPersistenceReader(), persistence));
    const last = Math.floor(now.getTime() / MINUTE_MS) - 1;
    const swept = await index.sweptThrough();
    const sweptMinute = swept === undefined ? NaN : Math.floor(Date.parse(`${swept}Z`) / MINUTE_MS);
    const first = Number.isNaN(sweptMinute) ? last : Math.max(sweptMinute + 1, last - CATCH_UP_MINUTES + 1);
    let restored = 0;
    for (let minute = first; minute <= last; minute++) {
        const key = minuteOf(new Date(minute * MINUTE_MS)) as string;
        const entries = await index.dueIn(key);
        for (const entry of entries) {
            if ((await runStatusExpiry(entry, read, modify, persistence)) === 'restored') {
                restored++;
            }
        }
        if (entries.length > 0) {
            await index.clearMinute(key);
        }
    }
    if (first <= last) {
        await index.setSweptThrough(minuteOf(new Date(last * MINUTE_MS)) as string);
    }
    return restored;
}

function logged(logger: () => ILogger, what: string, run: () => Promise<unknown>): Promise<void> {
    return run().then(
        () => undefined,
        (error: unknown) => logger().error(`${what} failed: ${error instanceof Error ? error.message : String(error)}`),
    );
}

export function statusExpiryProcessors(logger: () => ILogger): IProcessor[] {
    return [
        {
            id: JobId.StatusExpiry,
            processor: (context: IJobContext, read: IRead, modify: IModify, _http: IHttp, persistence: IPersistence) =>
                logged(logger, 'a status expiry', () => runStatusExpiry(context, read, modify, persistence)),
        },
        {
            id: JobId.StatusExpirySweep,
            processor: (_context: IJobContext, read: IRead, modify: IModify, _http: IHttp, persistence: IPersistence) =>
                logged(logger, 'the status expiry sweep', () => sweepStatusExpiries(read, modify, persistence)),
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
