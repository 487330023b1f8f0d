import { IRead, ISchedulerModify } from '@rocket.chat/apps-engine/definition/accessors';
import { IUser } from '@rocket.chat/apps-engine/definition/users';

import { ok, Result } from '../core/AppError';
import { Step } from '../core/change/Change';
import { Subject } from '../core/change/subjects';
import { JobId } from '../core/jobIds';
import { inferManualDefault, stillShowsApplied } from '../core/status/appliedStatus';
import { isWithinWorkingHours, nextBoundary, WorkingHours } from '../core/status/workingHours';
import { RecordStore } from '../storage/records';
import { StatusExpiryRecord, StatusExpiryRepository } from '../storage/StatusExpiryRepository';
import { WorkingHoursRecord, WorkingHoursRepository } from '../storage/WorkingHoursRepository';
import { ChangeEnv, storeOfEnv } from './change/ChangeEnv';
import { resultOf } from './change/changeResult';
import { runChange } from './change/runChange';
import { isConnected } from './presence/OnlineTally';
import { statusSteps } from './setUserStatus';

interface BoundaryJobData {
    userId: string;
    token: string;
    /** the boundary the job was armed for: every instance arms the same one, and it is applied once */
    at: string;
}

const newToken = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

function armNext(record: WorkingHoursRecord, now: Date): Step {
    const next = nextBoundary(record, now);
    const data: BoundaryJobData = { userId: record.userId, token: record.token, at: next.at.toISOString() };
    return { t: 'job', processor: JobId.WorkingHoursBoundary, when: data.at, data: { ...data } };
}

/** What going away or coming back changes: the record as it will be, and the status steps. */
interface Transition {
    record: WorkingHoursRecord;
    steps: Step[];
}

/**
 * Shows the user away (outside their working hours), remembering what to bring back: the status
 * before any temporary one (a pending expiry is replaced), and the message. A user who is away
 * already, or invisible, is left alone.
 */
function goAway(record: WorkingHoursRecord, user: IUser, pending: StatusExpiryRecord | undefined, now: Date): Transition {
    if (user.status === 'away' || (user.status === 'offline' && isConnected(user.statusConnection))) {
        return { record, steps: [] };
    }
    const away = {
        restoreStatus: pending?.restoreStatus ?? inferManualDefault(user.status, user.statusConnection),
        restoreMessage: pending?.restoreMessage ?? user.statusText ?? '',
        message: user.statusText ?? '',
        at: now.toISOString(),
    };
    return { record: { ...record, away }, steps: statusSteps(user, { status: 'away' }, pending) };
}

/** Brings back the status from before, if the user still shows the away the app set (a status chosen since stays). */
function comeBack(record: WorkingHoursRecord, user: IUser | undefined): Transition {
    if (!record.away) {
        return { record, steps: [] };
    }
    const { away, ...rest } = record;
    const shows = user && stillShowsApplied(user, { status: 'away', message: away.message });
    return { record: rest, steps: shows ? statusSteps(user, { status: away.restoreStatus, message: away.restoreMessage }, undefined) : [] };
}

async function readUser(env: ChangeEnv, userId: string) {
    const store = storeOfEnv(env);
    return Promise.all([
        env.read.getUserReader().getById(userId),
        new WorkingHoursRepository(store).find(userId),
        new StatusExpiryRepository(store).find(userId),
    ]);
}

const putRecord = (record: WorkingHoursRecord, previous: WorkingHoursRecord | undefined): Step => ({
    t: 'put',
    assoc: WorkingHoursRepository.associations(record.userId),
    value: record,
    prev: previous ?? null,
});

