import { IRead, ISchedulerModify } from '@rocket.chat/apps-engine/definition/accessors';
import { IUser } from '@rocket.chat/apps-engine/definition/users';

import { ok, Result } from '../core/AppError';
import { Step } from '../core/change/Change';
import { Subject } from '../core/change/subjects';
import { newCustomStatusId } from '../core/customStatus/CustomUserStatus';
import { JobId } from '../core/jobIds';
import { UserPresence } from '../core/status/presets';
import { normalizeStatusText } from '../core/status/statusText';
import { RecordStore } from '../storage/records';
import { ScheduledStatus, ScheduleRepository } from '../storage/ScheduleRepository';
import { StatusExpiryRepository } from '../storage/StatusExpiryRepository';
import { decideOwnStatus } from './applyOwnStatus';
import { ChangeEnv, storeOfEnv } from './change/ChangeEnv';
import { resultOf } from './change/changeResult';
import { runChange } from './change/runChange';
import { statusSteps } from './setUserStatus';

const repositoryOf = (read: IRead) => new ScheduleRepository(new RecordStore(read.getPersistenceReader()));

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

function startJob(schedule: ScheduledStatus, now: Date): Step {
    const start = new Date(schedule.start);
    const data: ScheduleJobData = { userId: schedule.userId, scheduleId: schedule.id };
    const when = start.getTime() > now.getTime() ? start : new Date(now.getTime() + 1000);
    return { t: 'job', processor: JobId.ScheduleStart, when: when.toISOString(), data: { ...data } };
}

const scheduleAssoc = (schedule: Pick<ScheduledStatus, 'userId' | 'id'>) => ScheduleRepository.associations(schedule.userId, schedule.id);
const dropSchedule = (schedule: ScheduledStatus): Step => ({
    t: 'remove',
    assoc: scheduleAssoc(schedule),
    restore: [{ assoc: scheduleAssoc(schedule), value: schedule }],
});

/**
 * Schedules a status of the user's own: checked now with the same rules as setting it, then stored
 * with its start job armed, in one change.
 */
export async function scheduleOwnStatus(env: ChangeEnv, user: IUser, request: ScheduleRequest, now = new Date()): Promise<Result<ScheduledStatus>> {
    const decision = await decideOwnStatus(env.read, user, { status: request.status, message: request.message, expiresAt: request.end });
    if (!decision.ok) {
        return decision;
    }
    const schedule: ScheduledStatus = {
        id: newCustomStatusId().slice(0, 8),
        userId: user.id,
        ...(request.status ? { status: request.status } : {}),
        message: normalizeStatusText(request.message),
        start: request.start.toISOString(),
        end: request.end.toISOString(),
        createdAt: now.toISOString(),
    };
    const outcome = await runChange<Result<ScheduledStatus>>(env, {
        kind: 'schedule',
        plan: async () => ({ steps: [{ t: 'insert', assoc: scheduleAssoc(schedule), value: schedule }, startJob(schedule, now)], answer: ok(schedule) }),
    });
    return resultOf(outcome);
}

export async function listSchedules(read: IRead, userId: string): Promise<ScheduledStatus[]> {
    return repositoryOf(read).forUser(userId);
}

/** Cancels the n-th (from 1) of the user's pending schedules; its job then finds nothing. `undefined`: no such schedule. */
export async function cancelSchedule(env: ChangeEnv, userId: string, n: number): Promise<Result<ScheduledStatus | undefined>> {
    const outcome = await runChange<Result<ScheduledStatus | undefined>>(env, {
        kind: 'schedule-cancel',
        subjects: [Subject.user(userId)],
        plan: async () => {
            const schedule = (await repositoryOf(env.read).forUser(userId))[n - 1];
            return schedule ? { steps: [dropSchedule(schedule)], answer: ok(schedule) } : { refuse: ok(undefined) };
        },
    });
    return resultOf(outcome);
}

export type ScheduleOutcome = 'applied' | 'cancelled' | 'missed' | 'refused' | 'failed';

/**
 * The start job: applies the scheduled status until its end, with the steps of a status set with
 * an expiry (so the previous one comes back at the end, if still shown), and drops the schedule, in
 * one change holding the user: the same job on another instance then finds it gone. One whose end
 * has passed, or that the rules refuse now, is dropped.
 */
export async function runScheduleStart(context: Record<string, unknown>, env: ChangeEnv, now = new Date()): Promise<ScheduleOutcome> {
    const { userId, scheduleId } = context as Partial<ScheduleJobData>;
    if (typeof userId !== 'string' || typeof scheduleId !== 'string') {
        return 'cancelled';
    }
    const store = storeOfEnv(env);
    const outcome = await runChange<Result<ScheduleOutcome>>(env, {
        kind: 'schedule-start',
        subjects: [Subject.user(userId)],
        plan: async () => {
            const [schedule, user, pending] = await Promise.all([
                new ScheduleRepository(store).find(userId, scheduleId),
                env.read.getUserReader().getById(userId),
                new StatusExpiryRepository(store).find(userId),
            ]);
            if (!schedule) {
                return { refuse: ok('cancelled') };
            }
            const end = new Date(schedule.end);
            if (!user || end.getTime() <= now.getTime()) {
                return { steps: [dropSchedule(schedule)], answer: ok('missed') };
            }
            const decision = await decideOwnStatus(env.read, user, { status: schedule.status, message: schedule.message, expiresAt: end }, now);
            if (!decision.ok) {
                env.app.getLogger().warn(`scheduled status ${schedule.id} of ${userId} refused at its start`);
                return { steps: [dropSchedule(schedule)], answer: ok('refused') };
            }
            return { steps: [dropSchedule(schedule), ...statusSteps(user, decision.value, pending)], answer: ok('applied') };
        },
    });
    const result = resultOf(outcome);
    return result.ok ? result.value : 'failed';
}

/** When the app starts: arms every pending schedule's job again (a duplicate finds the schedule gone). */
export async function rearmSchedules(read: IRead, scheduler: ISchedulerModify, now = new Date()): Promise<number> {
    const all = await repositoryOf(read).all();
    for (const schedule of all) {
        const job = startJob(schedule, now) as Extract<Step, { t: 'job' }>;
        await scheduler.scheduleOnce({ id: job.processor, when: new Date(job.when), data: job.data });
    }
    return all.length;
}
