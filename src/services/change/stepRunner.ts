import { IUser } from '@rocket.chat/apps-engine/definition/users';

import { ShownState, Step } from '../../core/change/Change';
import { stillShowsApplied } from '../../core/status/appliedStatus';
import { UserPresence } from '../../core/status/presets';
import { associationOf } from '../../storage/records';
import { readPresenceConfig } from '../presence/presenceConfig';
import { askServerToBroadcast, isServerBroadcastDisabled, stopServerBroadcast } from '../presence/serverPresence';
import { ChangeEnv, modifyOf, storeOfEnv } from './ChangeEnv';

/** Users the caller has read already, so that a status step does not read them again. */
export type KnownUsers = ReadonlyMap<string, IUser>;

async function writeShown(env: ChangeEnv, user: IUser, shown: ShownState): Promise<void> {
    const updater = modifyOf(env).getUpdater().getUserUpdater();
    if (shown.status !== undefined) {
        await updater.updateStatus(user, shown.text, shown.status as never);
    } else {
        await updater.updateStatusText(user, shown.text);
    }
}

async function userOf(env: ChangeEnv, userId: string, known?: KnownUsers): Promise<IUser | undefined> {
    return known?.get(userId) ?? (await env.read.getUserReader().getById(userId));
}

/** Takes one step. */
export async function doStep(env: ChangeEnv, step: Step, known?: KnownUsers): Promise<void> {
    const store = storeOfEnv(env);
    switch (step.t) {
        case 'put':
            return store.upsert(step.assoc.map(associationOf), step.value);
        case 'insert':
            return store.insert(step.assoc.map(associationOf), step.value);
        case 'remove':
            await store.remove(step.assoc.map(associationOf));
            return;
        case 'status': {
            const user = await userOf(env, step.userId, known);
            if (!user) {
                throw new Error(`user ${step.userId} not found`);
            }
            return writeShown(env, user, step.after);
        }
        case 'job':
            await modifyOf(env)
                .getScheduler()
                .scheduleOnce({ id: step.processor, when: new Date(step.when), data: { ...step.data } });
            return;
        case 'serverBroadcastOn':
            return serverBroadcastOn(env);
    }
}

/** Rocket.Chat refused to broadcast presence again (its own cap), in its own words. */
export class ServerRefusal extends Error {}

async function serverBroadcastOn(env: ChangeEnv): Promise<void> {
    if (!env.http) {
        throw new Error('asking Rocket.Chat needs the HTTP accessor');
    }
    const config = await readPresenceConfig(env.read);
    const answer = await askServerToBroadcast(env.app, { read: env.read, modify: modifyOf(env), persis: env.persis, http: env.http }, config.access);
    if (!answer.ok) {
        throw 'refusal' in answer ? new ServerRefusal(answer.refusal) : new Error(answer.failure);
    }
}

/**
 * Undoes one step: safe when the step never ran or only half ran, and when run twice. A user who
 * no longer shows what the step set (they chose something else since) keeps what they show.
 */
export async function undoStep(env: ChangeEnv, step: Step): Promise<void> {
    const store = storeOfEnv(env);
    switch (step.t) {
        case 'put':
            if (step.prev) {
                return store.upsert(step.assoc.map(associationOf), step.prev);
            }
            await store.remove(step.assoc.map(associationOf));
            return;
        case 'insert':
            await store.remove(step.assoc.map(associationOf));
            return;
        case 'remove':
            for (const record of step.restore) {
                const assoc = record.assoc.map(associationOf);
                const present = await store.all(assoc, (value: unknown): value is object => typeof value === 'object' && value !== null);
                if (present.length === 0) {
                    await store.insert(assoc, record.value);
                }
            }
            return;
        case 'status': {
            const user = await env.read.getUserReader().getById(step.userId);
            const applied = { status: step.after.status as UserPresence | undefined, message: step.after.text };
            if (user && stillShowsApplied(user, applied)) {
                await writeShown(env, user, step.before);
            }
            return;
        }
        case 'job':
            return;
        case 'serverBroadcastOn':
            // only a broadcast this step started is stopped again: a refused ask changed nothing
            if (!(await isServerBroadcastDisabled(env.read)) && !(await stopServerBroadcast(env.app, env.read))) {
                throw new Error("Rocket.Chat's presence broadcast could not be stopped again");
            }
            return;
    }
}
