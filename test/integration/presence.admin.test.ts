/**
 * The admin's side of the presence service on the local workspace, with a cap of 3: the slash
 * subcommands (connections, enable), the settings page refusing to switch the service on over
 * the cap, `presence_cap_unlimited` turning it back on, and switching it off again re-applying
 * the cap at once.
 */
import { startWorkspace } from '../helpers/workspace';

type Workspace = Awaited<ReturnType<typeof startWorkspace>>;
type Creds = Awaited<ReturnType<Workspace['createUser']>>;
type Session = Awaited<ReturnType<Workspace['openSession']>>;

async function until(what: string, probe: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await probe())) {
        if (Date.now() > deadline) {
            throw new Error(`timed out waiting for ${what}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
    }
}

describe('presence service, admin side (local workspace, cap 3)', () => {
    let ws: Workspace;
    let adminSession: Session;
    const sessions: Session[] = [];
    const users: Creds[] = [];

    const appSetting = async (id: string) => {
        const res = await ws.request('GET', `/api/apps/${ws.appId}/settings`, undefined, ws.admin);
        return (res.body as { settings: Record<string, { value: unknown }> }).settings[id].value;
    };
    const workspaceSetting = async (id: string) => ((await ws.request('GET', `/api/v1/settings/${id}`, undefined, ws.admin)).body as { value: unknown }).value;
    /** The admin's direct message from the bot also comes down this stream: it is not a reply. */
    const replies = (): string[] =>
        adminSession
            .events(`${ws.admin.userId}/message`)
            .map((args) => (args[0] as { msg: string }).msg)
            .filter((msg) => !msg.startsWith('The presence service was turned off'));
    /** Runs a slash command as the admin and returns the text of the ephemeral reply it gets. */
    const command = async (params: string): Promise<string> => {
        const before = replies().length;
        const res = await ws.command(ws.admin, 'userstatus', params);
        expect(res.status).toBe(200);
        await until('the ephemeral reply', async () => replies().length > before);
        return replies()[before];
    };

    beforeAll(async () => {
        ws = await startWorkspace();
        await ws.setAppSettings({ presence_service_enabled: true, presence_connection_cap: 3, presence_cap_unlimited: false });
        adminSession = await ws.openSession(ws.admin);
        await adminSession.subscribe('stream-notify-user', `${ws.admin.userId}/message`, false);
        for (let i = 0; i < 3; i++) {
            users.push(await ws.createUser(`adm${i}`));
            sessions.push(await ws.openSession(users[i]));
        }
        await until('the service to turn off at 4 connections', async () => (await appSetting('presence_service_enabled')) === false);
    }, 120_000);

    afterAll(async () => {
        for (const s of [...sessions, adminSession]) {
            await s?.close();
        }
        await ws?.stop();
    }, 60_000);

    it('connections shows current / cap, a bar and the state; the first reply carries the notice', async () => {
        const text = await command('connections');
        expect(text).toContain('Presence is inactive: this workspace exceeded its limit of 3 concurrent connections');
        expect(text).toContain('Connections: 4 / 3\n[████████████████████] 4 / 3 (133%)\nPresence service: off');
        const again = await command('connections');
        expect(again).not.toContain('Presence is inactive');
    });

    it("a user's first reply from any subcommand after the turn-off carries the notice, once", async () => {
        const user = users[0];
        const session = sessions[0];
        await session.subscribe('stream-notify-user', `${user.userId}/message`, false);
        const userReplies = () => session.events(`${user.userId}/message`).map((args) => (args[0] as { msg: string }).msg);
        const ask = async (): Promise<string> => {
            const before = userReplies().length;
            expect((await ws.command(user, 'userstatus', 'show')).status).toBe(200);
            await until('the ephemeral reply', async () => userReplies().length > before);
            return userReplies()[before];
        };
        const first = await ask();
        expect(first).toContain('Presence is inactive: this workspace exceeded its limit of 3 concurrent connections');
        expect(await ask()).not.toContain('Presence is inactive');
    });

    it('enable is refused over the cap, by the command and by the settings page', async () => {
        expect(await command('enable')).toBe('Cannot enable broadcast when there are more than 3 connections');
        await ws.setAppSettings({ presence_service_enabled: true });
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(await appSetting('presence_service_enabled')).toBe(false);
        expect(await workspaceSetting('Presence_broadcast_disabled')).toBe(true);
    });

    it('the unlimited setting turns the service back on; switching it off applies the cap again at once', async () => {
        await ws.setAppSettings({ presence_cap_unlimited: true });
        await until('the service to be on', async () => (await appSetting('presence_service_enabled')) === true);
        await until('the workspace broadcast to be on', async () => (await workspaceSetting('Troubleshoot_Disable_Presence_Broadcast')) === false);
        await until('the workspace broadcast to be on', async () => (await workspaceSetting('Presence_broadcast_disabled')) === false, 2_000);
        expect(await command('connections')).toBe('Connections: 4 / ∞\n[░░░░░░░░░░░░░░░░░░░░] 4 / ∞\nPresence service: on');

        await ws.setAppSettings({ presence_cap_unlimited: false });
        await until('the service to turn off again', async () => (await appSetting('presence_service_enabled')) === false);
        // the app setting goes first, the workspace settings right after it
        await until('the workspace broadcast to be off', async () => (await workspaceSetting('Presence_broadcast_disabled')) === true, 2_000);
        await until('the workspace broadcast to be off', async () => (await workspaceSetting('Troubleshoot_Disable_Presence_Broadcast')) === true, 2_000);
    });

    it('enable works once at the cap', async () => {
        await sessions.pop()!.close();
        await until(
            '3 connections',
            async () => ((await ws.app('GET', 'presence.getConnections', undefined, ws.admin)).body as { current: number }).current === 3,
        );
        expect(await command('enable')).toBe('The presence service is on again (3 / 3 connections).');
        expect(await appSetting('presence_service_enabled')).toBe(true);
        expect(await command('enable')).toBe('The presence service is already on.');
    });
});
