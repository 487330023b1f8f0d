/**
 * The presence service through its adapters (listeners, jobs, hooks, switch), on test doubles.
 * Every "instance" is a fresh copy of the app's modules (its own memory), over one shared world.
 */
import { IUser, IUserStatusContext } from '@rocket.chat/apps-engine/definition/users';

import { PRESENCE_MESSAGES } from '../../../src/i18n/presenceMessages';
import { PresenceStateRepository } from '../../../src/storage/presence/PresenceStateRepository';
import { settingsFlow } from '../../doubles/settingsFlow';
import { RecordStore } from '../../../src/storage/records';
import { FakeWorld, makeUser } from '../../doubles/world';

type Listeners = typeof import('../../../src/listeners/PresenceListeners');
type Monitor = typeof import('../../../src/jobs/PresenceMonitorJob');
type Switch = typeof import('../../../src/services/presence/presenceSwitch');
type Notices = typeof import('../../../src/services/presence/notices');
type Hooks = typeof import('../../../src/listeners/PresenceSettingsListener');
type Admins = typeof import('../../../src/services/presence/admins');
type LoginJob = typeof import('../../../src/jobs/LoginFollowUpJob');

interface Instance {
    listeners: Listeners;
    monitor: Monitor;
    sw: Switch;
    notices: Notices;
    hooks: Hooks;
    admins: Admins;
    loginJob: LoginJob;
}

function instance(): Instance {
    let loaded: Instance | undefined;
    jest.isolateModules(() => {
        loaded = {
            listeners: jest.requireActual('../../../src/listeners/PresenceListeners'),
            monitor: jest.requireActual('../../../src/jobs/PresenceMonitorJob'),
            sw: jest.requireActual('../../../src/services/presence/presenceSwitch'),
            notices: jest.requireActual('../../../src/services/presence/notices'),
            hooks: jest.requireActual('../../../src/listeners/PresenceSettingsListener'),
            admins: jest.requireActual('../../../src/services/presence/admins'),
            loginJob: jest.requireActual('../../../src/jobs/LoginFollowUpJob'),
        };
    });
    return loaded as Instance;
}

/** A password login: the listener (on the login's path), then the follow-up jobs it armed, run as the scheduler would. */
async function logIn(i: Instance, world: FakeWorld, user: IUser): Promise<void> {
    await i.listeners.onUserLoggedIn(world.app() as never, user, world.access());
    const armed = world.scheduled.filter((job) => job.id === 'presence-login-follow-up');
    world.scheduled = world.scheduled.filter((job) => !armed.includes(job));
    for (const job of armed) await i.loginJob.runLoginFollowUp(world.app() as never, world.access(), job.data ?? {});
}

const t = PRESENCE_MESSAGES.en;
const CAP_NOTICE = t.inactive_notice_cap.replace('{cap}', '200');

function statusEvent(user: IUser, previousStatus: string, currentStatus: string): IUserStatusContext {
    // what Rocket.Chat's presence service hands over: a partial user, no connection status
    return {
        user: { id: user.id, username: user.username, roles: user.roles, statusConnection: 'undefined' } as unknown as IUser,
        previousStatus,
        currentStatus,
    };
}

async function online(i: Instance, world: FakeWorld, ids: string[]): Promise<void> {
    await Promise.all(
        ids.map((id) => {
            const user = world.users.get(id) ?? world.addUser(makeUser(id, { statusConnection: 'online' }));
            return i.listeners.onUserStatusChanged(world.app() as never, statusEvent(user, 'offline', 'online'), world.access());
        }),
    );
}

async function offline(i: Instance, world: FakeWorld, ids: string[]): Promise<void> {
    for (const id of ids) {
        world.users.set(id, { ...world.users.get(id), status: 'offline', statusConnection: 'offline' } as IUser);
    }
    await Promise.all(
        ids.map((id) => i.listeners.onUserStatusChanged(world.app() as never, statusEvent(world.users.get(id)!, 'online', 'offline'), world.access())),
    );
}

