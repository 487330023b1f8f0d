import { MessageRef, Step } from '../../core/change/Change';
import { Subject } from '../../core/change/subjects';
import { checkEnable } from '../../core/presence/ConnectionCap';
import { AppSetting } from '../../settings/AppSetting';
import { INITIAL_STATE, PresenceState, PresenceStateRepository, TurnOffReason } from '../../storage/presence/PresenceStateRepository';
import { auditStep, ChangeOrigin } from '../audit';
import { ChangeEnv } from '../change/ChangeEnv';
import { ChangePlan, Planned, runChange } from '../change/runChange';
import { ServerRefusal } from '../change/stepRunner';
import { countConnections } from './connectionCount';
import { PresenceAccess, PresenceApp, describeError, storeOf } from './PresenceApp';
import { PresenceConfig, readPresenceConfig } from './presenceConfig';
import { isServerBroadcastDisabled } from './serverPresence';

export async function readPresenceState(access: Pick<PresenceAccess, 'read'>): Promise<PresenceState> {
    return new PresenceStateRepository(storeOf(access)).get();
}

/**
 * This process's last reading for requests, and when, per app id (the engine may hand the app to
 * a listener and to an endpoint as two objects; the id is the same).
 */
const recentReadings = new Map<string, { state: PresenceState; at: number }>();

/** How stale a state the requests' own reads may take: another instance's change shows within this. */
const STATE_MAX_AGE_MS = 1000;

/**
 * The state for a request (the notice, `users.getStatus`): this instance's last reading when it is
 * under a second old, else a fresh read. Saves a read per request; a change always reads the
 * stored state (and Rocket.Chat's own switch, read fresh, shows a turn-off at once anyway).
 */
export async function readPresenceStateForRequest(app: { getID(): string }, access: Pick<PresenceAccess, 'read'>): Promise<PresenceState> {
    const recent = recentReadings.get(app.getID());
    if (recent && Date.now() - recent.at < STATE_MAX_AGE_MS) {
        return recent.state;
    }
    const state = await readPresenceState(access);
    recentReadings.set(app.getID(), { state, at: Date.now() });
    return state;
}

/** This process changed the state: its next request reads it again (another instance's change shows within a second). */
export function presenceStateChanged(app: { getID(): string }): void {
    recentReadings.delete(app.getID());
}

/** Whether everybody's status reads `disabled`: the app turned the service off, or Rocket.Chat stopped broadcasting. */
export async function isPresenceOff(access: Pick<PresenceAccess, 'read'>): Promise<boolean> {
    const [state, serverOff] = await Promise.all([readPresenceState(access), isServerBroadcastDisabled(access.read)]);
    return !state.enabled || serverOff;
}

export interface TurnOff {
    reason: TurnOffReason;
    count: number;
    cap: number;
}

export const envOf = (app: PresenceApp, access: PresenceAccess): ChangeEnv => ({ app, ...access });

const putState = (next: PresenceState, previous: PresenceState): Step => ({
    t: 'put',
    assoc: PresenceStateRepository.associations(),
    value: next,
    prev: previous === INITIAL_STATE ? null : previous,
});

const mirrorSwitch = { t: 'mirror' as const, setting: AppSetting.PresenceServiceEnabled };

function turnedOffMessage(reason: TurnOffReason, count: number, cap: number): MessageRef {
    const how: MessageRef = { catalog: 'presence', key: 'how_to_enable', params: { cap } };
    return reason === 'cap'
        ? { catalog: 'presence', key: 'admin_turned_off_cap', params: { count, cap, how } }
        : { catalog: 'presence', key: 'admin_turned_off_server', params: { count, how } };
}

/**
 * What turning the service off does, as one change: the state (a new epoch, so users are told once
 * per turn-off) and its audit entry; then Rocket.Chat's broadcast stopped, the settings page's
 * switch, and a direct message to each admin (not when an admin did it).
 */
export function turnOffPlan(state: PresenceState, details: TurnOff, origin: ChangeOrigin, extraSteps: Step[] = []): ChangePlan<boolean> {
    const epoch = state.epoch + 1;
    const { reason, count, cap } = details;
    const next: PresenceState = { enabled: false, epoch, reason, count, cap, at: new Date().toISOString() };
    return {
        steps: [putState(next, state), auditStep(origin, 'presence.off', { reason, count, cap, epoch }), ...extraSteps],
        followUps: [
            { t: 'stopServerBroadcast' },
            mirrorSwitch,
            ...(reason === 'admin' ? [] : [{ t: 'messageAdmins' as const, message: turnedOffMessage(reason, count, cap) }]),
        ],
        answer: true,
    };
}

/**
 * Turns the presence service off, once for the whole cluster (the change holds the presence
 * subject, and a turn-off finds the service on or does nothing). Answers whether it did.
 */
