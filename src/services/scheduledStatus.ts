import { ILogger, IModify, IPersistence, IRead, ISchedulerModify } from '@rocket.chat/apps-engine/definition/accessors';
import { IUser } from '@rocket.chat/apps-engine/definition/users';

import { fail, ok, Result } from '../core/AppError';
import { newCustomStatusId } from '../core/customStatus/CustomUserStatus';
import { UserPresence } from '../core/status/presets';
import { decideSetStatus } from '../core/status/setStatusRequest';
import { normalizeStatusText } from '../core/status/statusText';
import { WorkspaceSetting } from '../settings/WorkspaceSetting';
import { RecordStore } from '../storage/records';
import { ScheduledStatus, ScheduleRepository } from '../storage/ScheduleRepository';
import { applyOwnStatus } from './applyOwnStatus';
import { claimOnce } from './clusterClaim';
import { toStatusUser, workspaceFlag } from './statusContext';
import { JobId } from '../core/jobIds';

const repositoryOf = (read: IRead, persis?: IPersistence) => new ScheduleRepository(new RecordStore(read.getPersistenceReader(), persis));

export interface ScheduleRequest {
    status?: UserPresence;
    message: string;
    start: Date;
    end: Date;
}

/** The job data: the schedule's owner and id (the record decides the rest). */
interface ScheduleJobData {
    userId: string;
    scheduleId: string;
}

async function arm(scheduler: ISchedulerModify, schedule: ScheduledStatus, now = new Date()): Promise<void> {
    const start = new Date(schedule.start);
    const data: ScheduleJobData = { userId: schedule.userId, scheduleId: schedule.id };
    await scheduler.scheduleOnce({
        id: JobId.ScheduleStart,
        when: start.getTime() > now.getTime() ? start : new Date(now.getTime() + 1000),
        data: { ...data },
    });
}

/**
 * Schedules a status of the user's own: checked now with the same rules as setting it, stored,
 * and its start job armed (the record first; if arming fails, the record goes again).
 */
export async function scheduleOwnStatus(
    read: IRead,
    modify: IModify,
    persis: IPersistence,
    user: IUser,
    request: ScheduleRequest,
): Promise<Result<ScheduledStatus>> {
    const [allowStatusMessageChange, allowInvisibleStatus] = await Promise.all([
        workspaceFlag(read, WorkspaceSetting.AllowUserStatusMessageChange),
        request.status === 'offline' ? workspaceFlag(read, WorkspaceSetting.AllowInvisibleStatusOption) : true,
    ]);
    const body = { message: request.message, ...(request.status ? { status: request.status } : {}), expiresAt: request.end.toISOString() };
    const decision = decideSetStatus(
        body,
        { caller: toStatusUser(user), allowStatusMessageChange, allowInvisibleStatus, editOtherUserStatusRoles: [], now: new Date() },
        undefined,
    );
    if (!decision.ok) {
        return fail(decision.error);
    }
    const schedule: ScheduledStatus = {
        id: newCustomStatusId().slice(0, 8),
        userId: user.id,
        ...(request.status ? { status: request.status } : {}),
        message: normalizeStatusText(request.message),
        start: request.start.toISOString(),
        end: request.end.toISOString(),
        createdAt: new Date().toISOString(),
    };
    const repository = repositoryOf(read, persis);
    await repository.save(schedule);
    try {
        await arm(modify.getScheduler(), schedule);
    } catch (error) {
        await repository.remove(user.id, schedule.id).catch(() => undefined);
        throw error;
    }
    return ok(schedule);
}

export async function listSchedules(read: IRead, userId: string): Promise<ScheduledStatus[]> {
    return repositoryOf(read).forUser(userId);
}

/** Cancels the n-th (from 1) of the user's pending schedules; its job then finds nothing. */
export async function cancelSchedule(read: IRead, persis: IPersistence, userId: string, n: number): Promise<ScheduledStatus | undefined> {
    const repository = repositoryOf(read, persis);
    const schedule = (await repository.forUser(userId))[n - 1];
    if (!schedule || !(await repository.remove(userId, schedule.id))) {
        return undefined;
    }
    return schedule;
}

export type ScheduleOutcome = 'applied' | 'cancelled' | 'missed' | 'refused' | 'elsewhere';

/**
 * The start job: applies the scheduled status until its end, through the same path as a status
 * set with an expiry (so the previous one comes back at the end, if still shown). Once for the
 * cluster; a schedule cancelled meanwhile does nothing; one whose end has passed is dropped.
 */
export async function runScheduleStart(
    context: Record<string, unknown>,
    read: IRead,
    modify: IModify,
    persis: IPersistence,
    logger: ILogger,
    now = new Date(),
): Promise<ScheduleOutcome> {
    const { userId, scheduleId } = context as Partial<ScheduleJobData>;
    if (typeof userId !== 'string' || typeof scheduleId !== 'string') {
        return 'cancelled';
    }
    const store = new RecordStore(read.getPersistenceReader(), persis);
    const repository = new ScheduleRepository(store);
    const schedule = await repository.find(userId, scheduleId);
    if (!schedule) {
        return 'cancelled';
    }
    if (!(await claimOnce(store, `status-schedule:${schedule.id}`))) {
        return 'elsewhere';
    }
    const user = await read.getUserReader().getById(userId);
    if (!user || new Date(schedule.end).getTime() <= now.getTime()) {
        await repository.remove(userId, schedule.id);
        return 'missed';
    }
    const applied = await applyOwnStatus(
        read,
        modify,
        persis,
        user,
        { status: schedule.status, message: schedule.message, expiresAt: new Date(schedule.end) },
        now,
        {
            remember: false,
        },
    );
    await repository.remove(userId, schedule.id);
    if (!applied.ok) {
        logger.warn(`scheduled status ${schedule.id} of ${userId} refused at its start`);
        return 'refused';
    }
    return 'applied';
}

/** When the app starts: arms every pending schedule's job again (duplicates are harmless: claimed once). */
export async function rearmSchedules(read: IRead, scheduler: ISchedulerModify, now = new Date()): Promise<number> {
    const all = await repositoryOf(read).all();
    for (const schedule of all) {
        await arm(scheduler, schedule, now);
    }
    return all.length;
}