const names = (prefix: string, n: number, from = 0) => Array.from({ length: n }, (_, k) => `${prefix}${from + k}`);
const stateOf = (world: FakeWorld) => new PresenceStateRepository(new RecordStore(world.persistenceReader())).get();
const dmsTo = (world: FakeWorld, username: string) => world.messages.filter((m) => world.rooms.get(m.room)?.usernames.includes(username)).map((m) => m.text);

function worldWithAdmin(): { world: FakeWorld; boss: IUser } {
    const world = new FakeWorld();
    const boss = world.addUser(makeUser('boss', { username: 'boss', roles: ['admin', 'user'] }));
    return { world, boss };
}

describe('the cap with the estimate (no access settings): users seen online', () => {
    it('stays on at 200 users online and turns off at once at the 201st, with every effect', async () => {
        const { world, boss } = worldWithAdmin();
        const a = instance();
        await a.listeners.onUserLoggedIn(world.app() as never, boss, world.access());
        await online(a, world, names('u', 200));
        expect(await stateOf(world)).toMatchObject({ enabled: true, epoch: 0 });

        await online(a, world, ['u200']);
        expect(await stateOf(world)).toMatchObject({ enabled: false, epoch: 1, reason: 'cap', count: 201, cap: 200 });
        expect(world.settingWrites).toEqual([{ id: 'presence_service_enabled', value: false }]);
        expect(world.workspaceSettings).toMatchObject({ Presence_broadcast_disabled: true, Troubleshoot_Disable_Presence_Broadcast: true });
        expect(dmsTo(world, 'boss')).toEqual([
            // 200 of 200 is past the warning level (80%): the early warning came first
            t.admin_warning
                .replace('{count}', '200')
                .replace(/\{cap\}/g, '200')
                .replace('{percent}', '100')
                .replace('{level}', '80')
                .replace('{levelCount}', '160')
                .replace('{source}', t.source_estimate),
            t.admin_turned_off_cap
                .replace('{count}', '201')
                .replace(/\{cap\}/g, '200')
                .replace('{how}', t.how_to_enable.replace(/\{cap\}/g, '200')),
        ]);
        expect(world.messages.every((m) => m.sender === 'user-status.bot')).toBe(true);
    });

    it('changes between online, away and busy count nothing; going offline counts down', async () => {
        const { world } = worldWithAdmin();
        const a = instance();
        await online(a, world, names('u', 3));
        const u0 = world.users.get('u0')!;
        await a.listeners.onUserStatusChanged(world.app() as never, statusEvent(u0, 'online', 'busy'), world.access());
        await offline(a, world, ['u1']);
        const { count } = await a.monitor.runPresenceMonitor(world.app() as never, world.access()).then((current) => ({ count: current }));
        expect(count).toBe(2);
    });

    it('never turns back on by itself when the count drops', async () => {
        const { world } = worldWithAdmin();
        const a = instance();
        await online(a, world, names('u', 201));
        expect((await stateOf(world)).enabled).toBe(false);
        // while presence is off Rocket.Chat sends no status events: users just disconnect
        for (const id of names('u', 150)) world.users.set(id, { ...world.users.get(id), statusConnection: 'offline' } as IUser);
        await a.monitor.runPresenceMonitor(world.app() as never, world.access());
        expect((await stateOf(world)).enabled).toBe(false);
    });

    it('enable is refused over the cap; users who left while it was off are found by reading them', async () => {
        const { world } = worldWithAdmin();
        const a = instance();
        await online(a, world, names('u', 201));
        expect(await a.sw.enablePresence(world.app() as never, world.access(), { source: 'rest' })).toEqual({ kind: 'refused', cap: 200 });
        world.users.set('u0', { ...world.users.get('u0'), statusConnection: 'offline' } as IUser);
        expect(await a.sw.enablePresence(world.app() as never, world.access(), { source: 'rest' })).toEqual({ kind: 'enabled', current: 200, max: 200 });
        expect(await stateOf(world)).toMatchObject({ enabled: true, epoch: 1 });
        expect(world.workspaceSettings).toMatchObject({ Presence_broadcast_disabled: false, Troubleshoot_Disable_Presence_Broadcast: false });
        expect(world.settingWrites.map((w) => w.value)).toEqual([false, true]);
        expect(await a.sw.enablePresence(world.app() as never, world.access(), { source: 'rest' })).toEqual({ kind: 'already' });
    });
});

