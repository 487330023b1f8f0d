/**
 * The compatibility smoke suite: the package installed and used through each kind of entry point on
 * the Apps-Engine the workspace runs. `npm test` runs it on the project's engine; the compatibility
 * run (scripts/compat-engine.js) runs it again with `APPS_ENGINE_DIR` on each claimed engine that
 * ships a runtime, and `EXPECTED_APPS_ENGINE_VERSION` makes sure the workspace really ran that one.
 */
import { startWorkspace, type Creds, type TestWorkspace } from '../helpers/workspace';
import { pollUntil } from '../helpers/poll';

describe('compatibility smoke: the app on the workspace engine', () => {
    let ws: TestWorkspace;
    let user: Creds;

    beforeAll(async () => {
        ws = await startWorkspace();
        user = await ws.createUser('compatuser');
    });

    afterAll(async () => {
        await ws?.stop();
    });

    it('runs the engine it was asked for, with the app installed and enabled', async () => {
        const expected = process.env.EXPECTED_APPS_ENGINE_VERSION;
        if (expected) expect(ws.engineVersion).toBe(expected);
        const apps = await ws.request('GET', '/api/apps', undefined, ws.admin);
        expect(apps.body.apps).toEqual([expect.objectContaining({ id: ws.appId, status: expect.stringMatching(/^(auto|manually)_enabled$/) })]);
    });

    it('answers its REST endpoints and writes the workspace user', async () => {
        const set = await ws.app('POST', 'users.setStatus', { status: 'busy', message: 'Compat check' }, user);
        expect(set.status).toBe(200);
        expect(set.body).toEqual({ success: true });
        const info = await ws.request('GET', `/api/v1/users.info?userId=${user.userId}`, undefined, ws.admin);
        expect(info.body.user).toMatchObject({ statusText: 'Compat check' });
        const bad = await ws.app('POST', 'users.setStatus', { status: 'bogus' }, user);
        expect(bad.status).toBe(400);
        expect(bad.body).toMatchObject({ success: false, errorType: 'error-invalid-status' });
    });

    it('runs its slash command, keeps its records and runs its jobs', async () => {
        const command = await ws.command(user, 'status', 'away Compat command');
        expect(command.status).toBe(200);
        expect((await ws.request('GET', '/api/v1/me', undefined, user)).body.statusText).toBe('Compat command');

        const created = await ws.app('POST', 'custom-user-status.create', { name: 'Compat lunch', statusType: 'away' }, ws.admin);
        expect(created.status).toBe(200);
        const listed = await ws.app('GET', 'custom-user-status.list', { name: 'Compat' }, user);
        expect(listed.body.statuses).toEqual([expect.objectContaining({ name: 'Compat lunch', statusType: 'away' })]);

        expect(await ws.runJobsNow()).toBeGreaterThanOrEqual(0);
    });

    it('takes an admin setting change through its setting hooks', async () => {
        await ws.setAppSettings({ presence_warning_percent: 75 });
        const settings = await pollUntil(
            async () => (await ws.request('GET', `/api/apps/${ws.appId}/settings`, undefined, ws.admin)).body.settings,
            (s) => s.presence_warning_percent.value === 75,
            { what: 'the setting to be stored' },
        );
        expect(settings.presence_warning_percent.value).toBe(75);
    });
});
