import { AppError } from '../AppError';
import { isUserPresence, UserPresence } from './presets';
import { StatusErrors } from './statusErrors';
import { normalizeStatusText } from './statusText';
import { hasAnyRole, StatusUser, TargetRef, targetReference } from './target';

/** The body of `POST users.setStatus`, unchecked. Unknown extra keys are ignored. */
export interface SetStatusBody {
    message?: unknown;
    status?: unknown;
    userId?: unknown;
    username?: unknown;
    expiresAt?: unknown;
}

export interface SetStatusContext {
    caller: StatusUser;
    /** workspace setting Accounts_AllowUserStatusMessageChange */
    allowStatusMessageChange: boolean;
    /** workspace setting Accounts_AllowInvisibleStatusOption (read only when the status is `offline`) */
    allowInvisibleStatus: boolean;
    /** app setting roles_edit_other_user_status (read only when another user is named) */
    editOtherUserStatusRoles: ReadonlyArray<string>;
    now: Date;
}

/** What to write to the target user. */
export interface StatusChange {
    message?: string;
    status?: UserPresence;
    expiresAt?: Date;
}

/**
 * The outcome of a request: the target and change to apply, or the error to answer. Rocket.Chat
 * writes the message before it checks the status; here every check runs first, in the same
 * order and with the same errors, and a rejected request changes nothing.
 */
export type SetStatusDecision = { ok: true; target: StatusUser; change: StatusChange } | { ok: false; error: AppError };

const isMaybeString = (value: unknown): boolean => value === undefined || value === null || typeof value === 'string';

/** Step 1: at least one of message/status is a string, the other a string, missing or null. */
export function hasValidShape(body: unknown): body is SetStatusBody {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
        return false;
    }
    const { message, status } = body as SetStatusBody;
    return (typeof message === 'string' && isMaybeString(status)) || (typeof status === 'string' && isMaybeString(message));
}

/** Step 6: an ISO date string in the future. */
export function parseExpiresAt(value: unknown, now: Date): Date | undefined {
    if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(value.trim())) {
        return undefined;
    }
    const date = new Date(value.trim());
    if (Number.isNaN(date.getTime()) || date.getTime() <= now.getTime()) {
        return undefined;
    }
    return date;
}

/** What a request needs read before it can be decided: whom it names, and whether the invisible setting matters. */
export interface StatusReads {
    ref: TargetRef;
    needsInvisibleSetting: boolean;
}

export function statusReadsFor(body: unknown, caller: Pick<StatusUser, 'id' | 'username'>): StatusReads {
    const fields = (typeof body === 'object' && body !== null ? body : {}) as SetStatusBody;
    return { ref: targetReference(fields, caller), needsInvisibleSetting: fields.status === 'offline' };
}

/**
 * Rocket.Chat's `users.setStatus`, checked in SPEC.md's order. `other` is the user the body names
 * (looked up by the caller beforehand, undefined when there is none or the body names the caller).
 */
export function decideSetStatus(body: unknown, context: SetStatusContext, other: StatusUser | undefined): SetStatusDecision {
    const fail = (error: AppError): SetStatusDecision => ({ ok: false, error });
    // 1. shape
    if (!hasValidShape(body)) {
        return fail(StatusErrors.shape());
    }
    // 2. the workspace allows status changes at all
    if (!context.allowStatusMessageChange) {
        return fail(StatusErrors.notAllowed());
    }
    // 3. target: the caller, or someone else with the right role (the right is checked first, as in Rocket.Chat)
    const ref = targetReference(body, context.caller);
    let target: StatusUser = context.caller;
    if (ref.kind !== 'self') {
        if (!hasAnyRole(context.caller, context.editOtherUserStatusRoles)) {
            return fail(StatusErrors.unauthorized());
        }
        if (ref.kind === 'invalid' || !other) {
            return fail(StatusErrors.invalidUser());
        }
        target = other;
    }
    // 4. the message (it has no failure of its own)
    const change: StatusChange = {};
    if (typeof body.message === 'string') {
        change.message = normalizeStatusText(body.message);
    }
    // 5. status
    if (typeof body.status === 'string' && body.status !== '') {
        if (!isUserPresence(body.status)) {
            return fail(StatusErrors.invalidStatus());
        }
        if (body.status === 'offline' && !context.allowInvisibleStatus) {
            return fail(StatusErrors.invisibleNotAllowed());
        }
        change.status = body.status;
    }
    // 6. expiresAt
    if (body.expiresAt !== undefined && body.expiresAt !== null) {
        const expiresAt = parseExpiresAt(body.expiresAt, context.now);
        if (!expiresAt) {
            return fail(StatusErrors.invalidDate());
        }
        change.expiresAt = expiresAt;
    }
    // 7. success
    return { ok: true, target, change };
}
