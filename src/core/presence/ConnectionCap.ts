/**
 * The connection cap policy (SPEC.md section 3), pure: no engine imports.
 *
 * Over the cap means strictly more connections than the cap (201 with the default 200), and
 * only while the cap is in force (not unlimited). The service turns itself off; it never
 * turns itself back on: only an admin does, and that is refused while still over the cap.
 */
import { AppError, Result, invalid, ok, fail } from '../AppError';

export const DEFAULT_CAP = 200;

export function isOverCap(count: number, cap: number, unlimited: boolean): boolean {
    return !unlimited && count > cap;
}

/** Rocket.Chat's refusal text for presence.enableBroadcast over the cap. */
export function capExceededText(cap: number | string): string {
    return `Cannot enable broadcast when there are more than ${cap} connections`;
}

/** An admin asks to turn the service on: refused while over the cap in force. */
export function checkEnable(count: number, cap: number, unlimited: boolean): Result<void> {
    if (isOverCap(count, cap, unlimited)) {
        const error: AppError = invalid(capExceededText(cap));
        return fail(error);
    }
    return ok(undefined);
}
