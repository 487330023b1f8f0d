/**
 * Rocket.Chat's timing, as the workspace models it:
 * - each instance publishes its connection count through `updateConns`, throttled to 30 s
 *   (apps/meteor/server/startup/presence.ts): a count read right after a login is stale;
 * - a password login answers only once the apps' IPostUserLoggedIn has run
 *   (apps/meteor/app/authentication/server/startup/index.js);
 * - one presence service per instance (apps/meteor/server/startup/localServices.ts): REST
 *   presence.enableBroadcast turns on the serving instance only; the troubleshooting switch's watcher
 *   runs on every instance, after its debounce;
 * - app logs kept for their time to live (packages/models/src/models/AppsLogs.ts, Apps_Logs_TTL).
 */
import { startWorkspace, type Creds, type DdpSession, type TestWorkspace } from '../helpers/workspace';
import { pollUntil } from '../helpers/poll';

const count = async (ws: TestWorkspace) => (await ws.request('GET', '/api/v1/presence.getConnections', undefined, ws.admin)).body.current as number;

describe("local workspace: the connection count at Rocket.Chat's pace (30 s)", () => {
    let ws: TestWorkspace;
    const open: DdpSession[] = [];

    beforeAll(async () => {
        ws = await startWorkspace({ env: { CONNECTIONS_REFRESH_MS: '30000' } });
    });

    afterAll(async () => {
        for (const s of open) await s.close();
        await ws?.stop();
    });

    it('counts the first login at once, a login within the next 30 s only at the end of the window', async () => {
        const user = await ws.createUser('pacer');
        open.push(await ws.openSession(user));
        await pollUntil(
            () => count(ws),
            (n) => n === 1,
            { what: 'the first login published' },
        );
        open.push(await ws.openSession(user));
        // the second session is open and logged in, its instance has not published it yet
        expect((await ws.instances())[0].connections).toBe(2);
        expect(await count(ws)).toBe(1);
        await pollUntil(
            () => count(ws),
            (n) => n === 2,
            { what: 'the trailing publication', timeoutMs: 60_000, intervalMs: 500 },
        );
    }, 90_000);
});

describe('local workspace: INSTANCES=2, one presence service per instance', () => {
    let ws: TestWorkspace;

    beforeAll(async () => {
        ws = await startWorkspace({ env: { INSTANCES: '2' } });
    });

    afterAll(async () => {
        await ws?.stop();
    });

    it('the troubleshooting switch reaches every instance; presence.enableBroadcast only the one that serves it', async () => {
        await ws.setWorkspaceSetting('Troubleshoot_Disable_Presence_Broadcast', true);
        await ws.waitForBroadcast(false);
        const enabled = await ws.request('POST', '/api/v1/presence.enableBroadcast', undefined, ws.admin);
        expect(enabled.body).toEqual({ success: true });
        const served = Number(enabled.headers['x-instance-id']);
        const states = await ws.instances();
        expect(states.map((i) => i.broadcastEnabled)).toEqual(states.map((i) => i.instance === served));
        await ws.setWorkspaceSetting('Troubleshoot_Disable_Presence_Broadcast', false);
        await ws.waitForBroadcast(true);
    });

    it('a status change is broadcast only by the service of the instance that handles it', async () => {
        const user = await ws.createUser('perinstance');
        await ws.setWorkspaceSetting('Troubleshoot_Disable_Presence_Broadcast', true);
        await ws.waitForBroadcast(false);
        try {
            const on = Number((await ws.request('POST', '/api/v1/presence.enableBroadcast', undefined, ws.admin)).headers['x-instance-id']);
            // a realtime session on each instance; each one's status change is handled by its own instance
            const sessions: DdpSession[] = [];
            while (new Set(sessions.map((s) => s.messages.find((m) => m.msg === 'connected')?.instance)).size < 2) {
                sessions.push(await ws.openSession(user));
            }
            const seq = (await ws.appEvents()).reduce((m, e) => Math.max(m, e.seq), 0);
            for (const s of sessions) {
                await s.call('UserPresence:setDefaultStatus', 'busy');
                await s.call('UserPresence:setDefaultStatus', 'online');
            }
            const marker = await ws.createUser('perinstancemark');
            const events = await pollUntil(
                () => ws.appEvents(seq),
                (all) => all.some((e) => e.event === 'IPostUserLoggedIn' && e.data?.id === marker.userId),
            );
            const changes = events.filter((e) => e.event === 'IPostUserStatusChanged' && e.data?.user?.id === user.userId);
            // only the broadcasting instance's changes went out (each to both instances' apps)
            const sessionsOn = sessions.filter((s) => s.messages.find((m) => m.msg === 'connected')?.instance === on).length;
            expect(changes.length).toBeGreaterThan(0);
            expect(changes.length).toBeLessThanOrEqual(sessionsOn * 2 * 2);
            for (const s of sessions) await s.close();
        } finally {
            await ws.setWorkspaceSetting('Troubleshoot_Disable_Presence_Broadcast', false);
            await ws.waitForBroadcast(true);
        }
    });
});

