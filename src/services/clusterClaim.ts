import { writeExclusively } from '../core/concurrency/exclusiveWrite';
import { ClaimRepository } from '../storage/ClaimRepository';
import { RecordStore } from '../storage/records';

/** Identifies this copy of the app (one server instance's process) in the shared store. */
export const INSTANCE_ID = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

/** A claim older than this is taken to be abandoned (its instance died halfway). */
const CLAIM_STALE_MS = 2 * 60 * 1000;

/**
 * Takes the one claim on an action for the whole cluster (several server instances over one
 * store): true for exactly one caller per key, false for the others. See `writeExclusively`.
 */
export async function claimOnce(store: RecordStore, key: string): Promise<boolean> {
    const repository = new ClaimRepository(store);
    const mine = { key, claimId: `${INSTANCE_ID}-${Math.random().toString(36).slice(2, 10)}`, instanceId: INSTANCE_ID, at: new Date().toISOString() };
    const outcome = await writeExclusively(repository.steps(mine, CLAIM_STALE_MS));
    return outcome.kind === 'written';
}
