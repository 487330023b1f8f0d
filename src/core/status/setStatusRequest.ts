import { AppError } from '../AppError';
import { isUserPresence, UserPresence } from './presets';
import { StatusErrors } from './statusErrors';
import { normalizeStatusText } from './statusText';
import { hasAnyRole, StatusUser, targetReference, UserLookup } from './target';

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
    /** workspace setting Accounts_AllowInvisibleStatusOption */
    allowInvisibleStatus: boolean;
    /** app setting roles_edit_other_user_status */
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
 * The outcome of a request: the change to apply (if any) and the error to answer (if any).
 * Rocket.Chat writes the message before it checks the status; here every check runs first, in
 * the same order and with the same errors, and a rejected request changes nothing.
 */
export interface SetStatusDecision {
    target?: StatusUser;
    change?: StatusChange;
    error?: AppError;
}

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

/** Rocket.Chat's `users.setStatus`, checked in SPEC.md's order. Looks users up only through `lookup`. */
export async function decideSetStatus(body: unknown, context: SetStatusContext, lookup: UserLookup): Promise<SetStatusDecision> {
    // 1. shape
    if (!hasValidShape(body)) {
        return { error: StatusErrors.shape() };
    }
    // 2. the workspace allows status changes at all
    if (!context.allowStatusMessageChange) {
        return { error: StatusErrors.notAllowed() };
    }
    // 3. target: the caller, or someone else with the right role
    const notAName = (value: unknown): boolean => value !== undefined && value !== null && typeof value !== 'string';
    if (notAName(body.userId) || notAName(body.username)) {
        // Rocket.Chat fails on these; never act on the caller by mistake
        return { error: StatusErrors.invalidUser() };
    }
    const ref = targetReference(body, context.caller);
    let target: StatusUser | undefined = context.caller;
    if (ref.kind !== 'self') {
        if (!hasAnyRole(context.caller, context.editOtherUserStatusRoles)) {
            return { error: StatusErrors.unauthorized() };
        }
        target = await lookup(ref);
        if (!target) {
            return { error: StatusErrors.invalidUser() };
        }
    }
    // 4. the message comes first (it has no failure of its own)
    const change: StatusChange = {};
    if (typeof body.message === 'string') {
        change.message = normalizeStatusText(body.message);
    }
    const reject = (error: AppError): SetStatusDecision => ({ target, error });
    // 5. status
    if (typeof body.status === 'string' && body.status !== '') {
        if (!isUserPresence(body.status)) {
            return reject(StatusErrors.invalidStatus());
        }
        if (body.status === 'offline' && !context.allowInvisibleStatus) {
            return reject(StatusErrors.invisibleNotAllowed());
        }
        change.status = body.status;
    }
    // 6. expiresAt
    if (body.expiresAt !== undefined && body.expiresAt !== null) {
        const expiresAt = parseExpiresAt(body.expiresAt, context.now);
        if (!expiresAt) {
            return reject(StatusErrors.invalidDate());
        }
        change.expiresAt = expiresAt;
    }
    // 7. success
    return { target, change };
}
