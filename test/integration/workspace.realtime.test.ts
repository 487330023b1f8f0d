/**
 * The workspace's realtime surface, driven as Rocket.Chat's clients do: raw DDP for the protocol
 * details, `@rocket.chat/ddp-client` (the web client's SDK) for methods and streams.
 */
import type { DDPSDK } from '@rocket.chat/ddp-client';
import { startWorkspace, type TestWorkspace, type Creds, type DdpSession } from '../helpers/workspace';
import { closeClient, connectClient } from '../helpers/ddpClient';
import { pollUntil } from '../helpers/poll';

describe('local workspace: DDP sessions, methods and streams', () => {
    let ws: TestWorkspace;
    let eve: Creds;
    let sam: Creds;
    const open: DdpSession[] = [];
    const clients: DDPSDK[] = [];

    const connections = async () => (await ws.request('GET', '/api/v1/presence.getConnections', undefined, ws.admin)).body as { current: number; max: number };
    const info = async (creds: Creds) => (await ws.request('GET', `/api/v1/users.info?userId=${creds.userId}`, undefined, ws.admin)).body.user;
    const client = async (creds?: Creds) => {
        const c = await connectClient(ws.url, creds);
        clients.push(c);
        return c;
    };

    beforeAll(async () => {
        ws = await startWorkspace();
        eve = await ws.createUser('wseve', { roles: ['user'] });
        sam = await ws.createUser('wssam');
    });

    afterAll(async () => {
        for (const c of clients) closeClient(c);
        for (const s of open) await s.close();
        await ws?.stop();
    });

    it('connects, answers ping, and logs in with a resume token', async () => {
        const s = await ws.openSession();
        expect(s.sessionId).toEqual(expect.any(String));
        await s.ping();
        await expect(s.call('login', { resume: 'not-a-token' })).rejects.toThrow(/logged out/);
        await s.login(eve);
        expect(s.userId).toBe(eve.userId);
        await s.close();
    });

    it('counts every open socket as a connection, as the instance publishes it (after a login, a logout, a close)', async () => {
        expect((await pollUntil(connections, (c) => c.current === 0)).current).toBe(0);
        const anon = await ws.openSession();
        const a = await ws.openSession(eve);
        const b = await ws.openSession(eve);
        open.push(a, b);
        expect(await pollUntil(connections, (c) => c.current === 3, { what: 'the count of 3 published' })).toEqual({ current: 3, max: 200, success: true });
        await anon.close();
        expect((await pollUntil(connections, (c) => c.current === 2)).current).toBe(2);
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
                await pollUntil(
                    () => info(eve),
                    (u) => u.status === 'offline',
                )
            ).statusConnection,
        ).toBe('offline');
    });

    it('lists connected users in users.presence; an empty list only while Presence_broadcast_disabled is true', async () => {
        const s = await ws.openSession(eve);
        open.push(s);
        const listed = await ws.request('GET', '/api/v1/users.presence', undefined, ws.admin);
        expect(listed.body.users).toEqual(expect.arrayContaining([{ _id: eve.userId, username: 'wseve', name: 'wseve', status: 'online', utcOffset: 0 }]));
        expect(listed.body.full).toBe(true);
        await ws.setWorkspaceSetting('Troubleshoot_Disable_Presence_Broadcast', true);
        expect((await ws.request('GET', '/api/v1/users.presence', undefined, ws.admin)).body.users).toEqual(
            expect.arrayContaining([expect.objectContaining({ _id: eve.userId })]),
        );
        await ws.setWorkspaceSetting('Troubleshoot_Disable_Presence_Broadcast', false);
        await ws.setWorkspaceSetting('Presence_broadcast_disabled', true);
        expect((await ws.request('GET', '/api/v1/users.presence', undefined, ws.admin)).body).toEqual({ users: [], full: true, success: true });
        await ws.setWorkspaceSetting('Presence_broadcast_disabled', false);
    });

    it('pushes stream-user-presence only for the ids in {added}, and nothing while broadcast is off', async () => {
        const watcher = await ws.openSession(ws.admin);
        open.push(watcher);
        await watcher.subscribe('stream-user-presence', '', { added: [eve.userId] });
        const samSession = await ws.openSession(sam); // sam comes online: not listened to
        open.push(samSession);
        await open[open.length - 3].call('UserPresence:away'); // eve's session
        const changed = await watcher.waitFor((m) => m.msg === 'changed' && m.collection === 'stream-user-presence' && m.id === eve.userId);
        expect(changed).toEqual({
            msg: 'changed',
            collection: 'stream-user-presence',
            id: eve.userId,
            fields: { uid: eve.userId, args: [['wseve', 2, '']], eventName: eve.userId },
        });
        expect(watcher.messages.filter((m) => m.collection === 'stream-user-presence' && m.id === sam.userId)).toEqual([]);

        await ws.setWorkspaceSetting('Troubleshoot_Disable_Presence_Broadcast', true);
        // the server's watcher acts after its debounce (settings.watch)
        await ws.waitForBroadcast(false);
        const before = watcher.messages.length;
        await open[open.length - 3].call('UserPresence:online');
        await ws.setWorkspaceSetting('Troubleshoot_Disable_Presence_Broadcast', false);
        await ws.waitForBroadcast(true);
        await open[open.length - 3].call('UserPresence:away');
        await open[open.length - 3].call('UserPresence:online');
        const after = await watcher.waitFor(
            (m) => m.msg === 'changed' && m.collection === 'stream-user-presence' && m.fields?.args?.[0]?.[1] === 1 && watcher.messages.indexOf(m) >= before,
        );
        const between = watcher.messages.slice(before, watcher.messages.indexOf(after)).filter((m) => m.collection === 'stream-user-presence');
        expect(between.map((m) => m.fields.args[0][1])).toEqual([2]);
    });

    it('sends `added` before `ready` and before the first `changed` with useCollection', async () => {
        const s = await ws.openSession(eve);
        open.push(s);
        await s.subscribe('stream-notify-user', `${eve.userId}/message`, { useCollection: true, args: [] });
        const added = s.messages.findIndex((m) => m.msg === 'added');
        const ready = s.messages.findIndex((m) => m.msg === 'ready');
        expect(s.messages[added]).toEqual({ msg: 'added', collection: 'stream-notify-user', id: 'id', fields: { eventName: `${eve.userId}/message` } });
        expect(added).toBeLessThan(ready);
        await expect(s.subscribe('stream-notify-user', `${sam.userId}/message`, false)).rejects.toThrow(/not-allowed/);
    });

    it('streams user-status (notify-logged) and userData (notify-user) through the web client SDK', async () => {
        const watcher = await client(sam);
        const seen: unknown[][] = [];
        watcher.stream('notify-logged', 'user-status', (...args: unknown[]) => {
            seen.push(args);
        });
        const eveClient = await client(eve);
        const userData: unknown[] = [];
        eveClient.stream('notify-user', `${eve.userId}/userData`, (...args: unknown[]) => {
            userData.push(args[0]);
        });
        await pollUntil(
            async () => watcher.call('UserPresence:online'),
            () => true,
        ); // the subscriptions are in place once a method returns
        await eveClient.call('setUserStatus', 'busy', 'In a call');
        await pollUntil(
            async () => seen,
            (s) => s.some((a) => Array.isArray(a[0]) && a[0][0] === eve.userId && a[0][2] === 3),
        );
        const status = seen.find((a) => Array.isArray(a[0]) && a[0][0] === eve.userId && a[0][2] === 3)![0];
        // the presence service's broadcast carries no name and, for a status-only change, no text (JSON turns them into null)
        expect(status).toEqual([eve.userId, 'wseve', 3, null, null, ['user']]);
        await pollUntil(
            async () => seen,
            (s) => s.some((a) => Array.isArray(a[0]) && a[0][3] === 'In a call'),
        );
        expect(seen.map((a) => a[0])).toContainEqual([eve.userId, 'wseve', 3, 'In a call', 'wseve', ['user']]);
        await pollUntil(
            async () => userData,
            (u) => u.some((d) => (d as { diff?: { statusText?: string } }).diff?.statusText === 'In a call'),
        );
        expect(userData).toEqual(expect.arrayContaining([{ type: 'updated', id: eve.userId, diff: { status: 'busy' }, unset: {} }]));
        expect(await info(eve)).toMatchObject({ status: 'busy', statusText: 'In a call' });

        expect(await eveClient.call('UserPresence:setDefaultStatus', 'away')).toBe(true);
        expect(await info(eve)).toMatchObject({ status: 'away' });
        expect(await eveClient.call('UserPresence:setDefaultStatus', 'online')).toBe(true);
    });

    it('runs slashCommand, createDirectMessage and sendMessage, and streams room messages', async () => {
        const eveClient = await client(eve);
        const dm = await eveClient.call('createDirectMessage', 'wssam');
        expect(dm).toMatchObject({ t: 'd', rid: [eve.userId, sam.userId].sort().join(''), usernames: expect.arrayContaining(['wseve', 'wssam']) });
        const samClient = await client(sam);
        const roomMessages: unknown[] = [];
        samClient.stream('room-messages', dm.rid, (...args: unknown[]) => {
            roomMessages.push(args[0]);
        });
        const mine: unknown[][] = [];
        samClient.stream('room-messages', '__my_messages__', (...args: unknown[]) => {
            mine.push(args);
        });
        await samClient.call('UserPresence:online');
        const sent = await eveClient.call('sendMessage', { rid: dm.rid, msg: 'hello sam' });
        expect(sent).toMatchObject({ rid: dm.rid, msg: 'hello sam', u: { _id: eve.userId, username: 'wseve' } });
        await pollUntil(
            async () => roomMessages.length + mine.length,
            (n) => n >= 2,
        );
        expect(roomMessages[0]).toMatchObject({ _id: sent._id, msg: 'hello sam' });
        expect(mine[0]).toEqual([expect.objectContaining({ _id: sent._id }), { roomParticipant: true, roomType: 'd' }]);

        expect(await eveClient.call('slashCommand', { cmd: 'status', params: 'Out for lunch', msg: { rid: dm.rid } })).toBeUndefined();
        await pollUntil(
            () => info(eve),
            (u) => u.statusText !== 'In a call',
        );
        await expect(eveClient.call('slashCommand', { cmd: 'no-such', params: '', msg: { rid: dm.rid } })).rejects.toMatchObject({
            error: 'error-invalid-command',
        });
        await expect(eveClient.call('slashCommand', { cmd: 'status', params: 'x' })).rejects.toMatchObject({ error: 'invalid-command-usage' });
        await expect(samClient.call('sendMessage', { rid: 'no-such-room', msg: 'x' })).rejects.toMatchObject({ error: 'error-invalid-room' });
    });

    it('delivers ephemeral replies on stream-notify-user <userId>/message (built-in or app /status)', async () => {
        const s = await ws.openSession(eve);
        open.push(s);
        await s.subscribe('stream-notify-user', `${eve.userId}/message`, false);
        const res = await ws.command(eve, 'status', 'Out for lunch again');
        expect(res.status).toBe(200);
        const msg = await s.waitFor((m) => m.msg === 'changed' && m.fields?.eventName === `${eve.userId}/message`);
        expect(msg.fields.args[0]).toMatchObject({ _id: expect.any(String), rid: expect.any(String), msg: expect.any(String) });
    });

    it('answers unknown methods and subscriptions with DDP errors, and the presence methods with nothing before a login', async () => {
        const s = await ws.openSession();
        open.push(s);
        await expect(s.call('no.such.method')).rejects.toThrow("Method 'no.such.method' not found [404]");
        await expect(s.subscribe('no-such-stream')).rejects.toThrow(/not found/);
        expect(await s.call('UserPresence:away')).toBeUndefined();
        await expect(s.call('setUserStatus', 'busy')).rejects.toThrow('Invalid user [error-invalid-user]');
        await expect(s.subscribe('stream-notify-logged', 'user-status', false)).rejects.toThrow(/not-allowed/);
    });
});
