import { IRead } from '@rocket.chat/apps-engine/definition/accessors';

import { parseBoolean, serverSettingValue } from '../../settings/readSettings';
import { WorkspaceSetting } from '../../settings/WorkspaceSetting';
import { PresenceAccess, PresenceApp, describeError } from './PresenceApp';
import { WorkspaceAccess } from './presenceConfig';

/**
 * Rocket.Chat's own presence switches (read in its source):
 * - `Presence_broadcast_disabled`: what clients read to show everyone as disabled, with the
 *   banner; the server's presence service sets it when it stops itself above 200 connections
 *   without a license, and resets it to false when the server starts;
 * - `Troubleshoot_Disable_Presence_Broadcast`: watched on every server instance
 *   (apps/meteor/server/startup/presence.ts), which calls its own presence service's
 *   `toggleBroadcast(!value)` (refused above 200 connections without a license, errors ignored);
 *   turning broadcast on also sets `Presence_broadcast_disabled` to false.
 * How the server learns a change (apps/meteor/app/settings/server/CachedSettings.ts, the settings
 * notifier): each instance is told the value read back from the database after the write, drops a
 * value equal to the one it holds, and runs the watcher 500 ms after the last change (debounced). So
 * the switch written on then off at once may reach no instance at all (both reads find it off); the
 * app leaves a pause between the two writes.
 * One presence service per instance (apps/meteor/server/startup/localServices.ts): Rocket.Chat's REST
 * `presence.enableBroadcast` turns broadcast on in the instance that serves it only; the switch
 * reaches every instance.
 */
export async function isServerBroadcastDisabled(read: IRead): Promise<boolean> {
    return parseBoolean(await serverSettingValue(read, WorkspaceSetting.PresenceBroadcastDisabled), false);
}

async function writeServerSetting(app: PresenceApp, read: IRead, id: string, value: boolean): Promise<void> {
    const setting = await read.getEnvironmentReader().getServerSettings().getOneById(id);
    if (!setting) {
        throw new Error(`the workspace setting ${id} does not exist`);
    }
    if (setting.value !== value) {
        await app
            .getAccessors()
            .environmentWriter.getServerSettings()
            .updateOne({ ...setting, value });
    }
}

/** The pause between two writes of the troubleshooting switch: longer than the time a server takes to be told one (a read back from the database). */
export const SWITCH_PAUSE_MS = 1000;
/** How long Rocket.Chat may take to act on the switch: its watcher's 500 ms debounce, and margin. */
const SETTLE_MS = 3000;
const POLL_MS = 100;

type Sleep = (ms: number) => Promise<void>;
const defaultSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function troubleshootOn(read: IRead): Promise<boolean> {
    return parseBoolean(await serverSettingValue(read, WorkspaceSetting.TroubleshootDisablePresenceBroadcast), false);
}

/**
 * Stops Rocket.Chat's presence broadcast on every instance and shows everyone as disabled: the
 * troubleshooting switch on (every instance's watcher stops its own presence service). When the
 * switch is on already but broadcast came back since (an admin asked one instance through
 * Rocket.Chat's own REST `presence.enableBroadcast`), the switch is written off and on again, a
 * moment apart, so that every instance is told of a change. Failures are logged: the monitor job
 * tries again.
 */
export async function stopServerBroadcast(app: PresenceApp, read: IRead, sleep: Sleep = defaultSleep): Promise<boolean> {
    try {
        if ((await troubleshootOn(read)) && !(await isServerBroadcastDisabled(read))) {
            await writeServerSetting(app, read, WorkspaceSetting.TroubleshootDisablePresenceBroadcast, false);
            await sleep(SWITCH_PAUSE_MS / 5);
        }
        await writeServerSetting(app, read, WorkspaceSetting.TroubleshootDisablePresenceBroadcast, true);
        await writeServerSetting(app, read, WorkspaceSetting.PresenceBroadcastDisabled, true);
        return true;
    } catch (error) {
        app.getLogger().error(`presence: could not stop Rocket.Chat's presence broadcast: ${describeError(error)}`);
        return false;
    }
}

