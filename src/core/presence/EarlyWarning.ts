/**
 * The early warning (SPEC §5): admins get one message when the count first reaches the warning
 * level (a percentage of the cap), and again only after it fell ten points below it. Pure.
 */
export const DEFAULT_WARNING_PERCENT = 80;
export const REARM_POINTS = 10;

/** The count at which admins are warned: `percent` of the cap, at least 1. */
export function warningLevel(cap: number, percent: number): number {
    return Math.max(1, Math.ceil((cap * percent) / 100));
}

export type WarningDecision = 'warn' | 'rearm' | 'none';

/**
 * `armed`: no warning was sent since the count was last well below the level. Over the cap the
 * turn-off message says it all: no warning then. With no cap (unlimited) or a percent of 0, no warning.
 */
export function decideWarning(armed: boolean, count: number, cap: number, percent: number, unlimited: boolean): WarningDecision {
    if (unlimited || percent <= 0 || percent >= 100 + REARM_POINTS) {
        return 'none';
    }
    if (armed) {
        return count >= warningLevel(cap, percent) && count <= cap ? 'warn' : 'none';
    }
    return count < (cap * (percent - REARM_POINTS)) / 100 ? 'rearm' : 'none';
}
