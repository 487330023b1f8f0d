/**
 * The workspace's realtime surface: DDP connect / ping / login, connection counting in
 * presence.getConnections, status from sessions (Rocket.Chat's rule), users.presence, streams.
 */
import { startWorkspace, type TestWorkspace, type Creds, type DdpSession } from '../helpers/workspace';

describe('local workspace: DDP sessions and presence', () => {
    let ws: TestWorkspace;
    let eve: Creds;
    const open: DdpSession[] = [];

    const connections = async () => (await ws.request('GET', '/api/v1/presence.getConnections', undefined, ws.admin)).body as { current: number; max: number };
    const info = async (creds: Creds) =>
        (await ws.request('GET', `/api/v1/users.info?userId=${creds.userId}`, undefined, ws.admin)).body.user as {
            status: string;
            statusConnection: string;
            statusText: string;
        };
    const until = async <T>(read: () => Promise<T>, ok: (v: T) => boolean, ms = 5_000): Promise<T> => {
        const end = Date.now() + ms;
        let last = await read();
        while (!ok(last) && Date.now() < end) {
            await new Promise((r) => setTimeout(r, 50));
            last = await read();
        }
        return last;
    };

    beforeAll(async () => {
        ws = await startWorkspace();
        eve = await ws.createUser('wseve');
    });

    afterAll(async () => {
        for (const s of open) await s.close();
        await ws?.stop();
    });

    it('connects, answers ping, and logs in with a resume token', async () => {
        const s = await ws.openSession();
        open.push(s);
        expect(s.sessionId).toEqual(expect.any(String));
        await s.ping();
        await expect(s.call('login', { resume: 'not-a-token' })).rejects.toThrow(/logged out/);
        await s.login(eve);
        expect(s.userId).toBe(eve.userId);
        await s.close();
        open.pop();
    });

    it('counts every open socket as a connection', async () => {
        const base = (await until(connections, (c) => c.current === 0)).current;
        expect(base).toBe(0);
        const anon = await ws.openSession();
        const a = await ws.openSession(eve);
        const b = await ws.openSession(eve);
        open.push(anon, a, b);
        expect(await connections()).toMatchObject({ current: 3, max: expect.any(Number) });
        await anon.close();
        open.splice(open.indexOf(anon), 1);
        expect((await until(connections, (c) => c.current === 2)).current).toBe(2);
        const denied = await ws.request('GET', '/api/v1/presence.getConnections', undefined, eve);
        expect(denied.status).toBe(403);
    });

    it('shows a connected user online, away only when every session is away, offline when gone', async () => {
        const [a, b] = open;
        expect((await info(eve)).status).toBe('online');
        await a.call('UserPresence:away');
        expect((await info(eve)).status).toBe('online');
        await b.call('UserPresence:away');
        expect(await info(eve)).toMatchObject({ status: 'away', statusConnection: 'away' });
        await a.call('UserPresence:online');
        expect(await info(eve)).toMatchObject({ status: 'online', statusConnection: 'online' });
        await a.close();
        await b.close();
        open.length = 0;
        expect(
            (
                await until(
                    () => info(eve),
                    (u) => u.status === 'offline',
                )
            ).statusConnection,
        ).toBe('offline');
    });

    it('lists connected users in users.presence, and nobody while presence broadcast is disabled', async () => {
        const s = await ws.openSession(eve);
        open.push(s);
        const listed = await ws.request('GET', '/api/v1/users.presence', undefined, ws.admin);
        expect(listed.status).toBe(200);
        expect(listed.body.users).toEqual(
            expect.arrayContaining([expect.objectContaining({ _id: eve.userId, username: 'wseve', status: 'online', utcOffset: 0 })]),
        );
        expect(listed.body.full).toBe(true);
        await ws.setWorkspaceSetting('Troubleshoot_Disable_Presence_Broadcast', true);
        expect((await ws.request('GET', '/api/v1/users.presence', undefined, ws.admin)).body).toMatchObject({ users: [], success: true });
        await ws.setWorkspaceSetting('Troubleshoot_Disable_Presence_Broadcast', false);
    });

    it('pushes presence changes on stream-user-presence, not while broadcast is disabled', async () => {
        const watcher = await ws.openSession(ws.admin);
        open.push(watcher);
        await watcher.subscribe('stream-user-presence', '', { useCollection: false, args: [] });
        const s = open[0];
        await s.call('UserPresence:away');
        const changed = await watcher.waitFor((m) => m.msg === 'changed' && m.collection === 'stream-user-presence' && m.fields?.eventName === eve.userId);
        expect(changed.fields.args[0]).toEqual(['wseve', 2, '']);
        await ws.setWorkspaceSetting('Presence_broadcast_disabled', true);
        const before = watcher.events(eve.userId).length;
        await s.call('UserPresence:online');
        await new Promise((r) => setTimeout(r, 300));
        expect(watcher.events(eve.userId).length).toBe(before);
        await ws.setWorkspaceSetting('Presence_broadcast_disabled', false);
    });

    it('delivers ephemeral replies on stream-notify-user <userId>/message (built-in or app /status)', async () => {
        const s = await ws.openSession(eve);
        open.push(s);
        await s.subscribe('stream-notify-user', `${eve.userId}/message`, false);
        await expect(s.subscribe('stream-notify-user', `${ws.admin.userId}/message`, false)).rejects.toThrow(/refused/);
        const res = await ws.command(eve, 'status', 'Out for lunch');
        expect(res.status).toBe(200);
        const msg = await s.waitFor((m) => m.msg === 'changed' && m.fields?.eventName === `${eve.userId}/message`);
        expect(msg.fields.args[0]).toMatchObject({ _id: expect.any(String), rid: expect.any(String), msg: expect.any(String) });
        expect((await info(eve)).statusText).toBe('Out for lunch');
    });

    it('answers unknown methods and subscriptions with DDP errors', async () => {
        const s = await ws.openSession();
        open.push(s);
        await expect(s.call('no.such.method')).rejects.toThrow(/not found/);
        await expect(s.subscribe('no-such-stream')).rejects.toThrow(/refused/);
        await expect(s.call('UserPresence:away')).rejects.toThrow(/Not allowed/);
    });
});
