import { checkEnable } from '../../core/presence/ConnectionCap';
import { PRESENCE_MESSAGES } from '../../i18n/presenceMessages';
import { translator } from '../../i18n/translate';
import { PresenceState, PresenceStateRepository, TurnOffReason } from '../../storage/presence/PresenceStateRepository';
import { messageAdmins } from './admins';
import { countConnections } from './connectionCount';
import { ChangeOrigin, recordAudit } from '../audit';
import { claimOnce } from '../clusterClaim';
import { PresenceAccess, PresenceApp, storeOf } from './PresenceApp';
import { PresenceConfig, readPresenceConfig } from './presenceConfig';
import { askServerToBroadcast, isServerBroadcastDisabled, stopServerBroadcast } from './serverPresence';
import { mirrorPresenceState } from './settingMirror';

export async function readPresenceState(access: Pick<PresenceAccess, 'read'>): Promise<PresenceState> {
    const state = await new PresenceStateRepository(storeOf(access)).get();
    recentState = { state, at: Date.now() };
    return state;
}

/** The last state this instance read or wrote, and when. */
let recentState: { state: PresenceState; at: number } | undefined;

/** How stale a state the requests' own reads may take: another instance's change shows within this. */
const STATE_MAX_AGE_MS = 1000;

/**
 * The state for a request (the notice, `users.getStatus`): this instance's last reading when it is
 * under a second old, else a fresh read. Saves a read per request; the switch itself always reads
 * the stored state (and Rocket.Chat's own switch, read fresh, shows a turn-off at once anyway).
 */
export async function readPresenceStateForRequest(access: Pick<PresenceAccess, 'read'>): Promise<PresenceState> {
    if (recentState && Date.now() - recentState.at < STATE_MAX_AGE_MS) {
        return recentState.state;
    }
    return readPresenceState(access);
}

/** Forgets this instance's last reading (a test's fresh world, the app's start). */
export function forgetPresenceState(): void {
    recentState = undefined;
}

async function saveState(states: PresenceStateRepository, state: PresenceState): Promise<void> {
    await states.save(state);
    recentState = { state, at: Date.now() };
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

/**
 * Turns the presence service off, once for the whole cluster (a claim on the next epoch): the
 * state first (whoever sees the service off finds the turn-off it belongs to), then the settings
 * page, Rocket.Chat's broadcast and a direct message to each admin. Answers false when it was off
 * already or another instance is doing it.
 */
export async function turnOff(app: PresenceApp, access: PresenceAccess, turnOffDetails: TurnOff, origin: ChangeOrigin): Promise<boolean> {
    const states = new PresenceStateRepository(storeOf(access));
    const before = await states.get();
    if (!before.enabled) {
        return false;
    }
    // Rocket.Chat's own turn-off, seen a moment ago: an admin's enable may have undone it since
    if (turnOffDetails.reason === 'server' && !(await isServerBroadcastDisabled(access.read))) {
        return false;
    }
    const epoch = before.epoch + 1;
    if (!(await claimOnce(storeOf(access), `presence-off:${epoch}`))) {
        return false;
    }
    const { reason, count, cap } = turnOffDetails;
    await saveState(states, { enabled: false, epoch, reason, count, cap, at: new Date().toISOString() });
    // an enable that came in meanwhile has asked Rocket.Chat to broadcast: it stands
    if (!(await states.get()).enabled) {
        await stopServerBroadcast(app, access.read);
    }
    app.getLogger().warn(`presence: the service is off (${reason}), ${count} connections, cap ${cap}`);
    await mirrorPresenceState(app, access, false);
    await recordAudit({ ...access, logger: app.getLogger() }, origin, 'presence.off', { reason, count, cap, epoch });
    if (reason !== 'admin') {
        await messageAdmins(app, access, (language) => {
            const t = translator(PRESENCE_MESSAGES, language);
            const how = t('how_to_enable', { cap });
            return reason === 'cap' ? t('admin_turned_off_cap', { count, cap, how }) : t('admin_turned_off_server', { count, how });
        });
    }
    return true;
}

export type EnableOutcome =
    | { kind: 'enabled'; current: number; max: number }
    | { kind: 'already' }
    | { kind: 'refused'; cap: number }
    | { kind: 'refusedByServer'; text: string }
    | { kind: 'failed' };

/**
 * An admin turns the service back on (presence.enableBroadcast, the command, the settings page,
 * the unlimited setting): refused while over the app's cap; then Rocket.Chat is asked to
 * broadcast again, and its refusal is reported as such (the service stays off).
 */
export async function enablePresence(app: PresenceApp, access: PresenceAccess, origin: ChangeOrigin, config?: PresenceConfig): Promise<EnableOutcome> {
    const settings = config ?? (await readPresenceConfig(access.read));
    const states = new PresenceStateRepository(storeOf(access));
    const seen = await states.get();
    const serverOff = await isServerBroadcastDisabled(access.read);
    if (seen.enabled && !serverOff) {
        return { kind: 'already' };
    }
    const count = await countConnections(app, access, settings, { revalidate: true });
    if (seen.enabled) {
        // Rocket.Chat stopped by itself and no check has recorded it yet: it is recorded here, under
        // the one claim a monitor check would take, so the check cannot record it after this enable
        await turnOff(app, access, { reason: 'server', count: count.current, cap: settings.cap }, { source: 'server' });
    }
    if (!checkEnable(count.current, settings.cap, settings.unlimited).ok) {
        return { kind: 'refused', cap: settings.cap };
    }
    // twice at most: a turn-off that was under way when Rocket.Chat was asked may have stopped it again
    let broadcasting = false;
    for (let attempt = 0; attempt < 2 && !broadcasting; attempt++) {
        const answer = await askServerToBroadcast(app, access, settings.access);
        if (!answer.ok) {
            if ('refusal' in answer) {
                return { kind: 'refusedByServer', text: answer.refusal };
            }
            app.getLogger().error(`presence: could not turn Rocket.Chat's broadcast back on: ${answer.failure}`);
            return { kind: 'failed' };
        }
        // the state as it is now: a turn-off may have come in since it was read
        const now = await states.get();
        if (!now.enabled && (await claimOnce(storeOf(access), `presence-on:${now.epoch}`))) {
            await saveState(states, { ...now, enabled: true, at: new Date().toISOString() });
            await recordAudit({ ...access, logger: app.getLogger() }, origin, 'presence.on', { count: count.current, cap: settings.cap, epoch: now.epoch });
        }
        broadcasting = !(await isServerBroadcastDisabled(access.read));
    }
    if (!broadcasting) {
        app.getLogger().error("presence: Rocket.Chat's broadcast stopped again while the service was being turned on");
        return { kind: 'failed' };
    }
    await mirrorPresenceState(app, access, true);
    return { kind: 'enabled', current: count.current, max: settings.cap };
}
