/**
 * The admin's side of the presence service on the local workspace, with a cap of 3 and no access
 * settings (the count is the app's estimate: the users it saw come online): the slash
 * subcommands (connections, enable), the settings page refusing to switch the service on over
 * the cap, `presence_cap_unlimited` turning it back on, and switching it off again re-applying
 * the cap at once.
 */
import type { DDPSDK } from '@rocket.chat/ddp-client';

import { closeClient, connectClient } from '../helpers/ddpClient';
import { pollUntil } from '../helpers/poll';
import { startWorkspace, type Creds, type DdpSession, type TestWorkspace } from '../helpers/workspace';

const ESTIMATE =
    "estimate: the users online that the app saw; for Rocket.Chat's exact count, fill in the workspace URL, user id and personal access token of an admin in the app's settings";

describe('presence service, admin side (local workspace, cap 3, estimated count)', () => {
    let ws: TestWorkspace;
    let adminSession: DdpSession;
    const clients: DDPSDK[] = [];
    const users: Creds[] = [];

    const appSetting = async (id: string) => {
        const res = await ws.request('GET', `/api/apps/${ws.appId}/settings`, undefined, ws.admin);
        const setting = (res.body as { settings: Record<string, { value?: unknown; packageValue: unknown }> }).settings[id];
        return setting.value ?? setting.packageValue;
    };
    const workspaceSetting = async (id: string) => ((await ws.request('GET', `/api/v1/settings/${id}`, undefined, ws.admin)).body as { value: unknown }).value;
    /** The admin's direct messages from the bot come down this stream too: they are not replies. */
    const replies = (): string[] =>
        adminSession
            .events(`${ws.admin.userId}/message`)
            .map((args) => (args[0] as { msg: string }).msg)
            .filter((msg) => !msg.startsWith('The presence service was turned off') && !msg.startsWith('Early warning'));
    /** `/status connections` ends with the daily peaks of the last 14 days: apart, to check it on its own. */
    const withoutChart = (text: string) => {
        const [summary, chart = ''] = text.split('\n\nDaily peaks, the last 14 days:\n');
        const lines = chart.split('\n');
        expect(lines).toHaveLength(14);
        expect(lines.slice(0, 13).every((line) => /^\d{2}-\d{2} ░{10} –$/.test(line))).toBe(true);
        expect(lines[13]).toBe(`${new Date().toISOString().slice(5, 10)} ██████████ 4 / 3`);
        return summary;
    };
    /** Runs a slash command as the admin and returns the text of the ephemeral reply it gets. */
    const command = async (params: string): Promise<string> => {
        const before = replies().length;
        const res = await ws.command(ws.admin, 'userstatus', params);
        expect(res.status).toBe(200);
        await pollUntil(
            async () => replies().length,
            (n) => n > before,
            { what: 'the ephemeral reply' },
        );
        return replies()[before];
    };

    beforeAll(async () => {
        ws = await startWorkspace();
        await ws.setAppSettings({ presence_connection_cap: 3, presence_cap_unlimited: false });
        adminSession = await ws.openSession(ws.admin);
        await adminSession.subscribe('stream-notify-user', `${ws.admin.userId}/message`, false);
        await adminSession.subscribe('stream-room-messages', '__my_messages__', false);
        for (let i = 0; i < 3; i++) {
            users.push(await ws.createUser(`adm${i}`));
            clients.push(await connectClient(ws.url, users[i]));
        }
        await pollUntil(
            () => appSetting('presence_service_enabled'),
            (value) => value === false,
            { what: 'the service to turn off at 4 users online' },
        );
    }, 120_000);

    afterAll(async () => {
        clients.forEach(closeClient);
        await adminSession?.close();
        await ws?.stop();
    }, 60_000);

    it("the bot's direct message to the admin is a stored message: on stream-room-messages, never on <uid>/message", async () => {
        const turnedOff = (texts: string[]) => texts.filter((msg) => msg.startsWith('The presence service was turned off'));
        const stored = await pollUntil(
            async () => adminSession.events('__my_messages__').map((args) => args[0] as { msg: string; rid: string; u: { username: string } }),
            (messages) => turnedOff(messages.map((m) => m.msg)).length === 1,
            { what: "the turn-off message on the admin's __my_messages__" },
        );
        const message = stored.find((m) => m.msg.startsWith('The presence service was turned off'));
        expect(message?.u.username).toBe('user-status.bot');
        expect(turnedOff(adminSession.events(`${ws.admin.userId}/message`).map((args) => (args[0] as { msg: string }).msg))).toEqual([]);
    });

    it('connections shows current / cap, where the count comes from, a bar and the state; the first reply carries the notice', async () => {
        const text = withoutChart(await command('connections'));
        expect(text).toBe(
            [
                "Presence is inactive: this workspace exceeded its limit of 3 concurrent connections, so everyone's status shows as disabled until an admin turns the presence service back on.",
                '',
                `Connections: 4 / 3 (${ESTIMATE})`,
                '[████████████████████] 4 / 3 (133%)',
                'Presence service: off (the connection cap was exceeded)',
            ].join('\n'),
        );
        const again = withoutChart(await command('connections'));
        expect(again).toBe(`Connections: 4 / 3 (${ESTIMATE})\n[████████████████████] 4 / 3 (133%)\nPresence service: off (the connection cap was exceeded)`);
    });

    it("a user's first reply from any subcommand after the turn-off carries the notice, once", async () => {
        const user = users[0];
        const session = await ws.openSession(user);
        try {
            await session.subscribe('stream-notify-user', `${user.userId}/message`, false);
            const userReplies = () => session.events(`${user.userId}/message`).map((args) => (args[0] as { msg: string }).msg);
            const ask = async (): Promise<string> => {
                const before = userReplies().length;
                expect((await ws.command(user, 'userstatus', 'show')).status).toBe(200);
                await pollUntil(
                    async () => userReplies().length,
                    (n) => n > before,
                    { what: 'the ephemeral reply' },
                );
                return userReplies()[before];
            };
            expect(await ask()).toBe(
                "Presence is inactive: this workspace exceeded its limit of 3 concurrent connections, so everyone's status shows as disabled until an admin turns the presence service back on.\n\nYour status: Disabled (the presence service is off).",
            );
            expect(await ask()).toBe('Your status: Disabled (the presence service is off).');
        } finally {
            await session.close();
        }
    });

    it('enable is refused over the cap, by the command and by the settings page', async () => {
        expect(await command('enable')).toBe('Cannot enable broadcast when there are more than 3 connections');
        await ws.setAppSettings({ presence_service_enabled: true });
        // the hook refuses at once: the stored value stays off
        expect(await appSetting('presence_service_enabled')).toBe(false);
        expect(await workspaceSetting('Presence_broadcast_disabled')).toBe(true);
    });

    it('the unlimited setting turns the service back on; switching it off applies the cap again at once', async () => {
        await ws.setAppSettings({ presence_cap_unlimited: true });
        await pollUntil(
            () => appSetting('presence_service_enabled'),
            (value) => value === true,
            { what: 'the service to be on' },
        );
        await pollUntil(
            () => workspaceSetting('Presence_broadcast_disabled'),
            (value) => value === false,
            { what: 'Rocket.Chat to broadcast again' },
        );
        expect(await workspaceSetting('Troubleshoot_Disable_Presence_Broadcast')).toBe(false);
        expect(withoutChart(await command('connections'))).toBe(`Connections: 4 / ∞ (${ESTIMATE})\n[░░░░░░░░░░░░░░░░░░░░] 4 / ∞\nPresence service: on`);

        await ws.setAppSettings({ presence_cap_unlimited: false });
        // the switch on the settings page and Rocket.Chat's two settings are written one after the other
        await pollUntil(
            async () => [
                await appSetting('presence_service_enabled'),
                await workspaceSetting('Presence_broadcast_disabled'),
                await workspaceSetting('Troubleshoot_Disable_Presence_Broadcast'),
            ],
            ([enabled, disabled, troubleshoot]) => enabled === false && disabled === true && troubleshoot === true,
            { what: 'the service to turn off again, on the settings page and in Rocket.Chat' },
        );
    });

    it('enable works once at the cap', async () => {
        closeClient(clients.pop() as DDPSDK);
        await pollUntil(
            () => ws.app('GET', 'presence.getConnections', undefined, ws.admin),
            (res) => res.body.current === 3,
            { what: '3 users online' },
        );
        expect(await command('enable')).toBe('The presence service is on again (3 / 3 connections).');
        await pollUntil(
            () => appSetting('presence_service_enabled'),
            (value) => value === true,
            { what: 'the switch on the settings page' },
        );
        expect(await command('enable')).toBe('The presence service is already on.');
    });
});
