/**
 * Several server instances share the app's persistence, which has no atomic update. A write that
 * must be the only one of its kind (one record per custom status name, one turn-off per epoch) is
 * made exclusive by writing, reading back and backing off:
 *
 * 1. check what is stored (a failed check ends the attempt with that answer);
 * 2. write one's own record;
 * 3. read back: if no other writer's record of the same kind is there, the write holds (won);
 * 4. otherwise remove one's own record, wait a random time, and start again at 1.
 *
 * Two writers cannot both see only their own record at step 3 (the later read sees the earlier
 * write), so at most one wins; a winner never removes its record, so an answer given for a write
 * is never taken back. The random back-off makes a repeated collision unlikely.
 */
export interface ExclusiveWriteSteps<T> {
    /** reads the store and refuses (a value to answer) or lets the write go ahead (undefined) */
    check(): Promise<T | undefined>;
    write(): Promise<void>;
    /** whether another writer's record of the same kind is there after the write */
    othersPresent(): Promise<boolean>;
    /** removes one's own record (only it) */
    undo(): Promise<void>;
}

export interface ExclusiveWriteOptions {
    /** attempts before giving up (each one after a collision) */
    maxAttempts?: number;
    /** the pause after the n-th collision (n from 1), in ms */
    backoffMs?: (attempt: number) => number;
    sleep?: (ms: number) => Promise<void>;
}

export type ExclusiveWriteOutcome<T> = { kind: 'written' } | { kind: 'refused'; answer: T } | { kind: 'contended' };

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** 10-40 ms, then up to twice as much per collision (capped at 640 ms): random, so two writers drift apart. */
export function randomBackoff(attempt: number): number {
    const base = 10 * 2 ** Math.min(attempt - 1, 6);
    return base + Math.floor(Math.random() * base * 3);
}

export async function writeExclusively<T>(steps: ExclusiveWriteSteps<T>, options: ExclusiveWriteOptions = {}): Promise<ExclusiveWriteOutcome<T>> {
    const maxAttempts = options.maxAttempts ?? 12;
    const backoff = options.backoffMs ?? randomBackoff;
    const sleep = options.sleep ?? defaultSleep;
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
        const refusal = await steps.check();
        if (refusal !== undefined) {
            return { kind: 'refused', answer: refusal };
        }
        await steps.write();
        if (!(await steps.othersPresent())) {
            return { kind: 'written' };
        }
        await steps.undo();
        await sleep(backoff(attempt));
    }
    return { kind: 'contended' };
}