/** Opts in (or changes the hours): stored, the next boundary armed, and away at once when outside them now. One change. */
export async function setWorkingHours(env: ChangeEnv, user: IUser, hours: WorkingHours, now = new Date()): Promise<Result<WorkingHoursRecord>> {
    const outcome = await runChange<Result<WorkingHoursRecord>>(env, {
        kind: 'working-hours',
        subjects: [Subject.user(user.id)],
        plan: async () => {
            const [current, previous, pending] = await readUser(env, user.id);
            const fresh: WorkingHoursRecord = { ...hours, userId: user.id, token: newToken(), ...(previous?.away ? { away: previous.away } : {}) };
            const inside = isWithinWorkingHours(fresh, now);
            const { record, steps } = inside ? comeBack(fresh, current) : current ? goAway(fresh, current, pending, now) : { record: fresh, steps: [] };
            return { steps: [putRecord(record, previous), armNext(record, now), ...steps], answer: ok(record) };
        },
    });
    return resultOf(outcome);
}

/** Opts out: the hours go, and an away the app set comes back at once. Answers whether there were hours. */
export async function clearWorkingHours(env: ChangeEnv, user: IUser): Promise<Result<boolean>> {
    const outcome = await runChange<Result<boolean>>(env, {
        kind: 'working-hours-off',
        subjects: [Subject.user(user.id)],
        plan: async () => {
            const [current, record] = await readUser(env, user.id);
            if (!record) {
                return { refuse: ok(false) };
            }
            const assoc = WorkingHoursRepository.associations(user.id);
            return { steps: [...comeBack(record, current).steps, { t: 'remove', assoc, restore: [{ assoc, value: record }] }], answer: ok(true) };
        },
    });
    return resultOf(outcome);
}

export async function readWorkingHours(read: IRead, userId: string): Promise<WorkingHoursRecord | undefined> {
    return new WorkingHoursRepository(new RecordStore(read.getPersistenceReader())).find(userId);
}

export type BoundaryOutcome = 'away' | 'back' | 'superseded' | 'done' | 'failed';

/**
 * A boundary job (one user): at the end of the working hours the user shows away, at their start
 * the status comes back; the next boundary is armed, and the record notes the boundary applied, so
 * that the same job on another instance (each arms it) finds it done. One change.
 */
export async function runWorkingHoursBoundary(context: Record<string, unknown>, env: ChangeEnv, now = new Date()): Promise<BoundaryOutcome> {
    const { userId, token, at } = context as Partial<BoundaryJobData>;
    if (typeof userId !== 'string' || typeof token !== 'string') {
        return 'superseded';
    }
    // jobs armed before the boundary was in their data: the minute they run in
    const boundary = typeof at === 'string' ? at : new Date(Math.floor(now.getTime() / 60_000) * 60_000).toISOString();
    const outcome = await runChange<Result<BoundaryOutcome>>(env, {
        kind: 'working-hours-boundary',
        subjects: [Subject.user(userId)],
        plan: async () => {
            const [user, record, pending] = await readUser(env, userId);
            if (!record || record.token !== token) {
                return { refuse: ok('superseded') };
            }
            if (record.lastBoundary !== undefined && record.lastBoundary >= boundary) {
                return { refuse: ok('done') };
            }
            const inside = isWithinWorkingHours(record, now);
            const transition = inside ? comeBack(record, user) : user ? goAway(record, user, pending, now) : { record, steps: [] };
            const next = { ...transition.record, lastBoundary: boundary };
            return { steps: [putRecord(next, record), armNext(next, now), ...transition.steps], answer: ok(inside ? 'back' : 'away') };
        },
    });
    const result = resultOf(outcome);
    return result.ok ? result.value : 'failed';
}

/** When the app starts: the next boundary of every opted-in user is armed again. */
export async function rearmWorkingHours(read: IRead, scheduler: ISchedulerModify, now = new Date()): Promise<number> {
    const all = await new WorkingHoursRepository(new RecordStore(read.getPersistenceReader())).all();
    for (const record of all) {
        const next = nextBoundary(record, now);
        const data: BoundaryJobData = { userId: record.userId, token: record.token, at: next.at.toISOString() };
        await scheduler.scheduleOnce({ id: JobId.WorkingHoursBoundary, when: next.at, data: { ...data } });
    }
    return all.length;
}
