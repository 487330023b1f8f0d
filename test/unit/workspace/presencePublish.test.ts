/**
 * The workspace's presence services as Rocket.Chat runs them (ee/packages/presence/src/Presence.ts,
 * apps/meteor/server/startup/presence.ts): one service per instance; the count is what each instance
 * last published through `updateConns` (after a login, a logout or a closed socket, throttled to 30 s:
 * at once when it has not run for 30 s, else at the end of the window); the cap trips on a published
 * count, on every instance. Real store, fake clock.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Store } from '../../../workspace/store/Store';
import { Settings } from '../../../workspace/services/Settings';
import { Users, type UserDoc } from '../../../workspace/services/Users';
import { Events } from '../../../workspace/services/Events';
import { Presence } from '../../../workspace/services/Presence';

describe('workspace presence: published counts, one service per instance', () => {
    let dir: string;
    let settings: Settings;
    let presence: Presence;
    let user: UserDoc;
    let sessions = 0;

    beforeEach(async () => {
        jest.useFakeTimers({ doNotFake: ['setImmediate', 'nextTick', 'queueMicrotask'] });
        dir = fs.mkdtempSync(path.join(os.tmpdir(), 'presence-publish-'));
        const store = new Store(dir);
        await store.open();
        const events = new Events();
        const users = new Users(store, events);
        settings = new Settings(store);
        await settings.load('http://localhost:3000');
        settings.createCaches(2, 500);
        presence = new Presence(users, events, settings, false, 2, 30_000);
        await presence.start();
        user = await users.create({ username: 'pub', password: 'pw' });
    });

    afterEach(() => {
        jest.useRealTimers();
        fs.rmSync(dir, { recursive: true, force: true });
    });

    const connect = async (instance: number, login = true): Promise<string> => {
        const id = `s${++sessions}`;
        presence.open(id, instance);
        if (login) await presence.login(id, user);
        return id;
    };
    /** Lets the store's writes run (real I/O) until `done`, without moving the fake clock. */
    const settle = async (done: () => boolean) => {
        for (let i = 0; i < 1000 && !done(); i++) await new Promise((resolve) => setImmediate(resolve));
    };

    it('publishes at once after the first login, then at most every 30 s: a count read right after a login is stale', async () => {
        await connect(0);
        expect(presence.connections().current).toBe(1);
        jest.advanceTimersByTime(1000);
        await connect(0);
        await connect(0);
        expect(presence.connections().current).toBe(1);
        jest.advanceTimersByTime(28_999);
        expect(presence.connections().current).toBe(1);
        jest.advanceTimersByTime(1);
        expect(presence.connections().current).toBe(3);
    });

    it('counts a socket without a login only when its instance next publishes (a login, a logout, a close)', async () => {
        await connect(0, false);
        await connect(0, false);
        expect(presence.connections().current).toBe(0);
        const closing = await connect(0, false);
        await presence.close(closing);
        expect(presence.connections().current).toBe(2);
    });

    it('sums what each instance published', async () => {
        await connect(0);
        await connect(1);
        expect(presence.publishedPerInstance()).toEqual(
            new Map([
                [0, 1],
                [1, 1],
            ]),
        );
        expect(presence.connections()).toEqual({ current: 2, max: 200 });
    });

    it('trips the cap when a published count goes over 200, on every instance; toggleBroadcast acts on one instance', async () => {
        const first = await connect(0);
        for (let i = 0; i < 200; i++) await connect(0);
        expect(presence.connections().current).toBe(1);
        expect(presence.isBroadcastEnabled(0) && presence.isBroadcastEnabled(1)).toBe(true);
        jest.advanceTimersByTime(30_000);
        await settle(() => settings.value('Presence_broadcast_disabled') === true);
        expect(presence.connections().current).toBe(201);
        expect([presence.isBroadcastEnabled(0), presence.isBroadcastEnabled(1)]).toEqual([false, false]);
        expect(settings.value('Presence_broadcast_disabled')).toBe(true);
        await expect(presence.toggleBroadcast(true, 1)).rejects.toThrow('Cannot enable broadcast when there are more than 200 connections');

        // back at 200 (a close publishes at once: the window ran out), one instance turned on
        jest.advanceTimersByTime(30_000);
        await presence.close(first);
        expect(presence.connections().current).toBe(200);
        await presence.toggleBroadcast(true, 1);
        expect([presence.isBroadcastEnabled(0), presence.isBroadcastEnabled(1)]).toEqual([false, true]);
    });
});
