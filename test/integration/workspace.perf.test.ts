/**
 * What the benches rely on: extra packages installed beside the app (EXTRA_APP_PACKAGES, here the
 * bench's fixture app), app logs written off the request path and still readable (Rocket.Chat's
 * GET /api/apps/:id/logs), the local diagnostics GET /api/workspace/stats (with each app's
 * persistence bridge counters) and POST /api/workspace/users.seed (with login tokens); stored logs
 * survive a restart.
 */
import { startWorkspace, type Creds, type TestWorkspace } from '../helpers/workspace';
import { pollUntil } from '../helpers/poll';
import { packageFixture, type FixturePackage } from '../../bench/lib/fixture';

describe('local workspace: extra packages, app logs, bench diagnostics', () => {
    let ws: TestWorkspace;
    let fixture: FixturePackage;
    let user: Creds;

    const fixtureCall = (method: string, endpoint: string, body?: unknown, creds?: Creds) =>
        ws.request(method, `/api/apps/public/${fixture.appId}/${endpoint}`, body, creds);

    beforeAll(async () => {
        fixture = packageFixture();
        ws = await startWorkspace({ env: { EXTRA_APP_PACKAGES: fixture.zip } });
        user = await ws.createUser('perfuser');
    });

    afterAll(async () => {
        await ws?.stop();
    });

    it('installs and enables the extra package beside the app, which stays the primary one', async () => {
        expect(ws.extraAppIds).toEqual([fixture.appId]);
        expect(ws.appId).not.toBe(fixture.appId);
        const apps = (await ws.request('GET', '/api/apps', undefined, ws.admin)).body.apps as Array<{ id: string; status: string }>;
        expect(apps.map((a) => a.id).sort()).toEqual([ws.appId, fixture.appId].sort());
        expect(apps.every((a) => a.status === 'manually_enabled' || a.status === 'auto_enabled')).toBe(true);
    });

    it("serves the fixture's endpoints: a login is checked by the endpoint, setStatus changes the status", async () => {
        expect((await fixtureCall('GET', 'noop')).status).toBe(401);
        expect((await fixtureCall('GET', 'noop', undefined, user)).body).toEqual({ success: true });
        const session = await ws.openSession(user); // connected, so the chosen status shows
        try {
            expect((await fixtureCall('POST', 'users.setStatus', { status: 'busy', message: 'Fixture' }, user)).body).toEqual({ success: true });
            const info = (await ws.request('GET', `/api/v1/users.info?userId=${user.userId}`, undefined, ws.admin)).body.user;
            expect(info).toMatchObject({ status: 'busy', statusText: 'Fixture' });
            const status = (await fixtureCall('GET', 'users.getStatus', undefined, user)).body;
            expect(status).toEqual({ _id: user.userId, status: 'busy', connectionStatus: 'online', success: true });
        } finally {
            await session.close();
        }
    });

    it("keeps the app calls' log entries readable through Rocket.Chat's logs route, newest first", async () => {
        for (let i = 0; i < 5; i++) await fixtureCall('GET', 'noop', undefined, user);
        const logs = await pollUntil(
            async () => (await ws.request('GET', `/api/apps/${fixture.appId}/logs?count=3`, undefined, ws.admin)).body,
            (body) => body.total >= 5,
            { what: 'the fixture calls in the app logs' },
        );
        expect(logs).toMatchObject({ success: true, offset: 0, count: 3 });
        expect(logs.logs.every((l: { appId: string }) => l.appId === fixture.appId)).toBe(true);
        const times = logs.logs.map((l: { _createdAt: string }) => new Date(l._createdAt).getTime());
        expect([...times].sort((a, b) => b - a)).toEqual(times);
        expect((await ws.request('GET', `/api/apps/${fixture.appId}/logs`, undefined, user)).status).toBe(403);
        expect((await ws.request('GET', '/api/apps/no-such-app/logs', undefined, ws.admin)).status).toBe(404);
        // written in the background: nothing lost, nothing waits for long
        const stats = await pollUntil(
            async () => (await ws.request('GET', '/api/workspace/stats', undefined, ws.admin)).body,
            (body) => body.appLogs.pending === 0 && body.appLogs.written > 0,
            { what: 'the app logs to be written' },
        );
        expect(stats.appLogs.dropped).toBe(0);
        expect(stats.process.rss).toBeGreaterThan(0);
        expect(stats.runtimes[ws.appId].pid).toBeGreaterThan(0);
    });

    it('seeds users straight into the store, and hands their logins to the apps when asked', async () => {
        const before = (await ws.request('GET', '/api/workspace/stats', undefined, ws.admin)).body.users as number;
        const seeded = await ws.request('POST', '/api/workspace/users.seed', { count: 30, prefix: 'seeded-', login: true }, ws.admin);
        expect(seeded.body).toEqual({ seeded: 30, loggedIn: 30, success: true });
        expect((await ws.request('GET', '/api/workspace/stats', undefined, ws.admin)).body.users).toBe(before + 30);
        const info = (await ws.request('GET', '/api/v1/users.info?username=seeded-7', undefined, ws.admin)).body.user;
        expect(info).toMatchObject({ username: 'seeded-7', status: 'offline' });
        expect((await ws.request('POST', '/api/workspace/users.seed', { count: 0 }, ws.admin)).status).toBe(400);
        expect((await ws.request('POST', '/api/workspace/users.seed', { count: 1 }, user)).status).toBe(403);
    });

    it("counts each app's persistence bridge calls and the records they read and wrote, in the stats", async () => {
        const persistence = async () => (await ws.request('GET', '/api/workspace/stats', undefined, ws.admin)).body.persistence;
        const before = await persistence();
        expect(before[fixture.appId]).toMatchObject({ calls: 0, recordsRead: 0, recordsWritten: 0, stored: 0 });
        // the project's users.setStatus reads the caller's records and notes a recent status (a new pair: one write)
        expect((await ws.app('POST', 'users.setStatus', { status: 'away', message: `Counted ${Date.now()}` }, user)).body).toEqual({ success: true });
        const after = await pollUntil(persistence, (p) => p[ws.appId].recordsWritten > before[ws.appId].recordsWritten, {
            what: 'the write to be counted',
        });
        const [b, a] = [before[ws.appId], after[ws.appId]];
        expect(a.calls).toBeGreaterThanOrEqual(b.calls + 2);
        expect(a.byMethod.readByAssociations).toBeGreaterThan(b.byMethod.readByAssociations ?? 0);
        expect(a.bytesWritten).toBeGreaterThan(b.bytesWritten);
        expect(a.stored).toBeGreaterThanOrEqual(1);
        // the fixture touches no persistence
        expect(after[fixture.appId]).toMatchObject({ calls: 0, stored: 0 });
        expect((await ws.request('GET', '/api/workspace/stats', undefined, user)).status).toBe(403);
    });

    it('seeds users with login tokens that work for REST, commands and a realtime session', async () => {
        const res = await ws.request('POST', '/api/workspace/users.seed', { count: 3, prefix: 'tokened-', tokens: true }, ws.admin);
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({ seeded: 3, loggedIn: 0, success: true });
        const seeded = res.body.users as Creds[];
        expect(seeded.map((u) => u.username)).toEqual(['tokened-0', 'tokened-1', 'tokened-2']);
        const [first] = seeded;
        expect(first.authToken).toEqual(expect.any(String));
        expect((await ws.request('GET', '/api/v1/me', undefined, first)).body).toMatchObject({ _id: first.userId, username: 'tokened-0' });
        expect((await ws.app('POST', 'users.setStatus', { status: 'busy', message: 'Seeded' }, first)).body).toEqual({ success: true });
        expect((await ws.command(first, 'status', 'message Seeded by command')).status).toBe(200);
        const info = (await ws.request('GET', `/api/v1/users.info?userId=${first.userId}`, undefined, ws.admin)).body.user;
        expect(info).toMatchObject({ statusText: 'Seeded by command' });
        const session = await ws.openSession(first);
        try {
            expect(session.userId).toBe(first.userId);
        } finally {
            await session.close();
        }
        // another user's token is not this user's
        expect((await ws.request('GET', '/api/v1/me', undefined, { ...first, authToken: seeded[1].authToken })).status).toBe(401);
        // without `tokens`, no tokens in the answer
        expect((await ws.request('POST', '/api/workspace/users.seed', { count: 1, prefix: 'untokened-' }, ws.admin)).body.users).toBeUndefined();
    });

    it('finds the stored logs again after a restart, and installs the extra package again', async () => {
        await ws.restart();
        expect(ws.extraAppIds).toEqual([fixture.appId]);
        const logs = (await ws.request('GET', `/api/apps/${fixture.appId}/logs`, undefined, ws.admin)).body;
        expect(logs.total).toBeGreaterThanOrEqual(5);
        expect((await fixtureCall('GET', 'noop', undefined, user)).body).toEqual({ success: true });
    });
});
