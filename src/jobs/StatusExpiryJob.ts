import { IHttp, IModify, IPersistence, IRead, ISchedulerModify } from '@rocket.chat/apps-engine/definition/accessors';
import { IJobContext, IProcessor } from '@rocket.chat/apps-engine/definition/scheduler';

import { scheduleStatusExpiry, setUserStatus } from '../services/setUserStatus';
import { StatusExpiryRepository } from '../storage/StatusExpiryRepository';
import { JobId, STATUS_EXPIRY_SWEEP_INTERVAL, StatusExpiryJobData } from './jobIds';

function isJobData(context: IJobContext): context is IJobContext & StatusExpiryJobData {
    return typeof context.userId === 'string' && typeof context.token === 'string';
}

/**
 * Restores the previous status and message when a "clear after" passes. The stored record decides:
 * no record, or one with another token (a newer status replaced it), means there is nothing to do.
 */
export async function runStatusExpiry(
    context: IJobContext,
    read: IRead,
    modify: IModify,
    persistence: IPersistence,
): Promise<'restored' | 'superseded' | 'gone'> {
    if (!isJobData(context)) {
        return 'gone';
    }
    const record = await new StatusExpiryRepository(read.getPersistenceReader(), persistence).find(context.userId);
    if (!record) {
        return 'gone';
    }
    if (record.token !== context.token) {
        return 'superseded';
    }
    const user = await read.getUserReader().getById(record.userId);
    if (!user) {
        await new StatusExpiryRepository(read.getPersistenceReader(), persistence).remove(record.userId);
        return 'gone';
    }
    // no expiresAt: setUserStatus removes the record
    const result = await setUserStatus(read, modify, persistence, { user, status: record.restoreStatus, message: record.restoreMessage });
    if (!result.ok) {
        throw new Error(`Could not restore the status of user ${record.userId}: ${result.error.kind}`);
    }
    return 'restored';
}

/** Restores every record whose time has passed, through the same path as its own job. */
export async function sweepStatusExpiries(read: IRead, modify: IModify, persistence: IPersistence, now = new Date()): Promise<number> {
    const records = await new StatusExpiryRepository(read.getPersistenceReader(), persistence).all();
    let restored = 0;
    for (const record of records) {
        const due = new Date(record.expiresAt).getTime();
        if (Number.isNaN(due) || due <= now.getTime()) {
            if ((await runStatusExpiry({ userId: record.userId, token: record.token }, read, modify, persistence)) === 'restored') {
                restored++;
            }
        }
    }
    return restored;
}

export const statusExpirySweepProcessor: IProcessor = {
    id: JobId.StatusExpirySweep,
    processor: async (_context: IJobContext, read: IRead, modify: IModify, _http: IHttp, persistence: IPersistence): Promise<void> => {
        await sweepStatusExpiries(read, modify, persistence);
    },
};

export const statusExpiryProcessor: IProcessor = {
    id: JobId.StatusExpiry,
    processor: async (context: IJobContext, read: IRead, modify: IModify, _http: IHttp, persistence: IPersistence): Promise<void> => {
        await runStatusExpiry(context, read, modify, persistence);
    },
};

/**
 * Re-arms every pending expiry when the app starts, and starts the sweep: the workspace drops an app's jobs when it
 * disables it, but the records survive, so a restart never loses an expiry. An overdue one runs
 * at once; a duplicate job is harmless, as only the one holding the record's token acts.
 */
export async function rearmStatusExpiries(read: IRead, scheduler: ISchedulerModify, now = new Date()): Promise<number> {
    const records = await new StatusExpiryRepository(read.getPersistenceReader()).all();
    for (const record of records) {
        const due = new Date(record.expiresAt);
        const when = Number.isNaN(due.getTime()) || due.getTime() < now.getTime() + 1000 ? new Date(now.getTime() + 1000) : due;
        await scheduleStatusExpiry(scheduler, record.userId, record.token, when);
    }
    await scheduler.scheduleRecurring({ id: JobId.StatusExpirySweep, interval: STATUS_EXPIRY_SWEEP_INTERVAL, skipImmediate: true });
    return records.length;
}