describe('local workspace: a password login waits for the apps’ IPostUserLoggedIn; app logs have a time to live', () => {
    let ws: TestWorkspace;
    let user: Creds;

    beforeAll(async () => {
        ws = await startWorkspace({ env: { APP_LOGS_TTL_MS: '4000', APP_LOGS_SWEEP_MS: '500' } });
        user = await ws.createUser('awaited');
    });

    afterAll(async () => {
        await ws?.stop();
    });

    it("answers a REST password login after the app's listener ran: what it armed is there when the login answers", async () => {
        // with the service off, the app's login listener arms a follow-up job for that user (the notice)
        await ws.setAppSettings({ presence_service_enabled: false });
        await pollUntil(
            async () => (await ws.app('GET', 'users.getStatus', undefined, user)).body.status,
            (status) => status === 'disabled',
            { what: 'the service off' },
        );
        await ws.loginRest('awaited', user.password as string);
        expect(await ws.runJobsNow('presence-login-follow-up')).toBeGreaterThanOrEqual(1);
        const dm = await pollUntil(
            async () => ((await ws.request('GET', '/api/v1/im.messages?username=user-status.bot', undefined, user)).body.messages ?? []) as unknown[],
            (messages) => messages.length > 0,
            { what: 'the notice' },
        );
        expect(dm).toHaveLength(1);
        await ws.setAppSettings({ presence_service_enabled: true });
    });

    it('keeps app log entries for their time to live: then reads skip them and the sweep deletes their files', async () => {
        const logs = async () =>
            (await ws.request('GET', `/api/apps/${ws.appId}/logs?count=5`, undefined, ws.admin)).body as { total: number; logs: Array<{ _createdAt: string }> };
        const stats = async () =>
            (await ws.request('GET', '/api/workspace/stats', undefined, ws.admin)).body.appLogs as { stored: number; expired: number; bytes: number };
        for (let n = 0; n < 3; n++) await ws.app('GET', 'users.getStatus', undefined, user);
        const before = await pollUntil(logs, (l) => l.total > 0, { what: 'the calls in the logs' });
        expect(before.logs.length).toBeGreaterThan(0);
        const onDisk = await pollUntil(stats, (s) => s.stored > 0 && s.bytes > 0, { what: 'entries on disk' });
        const loggedBy = Date.now();
        // the TTL (4 s here) passes, the sweep runs every 0.5 s: the entries of these calls leave reads and disk
        // (the app's own jobs may log newer ones meanwhile)
        await pollUntil(
            async () => ({ logs: await logs(), stats: await stats() }),
            (now) => now.stats.expired >= onDisk.stored && now.logs.logs.every((l) => Date.parse(l._createdAt) > loggedBy - 1000),
            { what: 'the sweep', timeoutMs: 30_000, intervalMs: 250 },
        );
    });
});
