import { presenceSettingUpdated, presencePreSettingUpdate } from '../../../src/listeners/PresenceSettingsListener';
import { onUserLoggedIn, onUserLoggedOut, onUserStatusChanged } from '../../../src/listeners/PresenceListeners';
import { runPresenceMonitor } from '../../../src/jobs/PresenceMonitorJob';
import { currentConnections, enablePresence, takeInactiveNotice } from '../../../src/services/PresenceService';
import { AppSetting } from '../../../src/settings/AppSetting';
import { FakeWorld } from './fakes';

async function login(world: FakeWorld, id: string, roles?: string[]) {
    const user = world.users.get(id) ?? world.addUser(id, roles);
    const a = world.access();
    await onUserLoggedIn(world.app(), user, a.read, a.http!, a.persis, a.modify);
}

async function logout(world: FakeWorld, id: string) {
    const a = world.access();
    await onUserLoggedOut(world.app(), world.users.get(id)!, a.read, a.http!, a.persis, a.modify);
}

async function loginMany(world: FakeWorld, n: number, prefix = 'u') {
    for (let i = 0; i < n; i++) {
        await login(world, `${prefix}${i}`);
    }
}

const isOff = (world: FakeWorld) => world.appSettings[AppSetting.PresenceServiceEnabled] === false;

describe('presence service and the cap (through the listeners)', () => {
    it('stays on at 200 connections and turns off at once at the 201st, with every effect', async () => {
        const world = new FakeWorld();
        await login(world, 'boss', ['admin', 'user']);
        await loginMany(world, 199);
        expect(await currentConnections(world.access().read)).toBe(200);
        expect(isOff(world)).toBe(false);
        expect(world.serverSettings).toEqual({ Presence_broadcast_disabled: false, Troubleshoot_Disable_Presence_Broadcast: false });

        await login(world, 'last');
        expect(isOff(world)).toBe(true);
        expect(world.serverSettings).toEqual({ Presence_broadcast_disabled: true, Troubleshoot_Disable_Presence_Broadcast: true });
        const dms = world.messages.filter((m) => world.rooms.get(m.room)!.usernames.includes('boss'));
        expect(dms).toHaveLength(1);
        expect(dms[0].sender).toBe(world.bot.username);
        expect(dms[0].text).toContain('201 concurrent connections exceeded the limit of 200');
    });

    it('concurrent logins are all counted (in-process queue)', async () => {
        const world = new FakeWorld();
        world.appSettings[AppSetting.PresenceConnectionCap] = 1000;
        await Promise.all(Array.from({ length: 150 }, (_, i) => login(world, `c${i}`)));
        expect(await currentConnections(world.access().read)).toBe(150);
    });

    it('never turns back on when the count drops', async () => {
        const world = new FakeWorld();
        await loginMany(world, 201);
        expect(isOff(world)).toBe(true);
        for (let i = 0; i < 150; i++) {
            await logout(world, `u${i}`);
        }
        expect(await currentConnections(world.access().read)).toBe(51);
        const a = world.access();
        await runPresenceMonitor(world.app(), a.read, a.modify, a.http!, a.persis);
        expect(isOff(world)).toBe(true);
    });

    it('refuses to enable over the cap, and enables at or under it', async () => {
        const world = new FakeWorld();
        await loginMany(world, 201);
        const refused = await enablePresence(world.app(), world.access());
        expect(refused).toEqual({ ok: false, error: { kind: 'invalid', text: 'Cannot enable broadcast when there are more than 200 connections' } });
        expect(isOff(world)).toBe(true);

        await logout(world, 'u0');
        const enabled = await enablePresence(world.app(), world.access());
        expect(enabled).toEqual({ ok: true, value: { alreadyEnabled: false, current: 200, max: 200 } });
        expect(isOff(world)).toBe(false);
        expect(world.serverSettings).toEqual({ Presence_broadcast_disabled: false, Troubleshoot_Disable_Presence_Broadcast: false });
    });

    it('the settings page cannot switch the service on over the cap', async () => {
        const world = new FakeWorld();
        await loginMany(world, 201);
        const setting = { id: AppSetting.PresenceServiceEnabled, value: true } as never;
        const kept = await presencePreSettingUpdate(
            { oldSetting: { id: AppSetting.PresenceServiceEnabled, value: false } as never, newSetting: setting },
            world.access().read,
        );
        expect(kept.value).toBe(false);
        await logout(world, 'u3');
        const allowed = await presencePreSettingUpdate(
            { oldSetting: { id: AppSetting.PresenceServiceEnabled, value: false } as never, newSetting: setting },
            world.access().read,
        );
        expect(allowed.value).toBe(true);
    });

    it('switching the unlimited setting on turns the service back on, and no cap applies then', async () => {
        const world = new FakeWorld();
        await loginMany(world, 201);
        expect(isOff(world)).toBe(true);
        world.appSettings[AppSetting.PresenceCapUnlimited] = true;
        const scheduler = { scheduleOnce: jest.fn() };
        await presenceSettingUpdated(world.app(), { id: AppSetting.PresenceCapUnlimited, value: true } as never, { scheduler } as never, world.access().read);
        expect(isOff(world)).toBe(false);
        await loginMany(world, 300, 'more');
        expect(isOff(world)).toBe(false);
    });

    it("a status change to disconnected drops all of that user's connections, other changes count nothing", async () => {
        const world = new FakeWorld();
        await login(world, 'a');
        await login(world, 'a');
        await login(world, 'b');
        const a = world.access();
        const user = { ...world.users.get('a')!, statusConnection: 'offline' } as never;
        await onUserStatusChanged(world.app(), { user, currentStatus: 'offline', previousStatus: 'online' }, a.read, a.http!, a.persis, a.modify);
        expect(await currentConnections(a.read)).toBe(1);
        // a change while connected (e.g. the one a login causes) never counts a session twice
        const connected = { ...world.users.get('b')!, statusConnection: 'online' } as never;
        await onUserStatusChanged(world.app(), { user: connected, currentStatus: 'online', previousStatus: 'offline' }, a.read, a.http!, a.persis, a.modify);
        expect(await currentConnections(a.read)).toBe(1);
        const invisible = { ...world.users.get('b')!, statusConnection: 'online' } as never;
        await onUserStatusChanged(world.app(), { user: invisible, currentStatus: 'offline', previousStatus: 'online' }, a.read, a.http!, a.persis, a.modify);
        expect(await currentConnections(a.read)).toBe(1);
    });

    it('tells each user once per turn-off, on the next interaction and by a notice at login', async () => {
        const world = new FakeWorld();
        await loginMany(world, 201);
        const user = world.users.get('u5')!;
        expect(await takeInactiveNotice(world.access(), user)).toContain('exceeded its limit of 200 concurrent connections');
        expect(await takeInactiveNotice(world.access(), user)).toBeUndefined();
        await login(world, 'u5');
        await login(world, 'u5');
        const notices = world.messages.filter((m) => world.rooms.get(m.room)!.usernames.includes('u5'));
        expect(notices).toHaveLength(1);
        expect(notices[0].text).toContain('Presence is inactive');
    });
});

