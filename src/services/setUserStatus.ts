import { IModify, IPersistence, IRead, ISchedulerModify } from '@rocket.chat/apps-engine/definition/accessors';
import { IUser } from '@rocket.chat/apps-engine/definition/users';

import { fail, ok, Result } from '../core/AppError';
import { isUserPresence, UserPresence } from '../core/status/presets';
import { StatusErrors } from '../core/status/statusErrors';
import { normalizeStatusText } from '../core/status/statusText';
import { inferManualDefault } from '../core/status/visibleStatus';
import { JobId, StatusExpiryJobData } from '../jobs/jobIds';
import { StatusDefaultRepository } from '../storage/StatusDefaultRepository';
import { StatusExpiryRepository } from '../storage/StatusExpiryRepository';

export interface SetUserStatusInput {
    /** the workspace user whose status changes */
    user: IUser;
    /** a preset; omitted keeps the current one */
    status?: UserPresence;
    /** the status message; trimmed and cut to 120 characters; `''` clears; omitted keeps the current one */
    message?: string;
    /** when the previous status and message come back; omitted = until changed */
    expiresAt?: Date;
}

export interface AppliedStatus {
    userId: string;
    status?: UserPresence;
    message?: string;
    expiresAt?: Date;
}

function newToken(): string {
    return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

/**
 * THE one function that applies a status and/or message to a workspace user. The REST endpoint,
 * the slash command, custom statuses and the expiry job all go through it.
 *
 * - writes through the engine's user updater, so every Rocket.Chat client shows the change;
 * - with `expiresAt`, records what to restore (the status before any still-pending expiry) and
 *   schedules the expiry job; the record is the source of truth;
 * - without `expiresAt`, a newer status cancels a pending expiry (its record is removed, so the
 *   already-scheduled job finds nothing and exits).
 *
 * It does not check who may do this or the workspace settings: callers run `decideSetStatus` first.
 */
export async function setUserStatus(read: IRead, modify: IModify, persistence: IPersistence, input: SetUserStatusInput): Promise<Result<AppliedStatus>> {
    const { user } = input;
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
    const expiries = new StatusExpiryRepository(read.getPersistenceReader(), persistence);
    const defaults = new StatusDefaultRepository(read.getPersistenceReader(), persistence);
    const pending = await expiries.find(user.id);
    const lastKnownDefault = input.expiresAt && !pending ? await defaults.find(user.id) : undefined;

    const updater = modify.getUpdater().getUserUpdater();
    if (input.status !== undefined) {
        await updater.updateStatus(user, message ?? user.statusText ?? '', input.status);
        await defaults.save(user.id, input.status);
    } else {
        await updater.updateStatusText(user, message ?? '');
    }

    if (input.expiresAt) {
        const record = {
            userId: user.id,
            token: newToken(),
            expiresAt: input.expiresAt.toISOString(),
            // a status set on top of a temporary one comes back to what was there before both
            restoreStatus: pending ? pending.restoreStatus : inferManualDefault(user.status, user.statusConnection, lastKnownDefault),
            restoreMessage: pending ? pending.restoreMessage : (user.statusText ?? ''),
        };
        await expiries.save(record);
        await scheduleStatusExpiry(modify.getScheduler(), record.userId, record.token, input.expiresAt);
    } else if (pending) {
        await expiries.remove(user.id);
    }
    return ok({ userId: user.id, status: input.status, message, expiresAt: input.expiresAt });
}

/** Schedules the one-time job that restores a status. Also used to re-arm pending records at start. */
export async function scheduleStatusExpiry(scheduler: ISchedulerModify, userId: string, token: string, when: Date): Promise<void> {
    const data: StatusExpiryJobData = { userId, token };
    await scheduler.scheduleOnce({ id: JobId.StatusExpiry, when, data });
}
