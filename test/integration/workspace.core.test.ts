/**
 * The local workspace itself: start/ready, logins, Rocket.Chat REST shapes, bad input answered
 * with 4xx JSON, the app installed and enabled.
 */
import { startWorkspace, type TestWorkspace } from '../helpers/workspace';

describe('local workspace: REST surface', () => {
    let ws: TestWorkspace;

    beforeAll(async () => {
        ws = await startWorkspace();
    });

    afterAll(async () => {
        await ws?.stop();
    });

    it('is ready: /api/info answers 200 with a version', async () => {
        const res = await ws.request('GET', '/api/info');
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({ success: true, version: expect.any(String) });
    });

    it('logs in with good credentials and refuses bad ones', async () => {
        const good = await ws.request('POST', '/api/v1/login', { user: 'admin', password: ws.admin.password });
        expect(good.status).toBe(200);
        expect(good.body).toMatchObject({ status: 'success', data: { userId: ws.admin.userId, authToken: expect.any(String), me: { username: 'admin' } } });
        expect(JSON.stringify(good.body.data.me)).not.toMatch(/hashedToken|scrypt|"hash"|loginTokens/);

        const bad = await ws.request('POST', '/api/v1/login', { user: 'admin', password: 'wrong' });
        expect(bad.status).toBe(401);
        expect(bad.body).toMatchObject({ status: 'error', error: 'Unauthorized' });

        const resume = await ws.request('POST', '/api/v1/login', { resume: ws.admin.authToken });
        expect(resume.status).toBe(200);
    });

    it('answers /api/v1/me only with a valid login', async () => {
        const me = await ws.request('GET', '/api/v1/me', undefined, ws.admin);
        expect(me.status).toBe(200);
        expect(me.body).toMatchObject({ _id: ws.admin.userId, username: 'admin', success: true });
        const anon = await ws.request('GET', '/api/v1/me');
        expect(anon.status).toBe(401);
        expect(anon.body).toMatchObject({ success: false, status: 'error', message: 'You must be logged in to do this.' });
        const forged = await ws.request('GET', '/api/v1/me', undefined, { ...ws.admin, authToken: 'nope' });
        expect(forged.status).toBe(401);
    });

    it('creates users (admin only) and shows them in users.info, looked up by exact username', async () => {
        const user = await ws.createUser('wsuser1', { roles: ['user'] });
        const info = await ws.request('GET', `/api/v1/users.info?username=wsuser1`, undefined, ws.admin);
        expect(info.status).toBe(200);
        expect(info.body.user).toMatchObject({
            _id: user.userId,
            username: 'wsuser1',
            status: 'offline',
            statusConnection: 'offline',
            roles: ['user'],
            canViewAllInfo: true,
        });
        const asOther = await ws.createUser('wsuser1b');
        const limited = await ws.request('GET', `/api/v1/users.info?userId=${user.userId}`, undefined, asOther);
        expect(limited.body.user).toMatchObject({ _id: user.userId, canViewAllInfo: false });
        expect(limited.body.user).not.toHaveProperty('emails');
        expect(limited.body.user).not.toHaveProperty('roles');
        const wrongCase = await ws.request('GET', `/api/v1/users.info?username=WSUSER1`, undefined, ws.admin);
        expect(wrongCase.status).toBe(400);
        expect(wrongCase.body).toEqual({ success: false, error: 'User not found.' });
        const denied = await ws.request('POST', '/api/v1/users.create', { username: 'x1', email: 'x1@example.com', name: 'x', password: 'p' }, user);
        expect(denied.status).toBe(403);
        const duplicate = await ws.request(
            'POST',
            '/api/v1/users.create',
            { username: 'WSUSER1', email: 'other@example.com', name: 'x', password: 'p' },
            ws.admin,
        );
        expect(duplicate.status).toBe(400);
        expect(duplicate.body).toEqual({
            success: false,
            error: 'WSUSER1 is already in use :( [error-field-unavailable]',
            errorType: 'error-field-unavailable',
        });
        const missing = await ws.request('POST', '/api/v1/users.create', { email: 'y@example.com', name: 'y', password: 'p' }, ws.admin);
        expect(missing.body).toEqual({ success: false, error: "must have required property 'username' [invalid-params]", errorType: 'invalid-params' });
        const unknown = await ws.request('GET', '/api/v1/users.info?username=nobody-here', undefined, ws.admin);
        expect(unknown.status).toBe(400);
        expect(unknown.body).toEqual({ success: false, error: 'User not found.' });
        expect((await ws.request('GET', '/api/v1/users.info', undefined, ws.admin)).body).toEqual({ success: false, error: 'Invalid search query.' });
    });

    it('honours users.create `verified`: the e-mail shows in me only when verified', async () => {
        const verified = await ws.createUser('wsverified', { verified: true });
        const unverified = await ws.createUser('wsunverified');
        const me = (await ws.request('GET', '/api/v1/me', undefined, verified)).body;
        expect(me.emails).toEqual([{ address: 'wsverified@example.com', verified: true }]);
        expect(me.email).toBe('wsverified@example.com');
        const other = (await ws.request('GET', '/api/v1/me', undefined, unverified)).body;
        expect(other.emails).toEqual([{ address: 'wsunverified@example.com', verified: false }]);
        expect(other).not.toHaveProperty('email');
        const badType = await ws.request(
            'POST',
            '/api/v1/users.create',
            { username: 'wsv2', email: 'v2@example.com', name: 'v', password: 'p', verified: 'yes' },
            ws.admin,
        );
        expect(badType.body).toEqual({ success: false, error: '/verified must be boolean [invalid-params]', errorType: 'invalid-params' });
    });

    it('deletes users', async () => {
        const user = await ws.createUser('wsgone');
        const res = await ws.request('POST', '/api/v1/users.delete', { userId: user.userId }, ws.admin);
        expect(res).toMatchObject({ status: 200, body: { success: true } });
        const me = await ws.request('GET', '/api/v1/me', undefined, user);
        expect(me.status).toBe(401);
    });

    it('reads and writes workspace settings', async () => {
        for (const [id, value] of [
            ['Accounts_AllowUserStatusMessageChange', true],
            ['Accounts_AllowInvisibleStatusOption', true],
            ['Presence_broadcast_disabled', false],
            ['Troubleshoot_Disable_Presence_Broadcast', false],
            ['Accounts_Default_User_Preferences_idleTimeLimit', 300],
        ] as const) {
            const res = await ws.request('GET', `/api/v1/settings/${id}`, undefined, ws.admin);
            expect(res.status).toBe(200);
            expect(res.body).toEqual({ _id: id, value, success: true });
        }
        await ws.setWorkspaceSetting('Accounts_Default_User_Preferences_idleTimeLimit', 600);
        expect((await ws.request('GET', '/api/v1/settings/Accounts_Default_User_Preferences_idleTimeLimit', undefined, ws.admin)).body.value).toBe(600);
        const wrongType = await ws.request('POST', '/api/v1/settings/Presence_broadcast_disabled', { value: 'maybe' }, ws.admin);
        expect(wrongType.status).toBe(400);
        const unknown = await ws.request('GET', '/api/v1/settings/No_Such_Setting', undefined, ws.admin);
        expect(unknown.status).toBe(400);
    });

    it('lists the app as enabled, with its settings', async () => {
        const res = await ws.request('GET', '/api/apps', undefined, ws.admin);
        expect(res.status).toBe(200);
        expect(res.body.apps).toEqual(
            expect.arrayContaining([expect.objectContaining({ id: ws.appId, name: 'User Status', status: expect.stringMatching(/enabled/) })]),
        );
        expect(res.body.apps[0].status).not.toMatch(/disabled/);
        const settings = await ws.request('GET', `/api/apps/${ws.appId}/settings`, undefined, ws.admin);
        expect(settings.status).toBe(200);
        expect(Object.keys(settings.body.settings).sort()).toEqual(
            [
                'custom_statuses',
                'presence_cap_unlimited',
                'presence_connection_cap',
                'presence_service_enabled',
                'presence_warning_percent',
                'presence_workspace_access_token',
                'presence_workspace_url',
                'presence_workspace_user_id',
                'roles_edit_other_user_status',
                'roles_manage_user_status',
            ].sort(),
        );
    });

    it('lists commands, including the built-in /status and the app commands', async () => {
        const res = await ws.request('GET', '/api/v1/commands.list', undefined, ws.admin);
        expect(res.status).toBe(200);
        const names = (res.body.commands as Array<{ command: string }>).map((c) => c.command);
        expect(names).toContain('status');
    });

    it('creates a DM and reads its messages', async () => {
        const other = await ws.createUser('wsdm');
        const im = await ws.request('POST', '/api/v1/im.create', { username: 'wsdm' }, ws.admin);
        expect(im.status).toBe(200);
        expect(im.body.room).toMatchObject({ _id: expect.any(String), t: 'd' });
        expect(im.body.room.uids).toEqual(expect.arrayContaining([ws.admin.userId, other.userId]));
        const msgs = await ws.request('GET', '/api/v1/im.messages?username=wsdm', undefined, ws.admin);
        expect(msgs.status).toBe(200);
        expect(msgs.body).toMatchObject({ messages: [], success: true });
    });

    it('answers bad input with Rocket.Chat-style 4xx JSON, never a 500', async () => {
        const unknownPath = await ws.request('GET', '/api/v1/no.such.thing', undefined, ws.admin);
        expect(unknownPath.status).toBe(404);
        expect(unknownPath.body).toMatchObject({ success: false, error: expect.any(String) });

        const malformed = await ws.request('POST', '/api/v1/login', '{"user": "admin", ');
        expect(malformed.status).toBe(400);
        expect(malformed.body).toMatchObject({ success: false, error: expect.any(String) });

        const wrongMethod = await ws.request('DELETE', '/api/v1/me', undefined, ws.admin);
        expect(wrongMethod.status).toBe(405);
        expect(wrongMethod.body.success).toBe(false);

        // express.json's limit in Rocket.Chat: 50 MB
        const big = await ws.requestDeclaring('POST', '/api/v1/users.create', 50 * 1024 * 1024 + 1, ws.admin);
        expect(big.status).toBe(413);
        expect(big.body).toMatchObject({ success: false });

        const notObject = await ws.request('POST', '/api/v1/users.create', '[1,2]', ws.admin);
        expect(notObject.status).toBe(400);

        const unknownAppPath = await ws.app('GET', 'no.such.endpoint', undefined, ws.admin);
        expect(unknownAppPath.status).toBe(404);

        const badCommand = await ws.command(ws.admin, 'no-such-command', '');
        expect(badCommand.status).toBe(400);
        expect(badCommand.body).toMatchObject({ success: false, error: 'The command provided does not exist (or is disabled).' });

        // Still alive.
        expect((await ws.request('GET', '/api/info')).status).toBe(200);
    });

    it('serves the app: endpoints with request.user, action buttons, UI interactions', async () => {
        const asAdmin = await ws.app('GET', 'users.getStatus', undefined, ws.admin);
        expect(asAdmin.status).toBe(200);
        expect(asAdmin.headers['content-type']).toMatch(/json/);
        expect(asAdmin.body).toMatchObject({ _id: ws.admin.userId, success: true });

        const buttons = await ws.request('GET', '/api/apps/actionButtons', undefined, ws.admin);
        expect(buttons.status).toBe(200);
        expect(Array.isArray(buttons.body)).toBe(true);
        for (const b of buttons.body as Array<{ appId: string; actionId: string }>) expect(b).toMatchObject({ appId: ws.appId, actionId: expect.any(String) });

        const click = await ws.request(
            'POST',
            `/api/apps/ui.interaction/${ws.appId}`,
            {
                type: 'blockAction',
                actionId: 'workspace-test-unknown-action',
                triggerId: 't1',
                payload: { blockId: 'b', value: 'v' },
                container: { type: 'message', id: 'm' },
            },
            ws.admin,
        );
        expect(click.status).toBe(200);
        const anon = await ws.request('POST', `/api/apps/ui.interaction/${ws.appId}`, { type: 'blockAction', actionId: 'x', payload: {} });
        expect(anon.status).toBe(401);
        const badType = await ws.request('POST', `/api/apps/ui.interaction/${ws.appId}`, { type: 'nope' }, ws.admin);
        expect(badType.status).toBe(400);
        const noView = await ws.request('POST', `/api/apps/ui.interaction/${ws.appId}`, { type: 'viewSubmit', payload: {} }, ws.admin);
        expect(noView.status).toBe(400);
        const unknownApp = await ws.request('POST', '/api/apps/ui.interaction/no-such-app', { type: 'blockAction', payload: {} }, ws.admin);
        expect(unknownApp.status).toBe(404);
    });

    it('never leaks secrets in responses', async () => {
        const res = await ws.request('GET', `/api/v1/users.info?userId=${ws.admin.userId}`, undefined, ws.admin);
        expect(res.text).not.toContain(ws.admin.authToken);
        expect(res.text).not.toContain(ws.admin.password!);
        expect(res.text).not.toMatch(/services|hashedToken|scrypt|loginTokens/);
    });
});