describe('several instances over one store', () => {
    it('users seen online on either instance add up; one seen online on A and offline on B counts once, as offline', async () => {
        const { world } = worldWithAdmin();
        world.appSettings.presence_connection_cap = 1000;
        const [a, b] = [instance(), instance()];
        await online(a, world, names('a', 50));
        await online(b, world, names('b', 50));
        expect(await a.monitor.runPresenceMonitor(world.app() as never, world.access())).toBe(100);
        await offline(b, world, ['a0', 'a1']);
        expect(await b.monitor.runPresenceMonitor(world.app() as never, world.access())).toBe(98);
        expect(await a.monitor.runPresenceMonitor(world.app() as never, world.access())).toBe(98);
    });

    it('both seeing the crossing at the same moment: one turn-off, one message per admin', async () => {
        const { world, boss } = worldWithAdmin();
        const root = world.addUser(makeUser('root', { username: 'root', roles: ['admin'] }));
        const [a, b] = [instance(), instance()];
        await a.admins.noteAdmin(world.access(), boss);
        await b.admins.noteAdmin(world.access(), root);
        world.jitterMs = 3;
        const results = await Promise.all([
            a.sw.turnOff(world.app() as never, world.access(), { reason: 'cap', count: 201, cap: 200 }, { source: 'cap' }),
            b.sw.turnOff(world.app() as never, world.access(), { reason: 'cap', count: 201, cap: 200 }, { source: 'cap' }),
        ]);
        expect(results.filter(Boolean)).toHaveLength(1);
        expect(await stateOf(world)).toMatchObject({ enabled: false, epoch: 1 });
        expect(dmsTo(world, 'boss')).toHaveLength(1);
        expect(dmsTo(world, 'root')).toHaveLength(1);
    });
});

describe("the cap with Rocket.Chat's own count (access settings filled in)", () => {
    function exactWorld(current: () => number) {
        const { world, boss } = worldWithAdmin();
        world.appSettings.presence_workspace_user_id = 'boss';
        world.appSettings.presence_workspace_access_token = 'secret-token';
        world.httpHandler = (call) =>
            call.url.endsWith('presence.getConnections') ? { statusCode: 200, data: { current: current(), max: 200, success: true } } : { statusCode: 404 };
        return { world, boss };
    }

    it('reads presence.getConnections at the server URL (Site_Url when the setting is empty) after a login, off its path, and acts on it', async () => {
        let current = 150;
        const { world, boss } = exactWorld(() => current);
        const a = instance();
        // the login's listener only arms the follow-up (Rocket.Chat awaits it before the login answers)
        await a.listeners.onUserLoggedIn(world.app() as never, boss, world.access());
        expect(world.httpCalls).toEqual([]);
        expect(world.scheduled).toEqual([expect.objectContaining({ id: 'presence-login-follow-up', data: { check: true } })]);
        const when = world.scheduled[0].when as Date;
        expect(when.getTime()).toBeGreaterThan(Date.now());
        const armed = world.scheduled.splice(0);
        await a.loginJob.runLoginFollowUp(world.app() as never, world.access(), armed[0].data ?? {});
        expect(world.httpCalls).toEqual([
            { method: 'GET', url: 'http://chat.example/api/v1/presence.getConnections', headers: { 'X-User-Id': 'boss', 'X-Auth-Token': 'secret-token' } },
        ]);
        expect((await stateOf(world)).enabled).toBe(true);
        current = 201;
        expect(await a.monitor.runPresenceMonitor(world.app() as never, world.access())).toBe(201);
        expect(await stateOf(world)).toMatchObject({ enabled: false, reason: 'cap', count: 201 });
    });

    it('a workspace that cannot be read: the estimate stands in, the failure is logged without the token', async () => {
        const { world } = exactWorld(() => 0);
        world.httpHandler = () => ({ statusCode: 401, data: { success: false } });
        const a = instance();
        await online(a, world, names('u', 3));
        expect(await a.monitor.runPresenceMonitor(world.app() as never, world.access())).toBe(3);
        expect(world.logs.some((line) => line.includes('HTTP 401'))).toBe(true);
        expect(world.logs.join('\n')).not.toContain('secret-token');
    });

    it('enable asks Rocket.Chat first and reports its refusal in its words; the banner stays', async () => {
        const { world } = exactWorld(() => 150);
        world.appSettings.presence_cap_unlimited = true;
        world.workspaceSettings.Presence_broadcast_disabled = true;
        world.httpHandler = (call) =>
            call.url.endsWith('presence.enableBroadcast')
                ? { statusCode: 400, data: { success: false, error: 'Cannot enable broadcast when there are more than 200 connections' } }
                : { statusCode: 200, data: { current: 250, max: 200, success: true } };
        const a = instance();
        expect(await a.sw.enablePresence(world.app() as never, world.access(), { source: 'rest' })).toEqual({
            kind: 'refusedByServer',
            text: 'Cannot enable broadcast when there are more than 200 connections',
        });
        expect(world.workspaceSettings.Presence_broadcast_disabled).toBe(true);
        // refused: the enable changed nothing (Rocket.Chat's own turn-off is the monitor's to record)
        expect(await stateOf(world)).toMatchObject({ enabled: true, epoch: 0 });
        expect(world.serverSettingWrites).toEqual([]);
    });
});

