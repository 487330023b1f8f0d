/**
 * INSTANCES=2: two server instances over the one store, each with its own app runtime (AppManager and
 * Deno subprocess), as a Rocket.Chat cluster over one MongoDB: requests and sessions spread over the
 * instances, events reaching the right instance's app, persistence, jobs and app settings shared.
 */
import { startWorkspace, type AppEvent, type DdpSession, type TestWorkspace, type WorkspaceResponse } from '../helpers/workspace';
import { pollUntil } from '../helpers/poll';

interface JobRun {
    seq: number;
    name: string;
    instance: number;
    at: string;
    trigger: 'schedule' | 'runDue';
}

interface SettingHookRun {
    seq: number;
    instance: number;
    settingId: string;
    value: unknown;
}

describe('local workspace: INSTANCES=2', () => {
    let ws: TestWorkspace;
    const open: DdpSession[] = [];

    const servedBy = (res: WorkspaceResponse) => Number(res.headers['x-instance-id']);
    const sessionInstance = (session: DdpSession) => session.messages.find((m) => m.msg === 'connected')?.instance as number;
    const session = async () => {
        const s = await ws.openSession();
        open.push(s);
        return s;
    };
    const lastEventSeq = async () => (await ws.appEvents()).reduce((m, e) => Math.max(m, e.seq), 0);
    const jobRuns = async (after = 0): Promise<JobRun[]> => (await ws.request('GET', `/api/workspace/jobRuns?after=${after}`, undefined, ws.admin)).body.runs;
    const settingHooks = async (after = 0): Promise<SettingHookRun[]> =>
        (await ws.request('GET', `/api/workspace/settingHooks?after=${after}`, undefined, ws.admin)).body.hooks;
    const lastSeq = (entries: Array<{ seq: number }>) => entries.reduce((m, e) => Math.max(m, e.seq), 0);
    /** A request as `path` again until the other instance (than `instance`) serves it. */
    const fromOtherInstance = async (instance: number, send: () => Promise<WorkspaceResponse>) =>
        pollUntil(send, (res) => servedBy(res) !== instance, { what: 'a response from the other instance', intervalMs: 1 });

    beforeAll(async () => {
        ws = await startWorkspace({ env: { INSTANCES: '2' } });
    });

    afterAll(async () => {
        for (const s of open) await s.close();
        await ws?.stop();
    });

    it('serves REST requests from the instances in turn, named in X-Instance-Id', async () => {
        const served: number[] = [];
        for (let i = 0; i < 4; i++) {
            const res = await ws.request('GET', '/api/info');
            expect(res.status).toBe(200);
            served.push(servedBy(res));
        }
        expect([...new Set(served)].sort()).toEqual([0, 1]);
        expect(served[1]).not.toBe(served[0]);
        expect(served[2]).toBe(served[0]);
        expect(served[3]).toBe(served[1]);
    });

    it('gives realtime sessions to the instances in turn', async () => {
        const sessions = [await session(), await session(), await session()];
        const instances = sessions.map(sessionInstance);
        expect([...new Set(instances)].sort()).toEqual([0, 1]);
        expect(instances[1]).not.toBe(instances[0]);
        expect(instances[2]).toBe(instances[0]);
    });

    it("hands a DDP login's IPostUserLoggedIn to that session's instance only, and the status change to every instance", async () => {
        const user = await ws.createUser('instlogin', { password: 'inst-password-1' });
        const seq = await lastEventSeq();
        const sessions = [await session(), await session()];
        for (const s of sessions) await s.call('login', { user: { username: 'instlogin' }, password: 'inst-password-1' });
        const loginsOf = (events: AppEvent[]) => events.filter((e) => e.event === 'IPostUserLoggedIn' && e.data?.id === user.userId);
        const events = await pollUntil(
            () => ws.appEvents(seq),
            (all) => loginsOf(all).length >= 2 && all.some((e) => e.event === 'IPostUserStatusChanged' && e.data?.user?.id === user.userId),
            { what: 'the login events' },
        );
        expect(loginsOf(events).map((e) => e.instance)).toEqual(sessions.map(sessionInstance));
        expect(new Set(sessions.map(sessionInstance)).size).toBe(2);
        // presence.status is a broker broadcast: each instance's AppsEngineService hands it to its own app
        const online = await pollUntil(
            async () => (await ws.appEvents(seq)).filter((e) => e.event === 'IPostUserStatusChanged' && e.data?.user?.id === user.userId),
            (changes) => changes.length >= 2,
            { what: 'the status change on both instances' },
        );
        expect(online.map((e) => e.instance).sort()).toEqual([0, 1]);
        expect(online.every((e) => e.data.currentStatus === 'online')).toBe(true);
    });

    it("hands a REST login's IPostUserLoggedIn to the instance that served it", async () => {
        await ws.createUser('instrest', { password: 'inst-password-2' });
        const seq = await lastEventSeq();
        const served: number[] = [];
        for (let i = 0; i < 2; i++) {
            const res = await ws.request('POST', '/api/v1/login', { user: 'instrest', password: 'inst-password-2' });
            expect(res.status).toBe(200);
            served.push(servedBy(res));
        }
        const logins = await pollUntil(
            async () => (await ws.appEvents(seq)).filter((e) => e.event === 'IPostUserLoggedIn' && e.data?.username === 'instrest'),
            (events) => events.length >= 2,
            { what: 'two login events' },
        );
        expect(logins.map((e) => e.instance)).toEqual(served);
    });

    it('shares app persistence: a custom status created through one instance is listed through the other', async () => {
        const hooksBefore = lastSeq(await settingHooks());
        const created = await ws.app('POST', 'custom-user-status.create', { name: 'Cluster', statusType: 'busy' }, ws.admin);
        expect(created.status).toBe(200);
        const listed = await fromOtherInstance(servedBy(created), () => ws.app('GET', 'custom-user-status.list', { name: 'Cluster' }, ws.admin));
        expect(listed.status).toBe(200);
        expect(listed.body.total).toBe(1);
        expect(listed.body.statuses[0]).toMatchObject({ _id: created.body.customUserStatus._id, name: 'Cluster', statusType: 'busy' });
        // the app writes its settings text back (its own `updateValue`): the hooks run on both instances, with one value
        const hooks = await pollUntil(
            async () => (await settingHooks(hooksBefore)).filter((h) => h.settingId === 'custom_statuses'),
            (runs) => new Set(runs.map((h) => h.instance)).size === 2,
            { what: 'the custom_statuses setting hooks on both instances' },
        );
        expect(String(hooks[0].value)).toContain('Cluster');
    });

    it('runs the setting hooks of an admin change on both instances, and both copies of the app end with the value', async () => {
        const before = lastSeq(await settingHooks());
        await ws.setAppSettings({ roles_edit_other_user_status: 'admin,clusteradmin' });
        const hooks = await pollUntil(
            async () => (await settingHooks(before)).filter((h) => h.settingId === 'roles_edit_other_user_status'),
            (runs) => new Set(runs.map((h) => h.instance)).size === 2,
            { what: 'the setting hooks on both instances' },
        );
        // the instance that stored it skips the broadcast back (same value), the other runs its hooks once
        expect(hooks.map((h) => h.instance).sort()).toEqual([0, 1]);
        expect(hooks.map((h) => h.value)).toEqual(['admin,clusteradmin', 'admin,clusteradmin']);
        const read = async () => ws.request('GET', `/api/apps/${ws.appId}/settings`, undefined, ws.admin);
        const first = await read();
        const second = await fromOtherInstance(servedBy(first), read);
        for (const res of [first, second]) expect(res.body.settings.roles_edit_other_user_status.value).toBe('admin,clusteradmin');
    });

    it('runs a one-time job once for the cluster', async () => {
        const user = await ws.createUser('instjob');
        const runsBefore = lastSeq(await jobRuns());
        const statusText = async () => (await ws.request('GET', `/api/v1/users.info?userId=${user.userId}`, undefined, ws.admin)).body.user.statusText;
        const expiresAt = new Date(Date.now() + 1_500).toISOString();
        expect((await ws.app('POST', 'users.setStatus', { status: 'busy', message: 'Soon over', expiresAt }, user)).body).toEqual({ success: true });
        await pollUntil(statusText, (text) => text === '', { what: 'the expiry job to restore the message', intervalMs: 100 });
        const runs = (await jobRuns(runsBefore)).filter((r) => r.name.startsWith('status-expiry_'));
        expect(runs).toHaveLength(1);
        expect(runs[0].trigger).toBe('schedule');
    });

    it('jobs.runDue runs a recurring job once for the cluster', async () => {
        const runsBefore = lastSeq(await jobRuns());
        expect(await ws.runJobsNow('status-expiry-sweep')).toBe(1);
        const runs = await jobRuns(runsBefore);
        expect(runs.filter((r) => r.name.startsWith('status-expiry-sweep_'))).toEqual([expect.objectContaining({ trigger: 'runDue' })]);
    });

    it('runs a recurring job once per interval for the cluster, although both copies of the app started it', async () => {
        // the presence monitor: every 20 s (PRESENCE_MONITOR_INTERVAL) from the app's onEnable on each instance, the first run at once
        const monitorRuns = async () => (await jobRuns()).filter((r) => r.name.startsWith('presence-monitor_') && r.trigger === 'schedule');
        const runs = await pollUntil(monitorRuns, (all) => all.length >= 2, { what: 'two runs of the presence monitor', timeoutMs: 60_000, intervalMs: 500 });
        const [first, second] = runs.map((r) => Date.parse(r.at));
        expect(second - first).toBeGreaterThanOrEqual(20_000);
        expect(runs.filter((r) => Date.parse(r.at) < first + 20_000)).toHaveLength(1);
    });

    it('presence.getConnections counts the sessions of both instances, as each instance last published them', async () => {
        const current = async () => (await ws.request('GET', '/api/v1/presence.getConnections', undefined, ws.admin)).body.current as number;
        const live = async () => (await ws.instances()).reduce((sum, i) => sum + i.connections, 0);
        const before = await live();
        // logged-in sessions: an instance publishes its count after a login, a logout or a closed socket
        const owner = await ws.createUser('instcount');
        const added: DdpSession[] = [];
        for (let i = 0; i < 4; i++) {
            const s = await ws.openSession(owner);
            open.push(s);
            added.push(s);
        }
        expect(new Set(added.map(sessionInstance)).size).toBe(2);
        const perInstance = await ws.instances();
        expect(perInstance).toHaveLength(2);
        expect(perInstance.every((i) => i.connections >= 2)).toBe(true);
        expect(perInstance.reduce((sum, i) => sum + i.connections, 0)).toBe(before + 4);
        // each instance publishes its count (updateConns, throttled): the sum follows
        await pollUntil(current, (n) => n === before + 4, { what: 'both instances to publish their counts' });
        for (const s of added) await s.close();
        await pollUntil(current, (n) => n === before, { what: 'the closed sessions to be counted out' });
    });

    it("restarts one instance's app runtime without touching the other's", async () => {
        const runtime = async (instance: number) =>
            (await ws.request('GET', `/api/workspace/apps/${ws.appId}/runtime?instance=${instance}`, undefined, ws.admin)).body.runtime as { pid: number };
        const [zero, one] = [await runtime(0), await runtime(1)];
        expect(zero.pid).not.toBe(one.pid);
        await ws.killAppRuntime(1);
        expect((await runtime(0)).pid).toBe(zero.pid);
        expect((await runtime(1)).pid).not.toBe(one.pid);
        const bad = await ws.request('GET', `/api/workspace/apps/${ws.appId}/runtime?instance=2`, undefined, ws.admin);
        expect(bad.status).toBe(400);
    });

    it('starts again with the app enabled on both instances and the shared data kept', async () => {
        for (const s of open.splice(0)) await s.close();
        await ws.restart();
        const apps = async () => ws.request('GET', '/api/apps', undefined, ws.admin);
        const first = await apps();
        const second = await fromOtherInstance(servedBy(first), apps);
        for (const res of [first, second]) {
            expect(res.body.apps).toEqual([expect.objectContaining({ id: ws.appId, status: 'manually_enabled' })]);
        }
        const listed = await ws.app('GET', 'custom-user-status.list', { name: 'Cluster' }, ws.admin);
        expect(listed.body.total).toBe(1);
        const settings = await ws.request('GET', `/api/apps/${ws.appId}/settings`, undefined, ws.admin);
        expect(settings.body.settings.roles_edit_other_user_status.value).toBe('admin,clusteradmin');
    });
});
