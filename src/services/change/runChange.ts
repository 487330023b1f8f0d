import { ChangeIntent, FollowUp, Step } from '../../core/change/Change';
import { KeyedMutex } from '../../core/concurrency/KeyedMutex';
import { ChangeRepository } from '../../storage/ChangeRepository';
import { describeError } from '../presence/PresenceApp';
import { ChangeEnv, clockOf, storeOfEnv } from './ChangeEnv';
import { runFollowUp } from './followUpRunner';
import { LEASE_MS, PROCESS_ID, runningHere } from './processState';
import { recoverChange } from './recovery';
import { doStep, KnownUsers, undoStep } from './stepRunner';
import { takeSubjects } from './subjectLock';

/** What a change will do, decided from what it read. */
export interface ChangePlan<T> {
    steps: Step[];
    followUps?: FollowUp[];
    answer: T;
}

/** What a change will do, or why it does nothing. */
export type Planned<T> = ChangePlan<T> | { refuse: T };

export interface ChangeSpec<T> {
    /** what kind of change, for logs */
    kind: string;
    /** held for the whole cluster while the change runs: `plan` reads with no other change of them under way */
    subjects?: string[];
    /** reads what it needs and decides; runs once the subjects are held */
    plan(changeId: string): Promise<Planned<T>>;
    /** users read already, so that a status step does not read them again */
    users?: KnownUsers;
    /** told when the change holds (before its follow-ups run): e.g. to forget a cached reading of what it changed */
    onCommit?: () => void;
}

export type ChangeOutcome<T> =
    /** the change holds (its follow-ups still pending when `pending`) */
    | { kind: 'done'; answer: T; pending: boolean }
    /** refused by its plan: nothing was written */
    | { kind: 'refused'; answer: T }
    /** another change of the same subject stayed under way: nothing was written */
    | { kind: 'busy' }
    /** a step failed: undone (nothing was changed), or being undone by the recovery when `undone` is false */
    | { kind: 'failed'; undone: boolean; error: unknown };

/** In one process, changes of one subject wait for each other (fewer collisions across instances). */
const localLocks = new KeyedMutex();

const newChangeId = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;

class LeaseExpired extends Error {
    constructor() {
        super('the change took longer than its lease');
    }
}

/**
 * The one way the app makes a change that takes more than one write, whole or not at all, on any
 * instance and after any single failure (see README, "How a change is made safe"):
 *
 * 1. its subjects are taken for the cluster, and `plan` decides from what it reads;
 * 2. the change is stored (its intent: every step with its undo, every follow-up), unless it is a
 *    single step with nothing to follow, which needs none;
 * 3. the steps run in order; a failure undoes those taken, from the last;
 * 4. it is committed: removed when nothing follows, else marked, its follow-ups run, then removed.
 *
 * A writer that dies leaves the stored change to the recovery pass, which undoes it (not committed)
 * or runs its follow-ups again (committed). The writer holds a lease: past it, it stops and undoes,
 * so that a recovery never races a live writer.
 */
export async function runChange<T>(env: ChangeEnv, spec: ChangeSpec<T>): Promise<ChangeOutcome<T>> {
    const subjects = [...new Set(spec.subjects ?? [])];
    return localLocks.runAll(subjects, () => {
        const id = newChangeId();
        return runningHere(id, () => run(env, spec, id, subjects));
    });
}

async function run<T>(env: ChangeEnv, spec: ChangeSpec<T>, id: string, subjects: string[]): Promise<ChangeOutcome<T>> {
    const changes = new ChangeRepository(storeOfEnv(env));
    const now = clockOf(env);
    const started = now();
    const log = env.app.getLogger();
    let intent: ChangeIntent = { id, kind: spec.kind, subjects, owner: PROCESS_ID, steps: [], followUps: [], committed: false };
    let stored = false;
    /** takes back what is stored of the change; false when it stays for the recovery */
    const release = async (): Promise<boolean> => {
        if (!stored) {
            return true;
        }
        return changes.remove(id).then(
            () => true,
            () => false,
        );
    };

    if (subjects.length > 0) {
        try {
            stored = true;
            if ((await takeSubjects(env, intent, (holder) => recoverChange(env, holder))) === 'busy') {
                return { kind: 'busy' };
            }
        } catch (error) {
            await release();
            return { kind: 'failed', undone: true, error };
        }
    }
    let planned: Planned<T>;
    try {
        planned = await spec.plan(id);
    } catch (error) {
        await release();
        return { kind: 'failed', undone: true, error };
    }
    if ('refuse' in planned) {
        await release();
        return { kind: 'refused', answer: planned.refuse };
    }
    const followUps = planned.followUps ?? [];
    intent = { ...intent, steps: planned.steps, followUps };
    try {
        if (stored) {
            await changes.save(intent);
        } else if (planned.steps.length > 1 || followUps.length > 0) {
            stored = true;
            await changes.add(intent);
        }
    } catch (error) {
        await release();
        return { kind: 'failed', undone: true, error };
    }

    const undoThrough = async (last: number, error: unknown): Promise<ChangeOutcome<T>> => {
        for (let i = last; i >= 0; i--) {
            try {
                await undoStep(env, planned.steps[i]);
            } catch (undoError) {
                log.error(`${spec.kind}: could not undo step ${i + 1} of change ${id}, the recovery will: ${describeError(undoError)}`);
                return { kind: 'failed', undone: false, error };
            }
        }
        return { kind: 'failed', undone: await release(), error };
    };

    for (let i = 0; i < planned.steps.length; i++) {
        try {
            if (now() - started > LEASE_MS) {
                throw new LeaseExpired();
            }
            await doStep(env, planned.steps[i], spec.users);
        } catch (error) {
            log.error(`${spec.kind}: step ${i + 1} of change ${id} failed, undoing: ${describeError(error)}`);
            return undoThrough(i, error);
        }
    }

    if (followUps.length === 0) {
        // removing the stored change commits it: if that fails, the recovery would undo it, so it is undone now
        if (stored && !(await release())) {
            return undoThrough(planned.steps.length - 1, new Error('the change could not be committed'));
        }
        spec.onCommit?.();
        return { kind: 'done', answer: planned.answer, pending: false };
    }
    try {
        if (now() - started > LEASE_MS) {
            throw new LeaseExpired();
        }
        await changes.save({ ...intent, committed: true });
    } catch (error) {
        return undoThrough(planned.steps.length - 1, error);
    }
    spec.onCommit?.();
    let pending = false;
    for (const followUp of followUps) {
        if (now() - started > LEASE_MS) {
            pending = true;
            break;
        }
        try {
            await runFollowUp(env, followUp, id);
        } catch (error) {
            log.error(`${spec.kind}: a follow-up (${followUp.t}) of change ${id} failed, the recovery will run it again: ${describeError(error)}`);
            pending = true;
        }
    }
    if (!pending) {
        pending = !(await release());
    }
    return { kind: 'done', answer: planned.answer, pending };
}
