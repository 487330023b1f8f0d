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
 * - `Troubleshoot_Disable_Presence_Broadcast`: watched by the server, which calls its
 *   `toggleBroadcast(!value)` (refused above 200 connections without a license, errors ignored);
 *   turning broadcast on also sets `Presence_broadcast_disabled` to false.
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

/** Stops Rocket.Chat's presence broadcast and shows everyone as disabled. Failures are logged: the monitor job tries again. */
export async function stopServerBroadcast(app: PresenceApp, read: IRead): Promise<boolean> {
    try {
        await writeServerSetting(app, read, WorkspaceSetting.TroubleshootDisablePresenceBroadcast, true);
        await writeServerSetting(app, read, WorkspaceSetting.PresenceBroadcastDisabled, true);
        return true;
    } catch (error) {
        app.getLogger().error(`presence: could not stop Rocket.Chat's presence broadcast: ${describeError(error)}`);
        return false;
    }
}

export type ServerAnswer = { ok: true } | { ok: false; refusal: string } | { ok: false; failure: string };

/** How long Rocket.Chat may take to act on a setting it watches. */
const SETTLE_MS = 3000;
const POLL_MS = 100;

async function broadcastComesBack(read: IRead, sleep: (ms: number) => Promise<void>): Promise<boolean> {
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

/** Rocket.Chat's `POST /api/v1/presence.enableBroadcast`: its own answer, or undefined when it cannot be asked this way (no access, 2FA, no right). */
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
 * Asks Rocket.Chat to broadcast presence again, and answers what it did: on, refused (its own cap,
 * in its own words), or failed. The banner (`Presence_broadcast_disabled`) is never cleared by the
 * app itself: only the server clears it, when it really broadcasts again.
 */
export async function askServerToBroadcast(
    app: PresenceApp,
    access: PresenceAccess,
    workspace: WorkspaceAccess | undefined,
    sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): Promise<ServerAnswer> {
    const { read } = access;
    try {
        if (workspace) {
            const answer = await enableThroughApi(access, workspace);
            if (answer && !answer.ok) {
                return answer;
            }
        }
        const troubleshoot = parseBoolean(await serverSettingValue(read, WorkspaceSetting.TroubleshootDisablePresenceBroadcast), false);
        if (!troubleshoot && (await isServerBroadcastDisabled(read))) {
            // the server stopped by itself: switching the watched setting on and off asks it to start again
            await writeServerSetting(app, read, WorkspaceSetting.TroubleshootDisablePresenceBroadcast, true);
        }
        await writeServerSetting(app, read, WorkspaceSetting.TroubleshootDisablePresenceBroadcast, false);
        if (await broadcastComesBack(read, sleep)) {
            return { ok: true };
        }
        return { ok: false, refusal: 'Cannot enable broadcast when there are more than 200 connections' };
    } catch (error) {
        return { ok: false, failure: describeError(error) };
    }
}