/** Rocket.Chat has stopped presence by itself (its own cap) with `serverCount` connections; the app's cap is off; boss is a known admin. */
async function serverStopped(serverCount: number): Promise<{ world: FakeWorld; a: Instance }> {
    const { world, boss } = worldWithAdmin();
    world.appSettings.presence_cap_unlimited = true;
    const a = instance();
    await a.admins.noteAdmin(world.access(), boss);
    world.workspaceSettings.Presence_broadcast_disabled = true;
    world.serverCount = serverCount;
    return { world, a };
}

describe("Rocket.Chat's own turn-off", () => {
    it('is a turn-off: admins messaged, users told; enable reports the refusal while the server refuses', async () => {
        const { world, a } = await serverStopped(201);
        await a.monitor.runPresenceMonitor(world.app() as never, world.access());
        expect(await stateOf(world)).toMatchObject({ enabled: false, reason: 'server', epoch: 1 });
        expect(dmsTo(world, 'boss')).toEqual([t.admin_turned_off_server.replace('{count}', '0').replace('{how}', t.how_to_enable.replace(/\{cap\}/g, '200'))]);
        const user = world.addUser(makeUser('u1'));
        expect(await a.notices.takeInactiveNotice(world.env(), user)).toBe(t.inactive_notice_server);

        const sleepless = instance();
        const refused = await sleepless.sw.enablePresence(world.app() as never, world.access(), { source: 'rest' });
        expect(refused).toEqual({ kind: 'refusedByServer', text: 'Cannot enable broadcast when there are more than 200 connections' });
        expect(world.workspaceSettings.Presence_broadcast_disabled).toBe(true);

        world.serverCount = 200;
        expect(await a.sw.enablePresence(world.app() as never, world.access(), { source: 'rest' })).toEqual({ kind: 'enabled', current: 0, max: 200 });
        expect(world.workspaceSettings.Presence_broadcast_disabled).toBe(false);
    }, 15_000);

    it("an enable and a monitor check that both see Rocket.Chat's own turn-off, interleaved every which way: an enable that answers 'enabled' leaves it on", async () => {
        for (let round = 0; round < 25; round++) {
            const { world, a } = await serverStopped(200);
            world.jitterMs = 4;
            const [, enabled] = await Promise.all([
                a.monitor.runPresenceMonitor(world.app() as never, world.access()),
                a.sw.enablePresence(world.app() as never, world.access(), { source: 'rest' }),
            ]);
            world.jitterMs = 0;
            expect(enabled).toMatchObject({ kind: 'enabled' });
            // the check came first (a turn-off recorded, then undone by the enable) or second (nothing to record)
            const state = await stateOf(world);
            expect(state.enabled).toBe(true);
            expect(world.workspaceSettings.Presence_broadcast_disabled).toBe(false);
            expect(dmsTo(world, 'boss')).toHaveLength(state.epoch);
        }
    }, 60_000);

    it("an enable while the monitor was about to record the server's turn-off: the turn-off is recorded once, the enable stands", async () => {
        const { world, a } = await serverStopped(200);
        // the monitor saw the server off before the admin's enable; its turn-off lands right after the enable asked Rocket.Chat
        const serverBehaviour = world.onServerSettingWrite;
        let monitor: Promise<unknown> | undefined;
        world.onServerSettingWrite = (id, value) => {
            serverBehaviour(id, value);
            if (id === 'Troubleshoot_Disable_Presence_Broadcast' && value === false && !monitor) {
                monitor = a.sw.turnOff(world.app() as never, world.access(), { reason: 'server', count: 200, cap: 200 }, { source: 'server' });
            }
        };
        expect(await a.sw.enablePresence(world.app() as never, world.access(), { source: 'rest' })).toEqual({ kind: 'enabled', current: 0, max: 200 });
        await monitor;
        // the turn-off waited for the enable (both hold the presence), then found Rocket.Chat broadcasting
        expect(await stateOf(world)).toMatchObject({ enabled: true, epoch: 0 });
        expect(world.workspaceSettings.Presence_broadcast_disabled).toBe(false);
        expect(world.workspaceSettings.Troubleshoot_Disable_Presence_Broadcast).toBe(false);
        expect(dmsTo(world, 'boss')).toHaveLength(0);
    }, 15_000);
});

