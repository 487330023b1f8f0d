import { ChangeIntent } from '../../core/change/Change';
import { randomBackoff } from '../../core/concurrency/exclusiveWrite';
import { ChangeRepository } from '../../storage/ChangeRepository';
import { ChangeEnv, clockOf, storeOfEnv } from './ChangeEnv';
import { isAbandoned } from './processState';

const MAX_ATTEMPTS = 12;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export type LockOutcome = 'held' | 'busy';

/**
 * Takes a change's subjects for the whole cluster: the change is stored with its subjects, then
 * the subjects are read back; when another change holds one of them, this one is taken back and
 * tried again after a random pause (two writers cannot both see only their own; see
 * `core/concurrency/exclusiveWrite`). A holder found abandoned (its writer died, or failed in this
 * process) is handed to `onAbandoned` (the recovery) instead of being waited for.
 */
export async function takeSubjects(
    env: ChangeEnv,
    intent: ChangeIntent,
    onAbandoned: (holder: ChangeIntent) => Promise<unknown> = async () => undefined,
): Promise<LockOutcome> {
    const changes = new ChangeRepository(storeOfEnv(env));
    const now = clockOf(env);
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
        await changes.add(intent);
        const found = (await Promise.all(intent.subjects.map((subject) => changes.holding(subject)))).flat();
        const others = [...new Map(found.filter((holder) => holder.id !== intent.id).map((holder) => [holder.id, holder])).values()];
        if (others.length === 0) {
            return 'held';
        }
        await changes.remove(intent.id);
        const abandoned = others.filter((holder) => isAbandoned(holder.owner, holder.id, now));
        for (const holder of abandoned) {
            await onAbandoned(holder).catch(() => undefined);
        }
        if (abandoned.length < others.length) {
            await sleep(randomBackoff(attempt));
        }
    }
    return 'busy';
}
