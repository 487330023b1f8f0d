/**
 * The connection cap as it works on a real Rocket.Chat server: 201 sessions opened as real clients
 * open them (one REST password login per user, then a DDP `resume` through Rocket.Chat's own
 * client), which fire no login event for the sessions themselves.
 *
 * 1. With the access settings filled in (the URL left empty: the server's Site_Url), the app reads
 *    Rocket.Chat's own count and turns the service off at the 201st session; an admin who only ever
 *    logged in by REST gets the message; enabling is refused over the cap and works at the cap.
 * 2. Without them and with the app's cap unlimited, Rocket.Chat's own cap (200 without a license)
 *    stops presence; the app treats it as a turn-off, tells admins and users, and reports the
 *    server's refusal when asked to enable.
 */
import type { DDPSDK } from '@rocket.chat/ddp-client';

import { closeClient, connectClient } from '../helpers/ddpClient';
import { pollUntil } from '../helpers/poll';
import { startWorkspace, type Creds, type TestWorkspace } from '../helpers/workspace';

const BOT = 'user-status.bot';

async function openClients(ws: TestWorkspace, users: Creds[]): Promise<DDPSDK[]> {
    const clients: DDPSDK[] = [];
    for (const creds of users) {
        clients.push(await connectClient(ws.url, creds));
    }
    return clients;
}

async function createUsers(ws: TestWorkspace, prefix: string, n: number): Promise<Creds[]> {
    const users: Creds[] = [];
    for (let i = 0; i < n; i++) {
        users.push(await ws.createUser(`${prefix}${i}`));
    }
    return users;
}

const appSetting = async (ws: TestWorkspace, id: string) => {
    const res = await ws.request('GET', `/api/apps/${ws.appId}/settings`, undefined, ws.admin);
    const setting = (res.body as { settings: Record<string, { value?: unknown; packageValue: unknown }> }).settings[id];
    return setting.value ?? setting.packageValue;
};
const workspaceSetting = async (ws: TestWorkspace, id: string) =>
    ((await ws.request('GET', `/api/v1/settings/${id}`, undefined, ws.admin)).body as { value: unknown }).value;
const statusOf = async (ws: TestWorkspace, creds: Creds) =>
    (await ws.app('GET', 'users.getStatus', undefined, creds)).body as { status: string; notice?: string };
const botMessages = async (ws: TestWorkspace, creds: Creds) => {
    const res = await ws.request('GET', `/api/v1/im.messages?username=${BOT}`, undefined, creds);
    return ((res.body as { messages?: Array<{ msg: string }> }).messages ?? []).map((m) => m.msg);
};