describe('the settings page', () => {
    const toggle = (value: boolean) => ({
        oldSetting: { id: 'presence_service_enabled', value: !value } as never,
        newSetting: { id: 'presence_service_enabled', value } as never,
    });

    it('cannot switch the service on over the cap; at the cap it can', async () => {
        const { world } = worldWithAdmin();
        const a = instance();
        await online(a, world, names('u', 201));
        expect((await a.hooks.presencePreSettingUpdate(toggle(true), world.read())).value).toBe(false);
        await offline(a, world, ['u0']);
        expect((await a.hooks.presencePreSettingUpdate(toggle(true), world.read())).value).toBe(true);
        // once on, the app's own mirror of its state passes whatever the count
        await a.sw.enablePresence(world.app() as never, world.access(), { source: 'rest' });
        expect((await stateOf(world)).enabled).toBe(true);
        await a.listeners.onUserStatusChanged(world.app() as never, statusEvent(world.users.get('u0')!, 'offline', 'online'), world.access());
        expect((await stateOf(world)).enabled).toBe(false);
    });

    it('every change of the switch schedules the switch job with the value stored; the cap schedules a check', async () => {
        const { world } = worldWithAdmin();
        const a = instance();
        const jobs: unknown[] = [];
        const configurationModify = { scheduler: { scheduleOnce: async (job: unknown) => void jobs.push(job) } } as never;
        await a.hooks.presenceSettingUpdated({ id: 'presence_service_enabled', value: false } as never, configurationModify, world.read());
        expect(jobs).toEqual([{ id: 'presence-switch', when: expect.any(Date), data: { trigger: 'switch', value: false } }]);
        await a.hooks.presenceSettingUpdated({ id: 'presence_connection_cap', value: 5 } as never, configurationModify, world.read());
        expect(jobs[1]).toEqual({ id: 'presence-cap-check', when: expect.any(Date) });
    });

    it('an admin switching it off: a turn-off with no message to admins; users are told an admin did it', async () => {
        const { world, boss } = worldWithAdmin();
        const a = instance();
        await a.admins.noteAdmin(world.access(), boss);
        const flow = settingsFlow(world);
        await flow.save('presence_service_enabled', false);
        await flow.runJobs();
        expect(await stateOf(world)).toMatchObject({ enabled: false, reason: 'admin', epoch: 1 });
        expect(dmsTo(world, 'boss')).toEqual([]);
        expect(await a.notices.takeInactiveNotice(world.env(), world.addUser(makeUser('u9')))).toBe(t.inactive_notice_admin);
    });

    it('an admin switching it off records the count the app last knew, not 0', async () => {
        const { world } = worldWithAdmin();
        const a = instance();
        await online(a, world, names('u', 12));
        const flow = settingsFlow(world);
        await flow.save('presence_service_enabled', false);
        await flow.runJobs();
        expect(await stateOf(world)).toMatchObject({ enabled: false, reason: 'admin', count: 12 });
    });

    it('an admin switching it on over the cap: refused, the switch goes back off; then on at the cap', async () => {
        const { world } = worldWithAdmin();
        const a = instance();
        await online(a, world, names('u', 201));
        const flow = settingsFlow(world);
        // (the pre-update hook refuses it at once; a save that got past it, e.g. while the count was lower, meets the job's check)
        world.appSettings.presence_service_enabled = true;
        await a.monitor.syncPresenceSwitch(world.app() as never, world.access(), 'switch', true);
        await flow.runJobs();
        expect(await stateOf(world)).toMatchObject({ enabled: false, epoch: 1 });
        expect(world.appSettings.presence_service_enabled).toBe(false);
        await offline(a, world, ['u0']);
        await flow.save('presence_service_enabled', true);
        await flow.runJobs();
        expect(await stateOf(world)).toMatchObject({ enabled: true, epoch: 1 });
        expect(world.appSettings.presence_service_enabled).toBe(true);
    });

    it('the unlimited setting switched on while off turns the service back on (a job)', async () => {
        const { world } = worldWithAdmin();
        const a = instance();
        await online(a, world, names('u', 201));
        world.appSettings.presence_cap_unlimited = true;
        const jobs: Array<{ id: string; data?: unknown }> = [];
        await a.hooks.presenceSettingUpdated(
            { id: 'presence_cap_unlimited', value: true } as never,
            { scheduler: { scheduleOnce: async (job: never) => void jobs.push(job) } } as never,
            world.read(),
        );
        expect(jobs).toEqual([{ id: 'presence-switch', when: expect.any(Date), data: { enabled: true, trigger: 'unlimited' } }]);
        await a.monitor.syncPresenceSwitch(world.app() as never, world.access(), 'unlimited');
        expect((await stateOf(world)).enabled).toBe(true);
        await online(a, world, names('more', 300));
        expect((await stateOf(world)).enabled).toBe(true);
    });
});

