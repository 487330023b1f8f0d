import { ILogger, IModify, IPersistence, IRead, ISchedulerModify } from '@rocket.chat/apps-engine/definition/accessors';
import { IUser } from '@rocket.chat/apps-engine/definition/users';

import { inferManualDefault, stillShowsApplied } from '../core/status/appliedStatus';
import { isWithinWorkingHours, nextBoundary, WorkingHours } from '../core/status/workingHours';
import { RecordStore } from '../storage/records';
import { StatusExpiryRepository } from '../storage/StatusExpiryRepository';
import { WorkingHoursRecord, WorkingHoursRepository } from '../storage/WorkingHoursRepository';
import { claimOnce } from './clusterClaim';
import { isConnected } from './presence/OnlineTally';
import { setUserStatus } from './setUserStatus';
import { JobId } from '../core/jobIds';

interface BoundaryJobData {
    userId: string;
    token: string;
    /** the boundary the job was armed for: every instance arms the same one, and it is claimed once */
    at: string;
}

const newToken = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

async function armNext(scheduler: ISchedulerModify, record: WorkingHoursRecord, now: Date): Promise<void> {
    const next = nextBoundary(record, now);
    const data: BoundaryJobData = { userId: record.userId, token: record.token, at: next.at.toISOString() };
    await scheduler.scheduleOnce({ id: JobId.WorkingHoursBoundary, when: next.at, data: { ...data } });
}

interface Access {
    read: IRead;
    modify: IModify;
    persis: IPersistence;
}

/**
 * Shows the user away (outside their working hours), remembering what to bring back: the status
 * before any temporary one (a pending expiry is replaced), and the message. A user who is away
 * already, or invisible, is left alone.
 */
async function goAway(access: Access, record: WorkingHoursRecord, user: IUser): Promise<WorkingHoursRecord> {
    // away already, or invisible (offline while connected): nothing to do; a disconnected user gets away as their default
    if (user.status === 'away' || (user.status === 'offline' && isConnected(user.statusConnection))) {
        return record;
    }
    const store = new RecordStore(access.read.getPersistenceReader(), access.persis);
    const pending = await new StatusExpiryRepository(store).find(user.id);
    const away = {
        restoreStatus: pending?.restoreStatus ?? inferManualDefault(user.status, user.statusConnection),
        restoreMessage: pending?.restoreMessage ?? user.statusText ?? '',
        message: user.statusText ?? '',
        at: new Date().toISOString(),
    };
    const next = { ...record, away };
    await new WorkingHoursRepository(store).save(next);
    const result = await setUserStatus(access.read, access.modify, access.persis, { user, status: 'away', pending: pending ?? null });
    if (!result.ok) {
        await new WorkingHoursRepository(store).save(record);
        return record;
    }
    return next;
}

/** Brings back the status from before, if the user still shows the away the app set (a status chosen since stays). */
async function comeBack(access: Access, record: WorkingHoursRecord, user: IUser | undefined): Promise<WorkingHoursRecord> {
    if (!record.away) {
        return record;
    }
    const next: WorkingHoursRecord = { ...record, away: undefined };
    if (user && stillShowsApplied(user, { status: 'away', message: record.away.message })) {
        await setUserStatus(access.read, access.modify, access.persis, { user, status: record.away.restoreStatus, message: record.away.restoreMessage });
    }
    await new WorkingHoursRepository(new RecordStore(access.read.getPersistenceReader(), access.persis)).save(next);
    return next;
}

/** Opts in (or changes the hours): stored, the next boundary armed, and away at once when outside them now. */
export async function setWorkingHours(access: Access, user: IUser, hours: WorkingHours, now = new Date()): Promise<WorkingHoursRecord> {
    const repository = new WorkingHoursRepository(new RecordStore(access.read.getPersistenceReader(), access.persis));
    const previous = await repository.find(user.id);
    let record: WorkingHoursRecord = { ...hours, userId: user.id, token: newToken(), ...(previous?.away ? { away: previous.away } : {}) };
    await repository.save(record);
    await armNext(access.modify.getScheduler(), record, now);
    if (!isWithinWorkingHours(record, now)) {
        record = await goAway(access, record, user);
    } else {
        record = await comeBack(access, record, user);
    }
    return record;
}

/** Opts out: the hours go, and an away the app set comes back at once. */
export async function clearWorkingHours(access: Access, user: IUser): Promise<boolean> {
    const repository = new WorkingHoursRepository(new RecordStore(access.read.getPersistenceReader(), access.persis));
    const record = await repository.find(user.id);
    if (!record) {
        return false;
    }
    await comeBack(access, record, user);
    await repository.remove(user.id);
    return true;
}

export async function readWorkingHours(read: IRead, userId: string): Promise<WorkingHoursRecord | undefined> {
    return new WorkingHoursRepository(new RecordStore(read.getPersistenceReader())).find(userId);
}

export type BoundaryOutcome = 'away' | 'back' | 'superseded' | 'elsewhere';

/**
 * A boundary job (one user): at the end of the working hours the user shows away, at their start
 * the status comes back; then the next boundary is armed. Once for the cluster (a claim on the
 * record's token and the boundary's time).
 */
export async function runWorkingHoursBoundary(context: Record<string, unknown>, access: Access, logger: ILogger, now = new Date()): Promise<BoundaryOutcome> {
    const { userId, token, at } = context as Partial<BoundaryJobData>;
    if (typeof userId !== 'string' || typeof token !== 'string') {
        return 'superseded';
    }
    const store = new RecordStore(access.read.getPersistenceReader(), access.persis);
    const record = await new WorkingHoursRepository(store).find(userId);
    if (!record || record.token !== token) {
        return 'superseded';
    }
    // jobs armed before the boundary was in their data: the minute they run in
    const boundary = typeof at === 'string' ? at : String(Math.floor(now.getTime() / 60_000));
    if (!(await claimOnce(store, `working-hours:${token}:${boundary}`))) {
        return 'elsewhere';
    }
    const user = await access.read.getUserReader().getById(userId);
    const inside = isWithinWorkingHours(record, now);
    try {
        if (inside) {
            await comeBack(access, record, user);
        } else if (user) {
            await goAway(access, record, user);
        }
    } finally {
        await armNext(access.modify.getScheduler(), record, now).catch((error: unknown) =>
            logger.error(`working hours: could not arm the next boundary of ${userId}: ${error instanceof Error ? error.message : String(error)}`),
        );
    }
    return inside ? 'back' : 'away';
}

/** When the app starts: the next boundary of every opted-in user is armed again. */
export async function rearmWorkingHours(read: IRead, scheduler: ISchedulerModify, now = new Date()): Promise<number> {
    const all = await new WorkingHoursRepository(new RecordStore(read.getPersistenceReader())).all();
    for (const record of all) {
        await armNext(scheduler, record, now);
    }
    return all.length;
}