describe('monitoring job', () => {
    async function jobOps(users: number): Promise<{ ops: number; http: number }> {
        const world = new FakeWorld();
        world.appSettings[AppSetting.PresenceCapUnlimited] = true;
        await loginMany(world, users);
        world.appSettings[AppSetting.WorkspaceUrl] = 'http://ws.example/';
        world.appSettings[AppSetting.WorkspaceAccessUserId] = 'uid';
        world.appSettings[AppSetting.WorkspaceAccessToken] = 'secret-token';
        world.httpAnswer = { statusCode: 200, data: { current: users, max: 200, success: true } };
        world.ops = 0;
        const a = world.access();
        expect(await runPresenceMonitor(world.app(), a.read, a.modify, a.http!, a.persis)).toBe(users);
        return { ops: world.ops, http: world.httpCalls.length };
    }

    it('does the same persistence work and one HTTP call at 100 and at 10,000 users', async () => {
        const small = await jobOps(100);
        const large = await jobOps(10_000);
        expect(small.http).toBe(1);
        expect(large).toEqual(small);
    }, 120_000);

    it("takes the workspace's exact count, keeps following events, turns off over the cap, never logs the token", async () => {
        const world = new FakeWorld();
        await loginMany(world, 10);
        world.appSettings[AppSetting.WorkspaceUrl] = 'http://ws.example';
        world.appSettings[AppSetting.WorkspaceAccessUserId] = 'uid';
        world.appSettings[AppSetting.WorkspaceAccessToken] = 'secret-token';
        world.httpAnswer = { statusCode: 200, data: { current: 195, max: 200, success: true } };
        const a = world.access();
        expect(await runPresenceMonitor(world.app(), a.read, a.modify, a.http!, a.persis)).toBe(195);
        expect(world.httpCalls[0]).toEqual({
            url: 'http://ws.example/api/v1/presence.getConnections',
            headers: { 'X-User-Id': 'uid', 'X-Auth-Token': 'secret-token' },
        });
        await loginMany(world, 5, 'x');
        expect(isOff(world)).toBe(false);
        await login(world, 'one-more');
        expect(isOff(world)).toBe(true);

        world.httpAnswer = { statusCode: 401, data: { success: false } };
        await runPresenceMonitor(world.app(), a.read, a.modify, a.http!, a.persis);
        expect(world.logs.join('\n')).toContain('HTTP 401');
        expect(world.logs.join('\n')).not.toContain('secret-token');
    });
});
