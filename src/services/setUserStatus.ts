import { IModify, IPersistence, IRead, ISchedulerModify } from '@rocket.chat/apps-engine/definition/accessors';
import { IUser } from '@rocket.chat/apps-engine/definition/users';

import { fail, ok, Result } from '../core/AppError';
import { inferManualDefault } from '../core/status/appliedStatus';
import { isUserPresence, UserPresence } from '../core/status/presets';
import { StatusErrors } from '../core/status/statusErrors';
import { normalizeStatusText } from '../core/status/statusText';
import { RecordStore } from '../storage/records';
import { StatusExpiryRecord, StatusExpiryRepository } from '../storage/StatusExpiryRepository';
import { JobId, StatusExpiryJobData } from '../core/jobIds';

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

export interface AppliedStatusChange {
    userId: string;
    status?: UserPresence;
    message?: string;
    expiresAt?: Date;
}

function newToken(): string {
    return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

/** Runs the undo of a failed step (best effort) and fails with the step's own error. */
async function undoThenFail(undo: () => Promise<void>, error: unknown): Promise<never> {
    await undo().catch(() => undefined);
    throw error;
}

/**
 * THE one function that applies a status and/or message to a workspace user. The REST endpoint,
 * the slash command, custom statuses, the picker and the jobs all go through it.
 *
 * - writes through the engine's user updater, so every Rocket.Chat client shows the change;
 * - with `expiresAt`, records what to restore (the status before any still-pending expiry) and
 *   what was set, and schedules the expiry job; the record is the source of truth;
 * - without `expiresAt`, a newer status cancels a pending expiry (its record is removed, so the
 *   already-scheduled job finds nothing).
 *
 * A failure of any step undoes the steps before it and rejects: a failed call changes nothing.
 * It does not check who may do this or the workspace settings: callers run `decideSetStatus` first.
 */
export async function setUserStatus(read: IRead, modify: IModify, persistence: IPersistence, input: SetUserStatusInput): Promise<Result<AppliedStatusChange>> {
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
    const expiries = new StatusExpiryRepository(new RecordStore(read.getPersistenceReader(), persistence));
    const pending = input.pending === undefined ? await expiries.find(user.id) : (input.pending ?? undefined);
    const putBack = async () => (pending ? expiries.save(pending) : expiries.remove(user.id));

    const updater = modify.getUpdater().getUserUpdater();
    const writeUser = () =>
        input.status !== undefined ? updater.updateStatus(user, message ?? user.statusText ?? '', input.status) : updater.updateStatusText(user, message ?? '');

    if (input.expiresAt) {
        const record: StatusExpiryRecord = {
            userId: user.id,
            token: newToken(),
            expiresAt: input.expiresAt.toISOString(),
            // a status set on top of a temporary one comes back to what was there before both
            restoreStatus: pending ? pending.restoreStatus : inferManualDefault(user.status, user.statusConnection),
            restoreMessage: pending ? pending.restoreMessage : (user.statusText ?? ''),
            ...(input.status !== undefined ? { appliedStatus: input.status } : {}),
            appliedMessage: message ?? user.statusText ?? '',
        };
        await expiries.save(record);
        await scheduleStatusExpiry(modify.getScheduler(), record.userId, record.token, input.expiresAt).catch((error) => undoThenFail(putBack, error));
        await writeUser().catch((error) => undoThenFail(putBack, error));
    } else {
        if (pending) {
            await expiries.remove(user.id);
        }
        await writeUser().catch((error) => undoThenFail(putBack, error));
    }
    return ok({ userId: user.id, status: input.status, message, expiresAt: input.expiresAt });
}

/** Schedules the one-time job that restores a status. Also used to re-arm pending records at start. */
export async function scheduleStatusExpiry(scheduler: ISchedulerModify, userId: string, token: string, when: Date): Promise<void> {
    const data: StatusExpiryJobData = { userId, token };
    await scheduler.scheduleOnce({ id: JobId.StatusExpiry, when, data });
}
