import { ChangeIntent } from '../../core/change/Change';
import { writeExclusively } from '../../core/concurrency/exclusiveWrite';
import { ChangeRepository } from '../../storage/ChangeRepository';
import { describeError } from '../presence/PresenceApp';
import { ChangeEnv, clockOf, storeOfEnv } from './ChangeEnv';
import { runFollowUp } from './followUpRunner';
import { isAbandoned, isRunningHere, PROCESS_ID, runningHere, staleWatch } from './processState';
import { undoStep } from './stepRunner';

export type RecoveryOutcome = 'undone' | 'finished' | 'gone' | 'elsewhere' | 'failed';

const newTakeoverId = () => `${PROCESS_ID}-${Math.random().toString(36).slice(2, 10)}`;

/**
 * Finishes or undoes a change whose writer is gone (or failed in this process): one instance takes
 * it over (a takeover noted beside it, read back, given up when another live one is there); a
 * change not committed yet is undone, step by step from the last; a committed one gets its
 * follow-ups run again; then the change is removed. A failure leaves it for the next pass.
 */
export async function recoverChange(env: ChangeEnv, intent: ChangeIntent): Promise<RecoveryOutcome> {
    if (isRunningHere(intent.id)) {
        return 'elsewhere';
    }
    const changes = new ChangeRepository(storeOfEnv(env));
    const now = clockOf(env);
    return runningHere(intent.id, async () => {
        const takeover = { changeId: intent.id, id: newTakeoverId(), owner: PROCESS_ID };
        try {
            const taken = await writeExclusively<'elsewhere'>({
                check: async () => undefined,
                write: () => changes.addTakeover(takeover),
                othersPresent: async () =>
                    (await changes.takeovers(intent.id)).some(
                        (other) => other.id !== takeover.id && !isAbandoned(other.owner, `${intent.id}|takeover:${other.id}`, now),
                    ),
                undo: () => changes.removeTakeover(takeover.id),
            });
            if (taken.kind !== 'written') {
                return 'elsewhere';
            }
            const current = await changes.get(intent.id);
            if (!current) {
                await changes.removeTakeover(takeover.id);
                return 'gone';
            }
            if (current.committed) {
                for (const followUp of current.followUps) {
                    await runFollowUp(env, followUp, current.id);
                }
            } else {
                for (const step of [...current.steps].reverse()) {
                    await undoStep(env, step);
                }
            }
            await changes.remove(current.id);
            staleWatch.forget(current.id);
            return current.committed ? 'finished' : 'undone';
        } catch (error) {
            env.app.getLogger().error(`could not recover the change ${intent.id} (${intent.kind}): ${describeError(error)}`);
            return 'failed';
        }
    });
}

/**
 * The recovery pass (when the app starts, then every minute): every change under way is looked at;
 * those abandoned are finished or undone. It reads the changes under way only (none, most of the
 * time): one call.
 */
export async function recoverChanges(env: ChangeEnv): Promise<Record<RecoveryOutcome, number>> {
    const changes = await new ChangeRepository(storeOfEnv(env)).all();
    const now = clockOf(env);
    staleWatch.observe(
        changes.map((change) => change.id),
        now(),
    );
    const counts: Record<RecoveryOutcome, number> = { undone: 0, finished: 0, gone: 0, elsewhere: 0, failed: 0 };
    for (const change of changes) {
        if (isAbandoned(change.owner, change.id, now)) {
            counts[await recoverChange(env, change)]++;
        }
    }
    return counts;
}
