import { ISchedulerModify } from '@rocket.chat/apps-engine/definition/accessors';
import { IUser } from '@rocket.chat/apps-engine/definition/users';

import { fail, ok, Result } from '../core/AppError';
import { Step } from '../core/change/Change';
import { Subject } from '../core/change/subjects';
import { JobId, StatusExpiryJobData } from '../core/jobIds';
import { inferManualDefault } from '../core/status/appliedStatus';
import { isUserPresence, UserPresence } from '../core/status/presets';
import { isRecentWorthy } from '../core/status/recentStatuses';
import { StatusErrors } from '../core/status/statusErrors';
import { normalizeStatusText } from '../core/status/statusText';
import { RecentRecords, RecentStatusRepository } from '../storage/RecentStatusRepository';
import { StatusExpiryRecord, StatusExpiryRepository } from '../storage/StatusExpiryRepository';
import { StatusExpiryDueIndex } from '../storage/StatusExpiryDueIndex';
import { auditStep, ChangeOrigin } from './audit';
import { ChangeEnv, storeOfEnv } from './change/ChangeEnv';
import { resultOf } from './change/changeResult';
import { runChange } from './change/runChange';
import { RecentMode, recentSteps } from './recentStatuses';

export interface SetUserStatusInput {
    /** the workspace user whose status changes */
    user: IUser;
    /** a preset; omitted keeps the current one */
    status?: UserPresence;
    /** the status message; trimmed and cut to 120; `''` clears; omitted keeps the current one */
    message?: string;
    /** when the previous status and message come back; omitted = until changed */
    expiresAt?: Date;
    /** the user's pending expiry, when the caller has read it already (`null`: none) */
    pending?: StatusExpiryRecord | null;
}

/** What else the change of a status writes, in the same change. */
export interface StatusChangeExtras {
    /** the user's own choice: noted in their recent statuses (`records`: read already) */
    recent?: { mode: RecentMode; records?: RecentRecords };
    /** someone else's status: an entry in the audit trail, with who and from where */
    audit?: ChangeOrigin;
}

export interface AppliedStatusChange {
    userId: string;
    status?: UserPresence;
    message?: string;
    expiresAt?: Date;
}

const newToken = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;

/**
 * The steps that show a status on a user (through the engine's user updater, so every client shows
 * it) and keep its expiry: with `expiresAt`, the record of what comes back (the status from before
 * any still-pending expiry), its due entry and its job; without, a pending expiry is removed (its
 * job then finds nothing). `user` is the user as read under the change's subjects.
 */
export function statusSteps(
    user: IUser,
    change: { status?: UserPresence; message?: string; expiresAt?: Date },
    pending: StatusExpiryRecord | undefined,
    token = newToken(),
): Step[] {
    const text = change.message ?? user.statusText ?? '';
    const shown: Step = {
        t: 'status',
        userId: user.id,
        before:
            change.status !== undefined
                ? { status: inferManualDefault(user.status, user.statusConnection), text: user.statusText ?? '' }
                : { text: user.statusText ?? '' },
        after: change.status !== undefined ? { status: change.status, text } : { text },
    };
    const assoc = StatusExpiryRepository.associations(user.id);
    if (!change.expiresAt) {
        return pending ? [{ t: 'remove', assoc, restore: [{ assoc, value: pending }] }, shown] : [shown];
    }
    const record: StatusExpiryRecord = {
        userId: user.id,
        token,
        expiresAt: change.expiresAt.toISOString(),
        // a status set on top of a temporary one comes back to what was there before both
        restoreStatus: pending ? pending.restoreStatus : inferManualDefault(user.status, user.statusConnection),
        restoreMessage: pending ? pending.restoreMessage : (user.statusText ?? ''),
        ...(change.status !== undefined ? { appliedStatus: change.status } : {}),
        appliedMessage: text,
    };
    const job: StatusExpiryJobData = { userId: user.id, token };
    const due = StatusExpiryDueIndex.associations(job, record.expiresAt);
    return [
        { t: 'put', assoc, value: record, prev: pending ?? null },
        ...(due ? [{ t: 'insert' as const, assoc: due, value: job }] : []),
        { t: 'job', processor: JobId.StatusExpiry, when: record.expiresAt, data: { ...job } },
        shown,
    ];
}

/**
 * THE one function that sets a status and/or message on a workspace user: the REST endpoint, the
 * slash command, custom statuses and the picker go through it (the jobs take its steps in their own
 * changes). One change, whole or none (see `runChange`): the status, its expiry, and what `extras`
 * adds. A change that involves an expiry holds the user, so two on one user never interleave.
 * It does not check who may do this or the workspace settings: callers run `decideSetStatus` first.
 */
export async function setUserStatus(env: ChangeEnv, input: SetUserStatusInput, extras: StatusChangeExtras = {}): Promise<Result<AppliedStatusChange>> {
    if (input.status === undefined && input.message === undefined) {
        return fail(StatusErrors.shape());
    }
    if (input.status !== undefined && !isUserPresence(input.status)) {
        return fail(StatusErrors.invalidStatus());
    }
    if (input.expiresAt !== undefined && (Number.isNaN(input.expiresAt.getTime()) || input.expiresAt.getTime() <= Date.now())) {
        return fail(StatusErrors.invalidDate());
    }
    const message = input.message === undefined ? undefined : normalizeStatusText(input.message);
    const applied: AppliedStatusChange = { userId: input.user.id, status: input.status, message, expiresAt: input.expiresAt };
    // an expiry to write or to remove: the user is held and read again under it
    const holdsUser = input.expiresAt !== undefined || input.pending !== null;
    const store = storeOfEnv(env);
    const outcome = await runChange<Result<AppliedStatusChange>>(env, {
        kind: 'status',
        subjects: holdsUser ? [Subject.user(input.user.id)] : [],
        users: holdsUser ? undefined : new Map([[input.user.id, input.user]]),
        plan: async () => {
            const [user, pending, recent] = await Promise.all([
                holdsUser ? env.read.getUserReader().getById(input.user.id) : input.user,
                holdsUser ? new StatusExpiryRepository(store).find(input.user.id) : undefined,
                extras.recent && isRecentWorthy({ message }) ? (extras.recent.records ?? new RecentStatusRepository(store).records(input.user.id)) : undefined,
            ]);
            if (!user) {
                return { refuse: fail(StatusErrors.invalidUser()) };
            }
            const steps = statusSteps(user, { status: input.status, message, expiresAt: input.expiresAt }, pending);
            if (extras.recent && recent && message !== undefined) {
                steps.push(...recentSteps(user.id, { ...(input.status ? { status: input.status } : {}), message }, recent, extras.recent.mode, new Date()));
            }
            if (extras.audit) {
                const details = {
                    ...(input.status ? { status: input.status } : {}),
                    ...(message !== undefined ? { message } : {}),
                    ...(input.expiresAt ? { expiresAt: input.expiresAt.toISOString() } : {}),
                };
                steps.push(auditStep(extras.audit, 'user-status.set', details, user));
            }
            return { steps, answer: ok(applied) };
        },
    });
    return resultOf(outcome);
}

/** Schedules the one-time job that restores a status: used to arm pending records again at start. */
export async function scheduleStatusExpiry(scheduler: ISchedulerModify, userId: string, token: string, when: Date): Promise<void> {
    const data: StatusExpiryJobData = { userId, token };
    await scheduler.scheduleOnce({ id: JobId.StatusExpiry, when, data: { ...data } });
}