describe('the cap with Rocket.Chat’s own count (access settings filled in)', () => {
    let ws: TestWorkspace;
    let users: Creds[];
    const clients: DDPSDK[] = [];

    beforeAll(async () => {
        ws = await startWorkspace();
        // the admin only ever logs in by REST (the helper's login): the app meets them at that login
        await ws.setAppSettings({
            presence_connection_cap: 200,
            presence_cap_unlimited: false,
            presence_workspace_user_id: ws.admin.userId,
            presence_workspace_access_token: ws.admin.authToken,
        });
        users = await createUsers(ws, 'exact', 201);
    }, 300_000);

    afterAll(async () => {
        clients.forEach(closeClient);
        await ws?.stop();
    }, 60_000);

    it('stays on at 200 sessions and turns off at the 201st, with every effect', async () => {
        clients.push(...(await openClients(ws, users.slice(0, 200))));
        const at200 = await pollUntil(
            () => ws.app('GET', 'presence.getConnections', undefined, ws.admin),
            (res) => res.body.current === 200,
            { what: 'Rocket.Chat to count 200 connections' },
        );
        expect(at200.body).toEqual({ current: 200, max: 200, source: 'workspace', success: true });
        expect(await appSetting(ws, 'presence_service_enabled')).toBe(true);
        expect((await statusOf(ws, users[0])).status).toBe('online');

        const crossing = Date.now();
        clients.push(await connectClient(ws.url, users[200]));
        await pollUntil(
            () => appSetting(ws, 'presence_service_enabled'),
            (value) => value === false,
            { what: 'the service to turn off' },
        );
        console.log(`cap (Rocket.Chat's count): service off ${Date.now() - crossing} ms after the 201st session opened`);

        expect(await workspaceSetting(ws, 'Presence_broadcast_disabled')).toBe(true);
        expect(await workspaceSetting(ws, 'Troubleshoot_Disable_Presence_Broadcast')).toBe(true);
        const first = await statusOf(ws, users[0]);
        expect(first.status).toBe('disabled');
        expect(first.notice).toBe(
            "Presence is inactive: this workspace exceeded its limit of 200 concurrent connections, so everyone's status shows as disabled until an admin turns the presence service back on.",
        );
        expect((await statusOf(ws, users[0])).notice).toBeUndefined();

        const turnedOff = (msgs: string[]) => msgs.filter((msg) => msg.startsWith('The presence service was turned off'));
        const dms = await pollUntil(
            () => botMessages(ws, ws.admin),
            (msgs) => turnedOff(msgs).length > 0,
            { what: "the admin's direct message" },
        );
        expect(turnedOff(dms)).toEqual([expect.stringMatching(/^The presence service was turned off: 201 concurrent connections exceeded the limit of 200\./)]);
        // on the way up, the count passed the early warning level (80% of the cap): one warning, saying where the count comes from
        expect(dms.filter((msg) => msg.startsWith('Early warning'))).toEqual([
            expect.stringMatching(/of the cap of 200 \(warning level 80%, 160 connections; Rocket\.Chat's own count\)/),
        ]);
    }, 300_000);

    it('enabling is refused over the cap, and works once the count is back at the cap', async () => {
        const refused = await ws.app('POST', 'presence.enableBroadcast', {}, ws.admin);
        expect(refused.status).toBe(400);
        expect(refused.body).toEqual({
            success: false,
            error: 'Cannot enable broadcast when there are more than 200 connections',
            notice: "Presence is inactive: this workspace exceeded its limit of 200 concurrent connections, so everyone's status shows as disabled until an admin turns the presence service back on.",
        });
        const forbidden = await ws.app('POST', 'presence.enableBroadcast', {}, users[5]);
        expect(forbidden.status).toBe(403);
        expect(forbidden.body).toMatchObject({ success: false, error: 'unauthorized' });

        closeClient(clients.pop() as DDPSDK);
        await pollUntil(
            () => ws.app('GET', 'presence.getConnections', undefined, ws.admin),
            (res) => res.body.current === 200,
            { what: 'the count to drop to 200' },
        );
        // the count dropping never turns the service back on by itself
        await ws.runJobsNow('presence-monitor');
        expect(await appSetting(ws, 'presence_service_enabled')).toBe(false);
        expect((await statusOf(ws, users[1])).status).toBe('disabled');

        const enabled = await ws.app('POST', 'presence.enableBroadcast', {}, ws.admin);
        expect(enabled.status).toBe(200);
        expect(enabled.body).toEqual({ success: true });
        await pollUntil(
            () => appSetting(ws, 'presence_service_enabled'),
            (value) => value === true,
            { what: 'the switch on the settings page' },
        );
        expect(await workspaceSetting(ws, 'Presence_broadcast_disabled')).toBe(false);
        expect(await workspaceSetting(ws, 'Troubleshoot_Disable_Presence_Broadcast')).toBe(false);
        expect((await statusOf(ws, users[1])).status).toBe('online');
    }, 120_000);
});

describe('Rocket.Chat’s own cap, the app unlimited and without access settings', () => {
    let ws: TestWorkspace;
    let users: Creds[];
    const clients: DDPSDK[] = [];

    beforeAll(async () => {
        ws = await startWorkspace();
        await ws.setAppSettings({ presence_cap_unlimited: true });
        users = await createUsers(ws, 'server', 201);
    }, 300_000);

    afterAll(async () => {
        clients.forEach(closeClient);
        await ws?.stop();
    }, 60_000);

    it('the server stopping presence at its 201st connection is a turn-off: admins messaged, users told', async () => {
        clients.push(...(await openClients(ws, users)));
        await pollUntil(
            () => workspaceSetting(ws, 'Presence_broadcast_disabled'),
            (value) => value === true,
            { what: 'Rocket.Chat to stop presence' },
        );
        await pollUntil(
            () => appSetting(ws, 'presence_service_enabled'),
            (value) => value === false,
            { what: 'the app to see the turn-off' },
        );

        const dm = await pollUntil(
            () => botMessages(ws, ws.admin),
            (msgs) => msgs.length > 0,
            { what: "the admin's direct message" },
        );
        expect(dm).toHaveLength(1);
        expect(dm[0]).toMatch(/^Rocket\.Chat stopped its presence service by itself \(\d+ concurrent connections\): above 200 connections/);

        const status = await statusOf(ws, users[3]);
        expect(status.status).toBe('disabled');
        expect(status.notice).toBe(
            "Presence is inactive: this workspace exceeded Rocket.Chat's own limit of connections, so everyone's status shows as disabled until an admin turns the presence service back on.",
        );

        // a user who logs in with a password while it is off gets the notice from the bot
        await ws.loginRest(users[7].username, users[7].password as string);
        const notice = await pollUntil(
            () => botMessages(ws, users[7]),
            (msgs) => msgs.length > 0,
            { what: "the user's notice" },
        );
        expect(notice).toEqual([status.notice]);
    }, 300_000);

    it('enable reports Rocket.Chat’s refusal in its words; the banner stays while the server refuses', async () => {
        const refused = await ws.app('POST', 'presence.enableBroadcast', {}, ws.admin);
        expect(refused.status).toBe(400);
        // the admin's first interaction after the turn-off also carries the notice
        expect(refused.body).toEqual({
            success: false,
            error: 'Cannot enable broadcast when there are more than 200 connections',
            notice: "Presence is inactive: this workspace exceeded Rocket.Chat's own limit of connections, so everyone's status shows as disabled until an admin turns the presence service back on.",
        });
        expect(await workspaceSetting(ws, 'Presence_broadcast_disabled')).toBe(true);

        const reply = await ws.command(ws.admin, 'userstatus', 'enable');
        expect(reply.status).toBe(200);

        closeClient(clients.pop() as DDPSDK);
        await pollUntil(
            () => ws.request('GET', '/api/v1/presence.getConnections', undefined, ws.admin),
            (res) => res.body.current === 200,
            {
                what: 'the server to count 200',
            },
        );
        const enabled = await ws.app('POST', 'presence.enableBroadcast', {}, ws.admin);
        expect(enabled.body).toEqual({ success: true });
        expect(await workspaceSetting(ws, 'Presence_broadcast_disabled')).toBe(false);
        await pollUntil(
            () => appSetting(ws, 'presence_service_enabled'),
            (value) => value === true,
            { what: 'the switch on the settings page' },
        );
        expect((await statusOf(ws, users[2])).status).toBe('online');
    }, 120_000);
});