describe("the app's own writes of the switch", () => {
    it("its echo on every instance is no admin's wish", async () => {
        const { world } = worldWithAdmin();
        const [a, b] = [instance(), instance()];
        const flow = settingsFlow(world);
        await a.sw.turnOff(world.app() as never, world.access(), { reason: 'cap', count: 201, cap: 200 }, { source: 'cap' });
        expect(world.appSettings.presence_service_enabled).toBe(false);
        await flow.runJobs();
        // the same write seen by the other instance's hook
        await b.monitor.syncPresenceSwitch(world.app() as never, world.access(), 'switch', false);
        expect(await stateOf(world)).toMatchObject({ enabled: false, epoch: 1, reason: 'cap' });
    });

    it('a turn-on and the turn-off right after it: the writes land one after the other, each after the last was seen stored', async () => {
        const { world } = worldWithAdmin();
        const a = instance();
        const flow = settingsFlow(world);
        // a "true" takes longer to store than a "false"
        world.appSettingWriteDelayMs = (_id, value) => (value === true ? 300 : 20);
        await online(a, world, names('u', 201));
        await offline(a, world, ['u0']);
        await flow.runJobs();
        const enabling = a.sw.enablePresence(world.app() as never, world.access(), { source: 'rest' });
        await new Promise((resolve) => setTimeout(resolve, 10));
        // the count crosses the cap again while the turn-on's write is on its way
        const crossing = online(a, world, ['u0']);
        expect(await enabling).toMatchObject({ kind: 'enabled' });
        await crossing;
        await new Promise((resolve) => setTimeout(resolve, 400));
        await flow.runJobs();
        expect(await stateOf(world)).toMatchObject({ enabled: false, epoch: 2, reason: 'cap' });
        expect(world.appSettings.presence_service_enabled).toBe(false);
        expect(world.settingWrites.map((w) => w.value)).toEqual([false, true, false]);
    });
});

