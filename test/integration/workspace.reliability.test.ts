/**
 * Reliability of the local workspace: data survives a stop/start with the same DATA_DIR, and the
 * engine's LivenessManager restarts the app's Deno subprocess after it is killed.
 */
import { startWorkspace, type TestWorkspace } from '../helpers/workspace';
import { pollUntil } from '../helpers/poll';

describe('local workspace: restarts and runtime recovery', () => {
    let ws: TestWorkspace;

    beforeAll(async () => {
        ws = await startWorkspace();
    });

    afterAll(async () => {
        await ws?.stop();
    });

    it('keeps users, logins, settings and app settings across a restart', async () => {
        const user = await ws.createUser('wskeep');
        await ws.setWorkspaceSetting('Accounts_Default_User_Preferences_idleTimeLimit', 42);
        await ws.setAppSettings({ roles_edit_other_user_status: 'admin,wskeeper' });
        expect((await ws.command(user, 'status', 'Kept across restarts')).status).toBe(200);
        // an admin's public address (behind a proxy, with TLS) is not rewritten to the loopback one
        await ws.setWorkspaceSetting('Site_Url', 'https://chat.example.com');
        const dataDir = ws.dataDir;

        await ws.restart();

        expect(ws.dataDir).toBe(dataDir);
        const me = await ws.request('GET', '/api/v1/me', undefined, user);
        expect(me.status).toBe(200);
        expect(me.body).toMatchObject({ username: 'wskeep', statusText: 'Kept across restarts', status: 'offline' });
        expect((await ws.request('GET', '/api/v1/settings/Accounts_Default_User_Preferences_idleTimeLimit', undefined, ws.admin)).body.value).toBe(42);
        expect((await ws.request('GET', '/api/v1/settings/Site_Url', undefined, ws.admin)).body.value).toBe('https://chat.example.com');
        const after = (await ws.request('GET', `/api/apps/${ws.appId}/settings`, undefined, ws.admin)).body.settings;
        expect(after.roles_edit_other_user_status.value).toBe('admin,wskeeper');
        const apps = await ws.request('GET', '/api/apps', undefined, ws.admin);
        expect(apps.body.apps).toHaveLength(1);
        expect(apps.body.apps[0]).toMatchObject({ id: ws.appId });
        expect(apps.body.apps[0].status).toMatch(/enabled/);
        expect(apps.body.apps[0].status).not.toMatch(/disabled/);
        const commands = (await ws.request('GET', '/api/v1/commands.list', undefined, user)).body.commands as Array<{ command: string; appId?: string }>;
        expect(commands.some((c) => c.appId === ws.appId)).toBe(true);
    });

    it('recovers the app after its Deno subprocess is killed', async () => {
        const before = await ws.app('GET', 'users.getStatus', undefined, ws.admin);
        await ws.killAppRuntime();
        const after = await pollUntil(
            () => ws.app('GET', 'users.getStatus', undefined, ws.admin),
            (res) => res.status === before.status,
            { what: 'the app to answer again', intervalMs: 250 },
        );
        expect(after.status).toBe(before.status);
        expect(after.body).toEqual(before.body);
        // Slash commands run through the restarted runtime too.
        const cmd = await ws.command(ws.admin, 'status', 'after the crash');
        expect(cmd.body).toEqual({ success: true });
    });
});