export async function turnOff(app: PresenceApp, access: PresenceAccess, details: TurnOff, origin: ChangeOrigin): Promise<boolean> {
    const states = new PresenceStateRepository(storeOf(access));
    if (!(await states.get()).enabled) {
        return false;
    }
    const outcome = await runChange<boolean>(envOf(app, access), {
        kind: 'presence-off',
        subjects: [Subject.presence],
        onCommit: () => presenceStateChanged(app),
        plan: async () => {
            const [state, serverOff] = await Promise.all([states.get(), details.reason === 'server' ? isServerBroadcastDisabled(access.read) : true]);
            // Rocket.Chat's own turn-off, seen a moment ago: an admin's enable may have undone it since
            return state.enabled && serverOff ? turnOffPlan(state, details, origin) : { refuse: false };
        },
    });
    if (outcome.kind === 'done') {
        app.getLogger().warn(`presence: the service is off (${details.reason}), ${details.count} connections, cap ${details.cap}`);
        return true;
    }
    if (outcome.kind === 'failed' || outcome.kind === 'busy') {
        app.getLogger().error(`presence: turning the service off did not happen (${outcome.kind}); the next check tries again`);
    }
    return false;
}

export type EnableOutcome =
    | { kind: 'enabled'; current: number; max: number }
    | { kind: 'already' }
    | { kind: 'refused'; cap: number }
    | { kind: 'refusedByServer'; text: string }
    | { kind: 'failed' };

/**
 * What turning the service back on does, as one change: Rocket.Chat asked to broadcast again (its
 * refusal fails the change, which is then undone), the state and its audit entry; then the
 * settings page's switch. Refused while over the app's cap. Rocket.Chat having stopped by itself
 * while the app's state is on is put right the same way.
 */
export function enablePlan(
    state: PresenceState,
    serverOff: boolean,
    current: number,
    config: PresenceConfig,
    origin: ChangeOrigin,
    extraSteps: Step[] = [],
): Planned<EnableOutcome> {
    if (state.enabled && !serverOff) {
        return { refuse: { kind: 'already' } };
    }
    if (!checkEnable(current, config.cap, config.unlimited).ok) {
        return { refuse: { kind: 'refused', cap: config.cap } };
    }
    return {
        steps: [
            { t: 'serverBroadcastOn' },
            ...(state.enabled ? [] : [putState({ ...state, enabled: true, at: new Date().toISOString() }, state)]),
            auditStep(origin, 'presence.on', { count: current, cap: config.cap, epoch: state.epoch }),
            ...extraSteps,
        ],
        followUps: [mirrorSwitch],
        answer: { kind: 'enabled', current, max: config.cap },
    };
}

/** A failed enable in words: Rocket.Chat's own refusal, or a failure (logged). */
export function failedEnable(app: PresenceApp, error: unknown): EnableOutcome {
    if (error instanceof ServerRefusal) {
        return { kind: 'refusedByServer', text: error.message };
    }
    app.getLogger().error(`presence: could not turn the service back on: ${describeError(error)}`);
    return { kind: 'failed' };
}

/**
 * An admin turns the service back on (presence.enableBroadcast, the command, the settings page,
 * the unlimited setting): counted first (reading again the users an estimate holds online), then
 * one change holding the presence subject.
 */
export async function enablePresence(app: PresenceApp, access: PresenceAccess, origin: ChangeOrigin, config?: PresenceConfig): Promise<EnableOutcome> {
    const settings = config ?? (await readPresenceConfig(access.read));
    const count = await countConnections(app, access, settings, { revalidate: true });
    const states = new PresenceStateRepository(storeOf(access));
    const outcome = await runChange<EnableOutcome>(envOf(app, access), {
        kind: 'presence-on',
        subjects: [Subject.presence],
        onCommit: () => presenceStateChanged(app),
        plan: async () => {
            const [state, serverOff] = await Promise.all([states.get(), isServerBroadcastDisabled(access.read)]);
            return enablePlan(state, serverOff, count.current, settings, origin);
        },
    });
    switch (outcome.kind) {
        case 'done':
        case 'refused':
            return outcome.answer;
        case 'failed':
            return failedEnable(app, outcome.error);
        case 'busy':
            return { kind: 'failed' };
    }
}

/**
 * While the service is off, Rocket.Chat's switches are set again when something reset them (a
 * restarted server clears `Presence_broadcast_disabled`), under the presence subject, so that it
 * never undoes an enable under way.
 */
export async function keepServerStopped(app: PresenceApp, access: PresenceAccess): Promise<void> {
    const states = new PresenceStateRepository(storeOf(access));
    if ((await states.get()).enabled || (await isServerBroadcastDisabled(access.read))) {
        return;
    }
    const outcome = await runChange<boolean>(envOf(app, access), {
        kind: 'presence-keep-off',
        subjects: [Subject.presence],
        plan: async () => {
            const [state, serverOff] = await Promise.all([states.get(), isServerBroadcastDisabled(access.read)]);
            return state.enabled || serverOff ? { refuse: false } : { steps: [], followUps: [{ t: 'stopServerBroadcast' }], answer: true };
        },
    });
    if (outcome.kind === 'done' && outcome.pending) {
        app.getLogger().error("presence: Rocket.Chat's broadcast could not be stopped again; the recovery tries again");
    }
}