describe('who is told, and once', () => {
    it('a user is told on their next interaction once per turn-off, and by a direct message at login once', async () => {
        const { world } = worldWithAdmin();
        const a = instance();
        const user = world.addUser(makeUser('u1', { username: 'alice' }));
        expect(await a.notices.takeInactiveNotice(world.env(), user)).toBeUndefined();
        await a.sw.turnOff(world.app() as never, world.access(), { reason: 'cap', count: 201, cap: 200 }, { source: 'cap' });
        expect(await a.notices.takeInactiveNotice(world.env(), user)).toBe(CAP_NOTICE);
        expect(await a.notices.takeInactiveNotice(world.env(), user)).toBeUndefined();
        await a.listeners.onUserLoggedIn(world.app() as never, user, world.access());
        // the direct message is the follow-up job's, never the login's
        expect(dmsTo(world, 'alice')).toEqual([]);
        expect(world.scheduled).toEqual([expect.objectContaining({ id: 'presence-login-follow-up', data: expect.objectContaining({ userId: 'u1' }) })]);
        world.scheduled = [];
        await logIn(a, world, user);
        await logIn(a, world, user);
        expect(dmsTo(world, 'alice')).toEqual([CAP_NOTICE]);
    });

    it('the admins the app can message: met by login, the installer; not a plain user; not one no longer admin', async () => {
        const { world, boss } = worldWithAdmin();
        const a = instance();
        const joe = world.addUser(makeUser('joe', { username: 'joe', roles: ['user'] }));
        const root = world.addUser(makeUser('root', { username: 'root', roles: ['admin'] }));
        await a.listeners.onUserLoggedIn(world.app() as never, boss, world.access());
        await a.listeners.onUserLoggedIn(world.app() as never, joe, world.access());
        await a.admins.noteAdmin(world.access(), root);
        world.users.set('root', { ...root, roles: ['user'] });
        await a.sw.turnOff(world.app() as never, world.access(), { reason: 'cap', count: 201, cap: 200 }, { source: 'cap' });
        expect(dmsTo(world, 'boss')).toHaveLength(1);
        expect(dmsTo(world, 'joe')).toEqual([]);
        expect(dmsTo(world, 'root')).toEqual([]);
        // one who lost the role is skipped, not forgotten (a cache on another instance never stands for a record that is gone)
        expect(world.recordsWith('misc:presence-admin').map((r) => (r as { userId: string }).userId)).toEqual(['boss', 'root']);
    });
});

describe('failures never escape', () => {
    it('a listener whose store fails logs it and returns', async () => {
        const { world } = worldWithAdmin();
        const a = instance();
        world.failOn('persistence.read', 5);
        await expect(online(a, world, ['u1'])).resolves.toBeUndefined();
        expect(world.logs.some((line) => line.includes('injected failure'))).toBe(true);
    });

    it('a failed admin message does not stop the turn-off or the other admins', async () => {
        const { world, boss } = worldWithAdmin();
        const root = world.addUser(makeUser('root', { username: 'root', roles: ['admin'] }));
        const a = instance();
        await a.admins.noteAdmin(world.access(), boss);
        await a.admins.noteAdmin(world.access(), root);
        world.failOn('message', 1);
        expect(await a.sw.turnOff(world.app() as never, world.access(), { reason: 'cap', count: 201, cap: 200 }, { source: 'cap' })).toBe(true);
        expect(dmsTo(world, 'boss').length + dmsTo(world, 'root').length).toBe(1);
        expect((await stateOf(world)).enabled).toBe(false);
    });

    it('a server that will not take its settings: the turn-off still happens, the monitor tries again', async () => {
        const { world } = worldWithAdmin();
        const a = instance();
        world.failOn('serverSettings.write', 1);
        await a.sw.turnOff(world.app() as never, world.access(), { reason: 'cap', count: 201, cap: 200 }, { source: 'cap' });
        expect((await stateOf(world)).enabled).toBe(false);
        await a.monitor.runPresenceMonitor(world.app() as never, world.access());
        expect(world.workspaceSettings).toMatchObject({ Presence_broadcast_disabled: true, Troubleshoot_Disable_Presence_Broadcast: true });
    });
});

