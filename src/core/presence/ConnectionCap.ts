/**
 * The connection cap policy (SPEC.md section 3), pure: no engine imports.
 *
 * Over the cap means strictly more connections than the cap (201 with the default 200), and
 * only while the cap is in force (not unlimited). The service turns itself off; it never
 * turns itself back on: only an admin does, and that is refused while still over the cap.
 */
import { AppError, Result, invalid, ok, fail } from '../AppError';

export const DEFAULT_CAP = 200;

export interface CapState {
    /** concurrent connections counted now */
    count: number;
    /** the configured cap (app setting presence_connection_cap) */
    cap: number;
    /** presence_cap_unlimited: no cap, as with an Enterprise license */
    unlimited: boolean;
    /** whether the presence service is on now */
    enabled: boolean;
}

export type CapDecision =
    /** nothing to do: under or at the cap, unlimited, or already off */
    | { action: 'keep' }
    /** over the cap while on: turn the service off now */
    | { action: 'turnOff'; count: number; cap: number };

/** A usable cap from whatever the setting holds: a whole number >= 0, else the default. */
export function normalizeCap(value: unknown): number {
    const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
    if (typeof n !== 'number' || !Number.isFinite(n) || n < 0) {
        return DEFAULT_CAP;
    }
    return Math.floor(n);
}

export function isOverCap(count: number, cap: number, unlimited: boolean): boolean {
    return !unlimited && count > cap;
}

/** What a new count means for the service. Dropping below the cap never turns it on. */
export function evaluate(state: CapState): CapDecision {
    if (state.enabled && isOverCap(state.count, state.cap, state.unlimited)) {
        return { action: 'turnOff', count: state.count, cap: state.cap };
    }
    return { action: 'keep' };
}

/** Rocket.Chat's refusal text for presence.enableBroadcast over the cap. */
export function capExceededText(cap: number): string {
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