export type ServerAnswer = { ok: true } | { ok: false; refusal: string } | { ok: false; failure: string };

/** Rocket.Chat's refusal, in its words (ee/packages/presence/src/Presence.ts). */
export const SERVER_REFUSAL = 'Cannot enable broadcast when there are more than 200 connections';

async function broadcastComesBack(read: IRead, sleep: Sleep): Promise<boolean> {
    const deadline = Date.now() + SETTLE_MS;
    for (;;) {
        if (!(await isServerBroadcastDisabled(read))) {
            return true;
        }
        if (Date.now() >= deadline) {
            return false;
        }
        await sleep(POLL_MS);
    }
}

/** Rocket.Chat's `POST /api/v1/presence.enableBroadcast`: its own answer, or undefined when it cannot be asked this way (no access, 2FA, no right, its rate limiter). */
async function enableThroughApi(access: PresenceAccess, workspace: WorkspaceAccess): Promise<ServerAnswer | undefined> {
    try {
        const response = await access.http.post(`${workspace.url}/api/v1/presence.enableBroadcast`, {
            headers: { 'X-User-Id': workspace.userId, 'X-Auth-Token': workspace.token },
            data: {},
            timeout: 5000,
        });
        const body = (response.data ?? {}) as { success?: unknown; error?: unknown; errorType?: unknown };
        if (response.statusCode === 200 && body.success === true) {
            return { ok: true };
        }
        if (response.statusCode === 400 && typeof body.error === 'string' && /more than \d+ connections/.test(body.error)) {
            return { ok: false, refusal: body.error };
        }
        return undefined;
    } catch {
        return undefined;
    }
}

/**
 * Asks Rocket.Chat to broadcast presence again on every instance, and answers what it did: on,
 * refused (its own cap, in its own words), or failed.
 * - With the access settings, Rocket.Chat's REST `presence.enableBroadcast` first: its refusal above
 *   its own cap is final; an acceptance turns on the instance that served it only.
 * - Then the troubleshooting switch, which every instance watches: `Presence_broadcast_disabled` is
 *   set first (only a presence service that really turns broadcast on clears it again), then the
 *   switch goes off (on, a pause, then off when it was off already, so every instance is told of a
 *   change). Broadcast is back when the setting is cleared; a switch Rocket.Chat missed is written
 *   once more.
 * - Nothing came back: without the access settings the app cannot tell Rocket.Chat's refusal (above
 *   200 connections without a license) from a switch it missed, and answers the refusal; the README
 *   says what the admin can do.
 */
export async function askServerToBroadcast(
    app: PresenceApp,
    access: PresenceAccess,
    workspace: WorkspaceAccess | undefined,
    sleep: Sleep = defaultSleep,
): Promise<ServerAnswer> {
    const { read } = access;
    try {
        if (workspace) {
            const answer = await enableThroughApi(access, workspace);
            if (answer && !answer.ok) {
                return answer;
            }
        }
        for (let attempt = 0; attempt < 2; attempt++) {
            await writeServerSetting(app, read, WorkspaceSetting.PresenceBroadcastDisabled, true);
            if (!(await troubleshootOn(read))) {
                await writeServerSetting(app, read, WorkspaceSetting.TroubleshootDisablePresenceBroadcast, true);
                await sleep(SWITCH_PAUSE_MS);
            }
            await writeServerSetting(app, read, WorkspaceSetting.TroubleshootDisablePresenceBroadcast, false);
            if (await broadcastComesBack(read, sleep)) {
                return { ok: true };
            }
        }
        return { ok: false, refusal: SERVER_REFUSAL };
    } catch (error) {
        return { ok: false, failure: describeError(error) };
    }
}