describe('the early warning', () => {
    const warnings = (world: FakeWorld) => dmsTo(world, 'boss').filter((text) => text.startsWith('Early warning'));

    it('once when the count first reaches the level, again only after it fell ten points below', async () => {
        const { world, boss } = worldWithAdmin();
        const a = instance();
        await a.admins.noteAdmin(world.access(), boss);
        await online(a, world, names('u', 159));
        await a.monitor.runPresenceMonitor(world.app() as never, world.access());
        expect(warnings(world)).toEqual([]);
        await online(a, world, ['u159']);
        await a.monitor.runPresenceMonitor(world.app() as never, world.access());
        expect(warnings(world)).toHaveLength(1);
        expect(warnings(world)[0]).toMatch(
            /^Early warning: 160 concurrent connections, 80% of the cap of 200 \(warning level 80%, 160 connections; estimate: /,
        );
        await online(a, world, names('v', 20));
        await offline(a, world, names('v', 20));
        await a.monitor.runPresenceMonitor(world.app() as never, world.access());
        expect(warnings(world)).toHaveLength(1);
        // down to 140 (70%) is not enough; 139 is
        await offline(a, world, names('u', 20));
        await a.monitor.runPresenceMonitor(world.app() as never, world.access());
        await online(a, world, names('u', 20));
        await a.monitor.runPresenceMonitor(world.app() as never, world.access());
        expect(warnings(world)).toHaveLength(1);
        await offline(a, world, names('u', 21));
        await a.monitor.runPresenceMonitor(world.app() as never, world.access());
        await online(a, world, names('u', 21));
        await a.monitor.runPresenceMonitor(world.app() as never, world.access());
        expect(warnings(world)).toHaveLength(2);
    }, 30_000);

    it("says when the count is Rocket.Chat's own; once for two instances at the same moment", async () => {
        const { world, boss } = worldWithAdmin();
        world.appSettings.presence_workspace_user_id = 'boss';
        world.appSettings.presence_workspace_access_token = 'token';
        world.httpHandler = () => ({ statusCode: 200, data: { current: 170, max: 200, success: true } });
        const [a, b] = [instance(), instance()];
        await a.admins.noteAdmin(world.access(), boss);
        world.jitterMs = 3;
        await Promise.all([
            a.monitor.runPresenceMonitor(world.app() as never, world.access()),
            b.monitor.runPresenceMonitor(world.app() as never, world.access()),
        ]);
        expect(warnings(world)).toEqual([expect.stringContaining("; Rocket.Chat's own count). Above 200")]);
    });

    it('no warning with no cap, or with the level set to 0', async () => {
        const { world, boss } = worldWithAdmin();
        const a = instance();
        await a.admins.noteAdmin(world.access(), boss);
        world.appSettings.presence_warning_percent = 0;
        await online(a, world, names('u', 190));
        await a.monitor.runPresenceMonitor(world.app() as never, world.access());
        world.appSettings.presence_warning_percent = 80;
        world.appSettings.presence_cap_unlimited = true;
        await a.monitor.runPresenceMonitor(world.app() as never, world.access());
        expect(warnings(world)).toEqual([]);
    });
});

describe('the connection history', () => {
    it('keeps one record a day with its peak and the cap', async () => {
        const { world } = worldWithAdmin();
        const a = instance();
        await online(a, world, names('u', 30));
        await a.monitor.runPresenceMonitor(world.app() as never, world.access());
        await offline(a, world, names('u', 10));
        await a.monitor.runPresenceMonitor(world.app() as never, world.access());
        const today = new Date().toISOString().slice(0, 10);
        expect(world.recordsWith('misc:presence-history')).toEqual([{ date: today, peak: 30, cap: 200 }]);
    });
});
