import { StaleWatch } from '../../core/change/StaleWatch';

/**
 * What this process (one instance's copy of the app) knows of the changes under way, in memory:
 * which ones it is running, and how long it has watched the others' unchanged. Never the truth
 * (the shared store is); it only tells this process's own changes, and when another's is abandoned.
 */
export const PROCESS_ID = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

/** The longest a change may take from its first write to its last step: past it, its writer stops and undoes. */
export const LEASE_MS = 15_000;
/**
 * How long another process's change must be seen unchanged before it is taken over: its lease,
 * the longest a bridge call may hang, and a margin, all measured by the watcher's own clock.
 */
export const STALE_MS = 60_000;

const running = new Set<string>();
export const staleWatch = new StaleWatch();

export const isRunningHere = (key: string): boolean => running.has(key);

/** Runs `task` as this process's work on `key`: while it runs, the key is not abandoned. */
export async function runningHere<T>(key: string, task: () => Promise<T>): Promise<T> {
    running.add(key);
    try {
        return await task();
    } finally {
        running.delete(key);
    }
}

/**
 * Whether work on `key` by `owner` is abandoned: this process's own when it no longer runs it (a
 * failure left it), another's when watched unchanged for `STALE_MS`.
 */
export function isAbandoned(owner: string, key: string, now: () => number): boolean {
    if (owner === PROCESS_ID) {
        return !running.has(key);
    }
    return staleWatch.age(key, now()) >= STALE_MS;
}
