/**
 * The server's own presence cap (ee/packages/presence/src/Presence.ts): above 200 connections without
 * a license broadcast stops and Presence_broadcast_disabled turns true; turning it on again is refused
 * above 200 (presence.enableBroadcast, the troubleshooting switch); the setting is reset at start;
 * LICENSE=enterprise lifts the cap.
 */
import { startWorkspace, type Creds, type DdpSession, type TestWorkspace } from '../helpers/workspace';
import { pollUntil } from '../helpers/poll';

const REFUSAL = { success: false, error: 'Cannot enable broadcast when there are more than 200 connections' };

async function openMany(ws: TestWorkspace, creds: Creds, n: number): Promise<DdpSession[]> {
    const sessions: DdpSession[] = [];
    while (sessions.length < n) {
        const batch = Math.min(25, n - sessions.length);
        sessions.push(...(await Promise.all(Array.from({ length: batch }, () => ws.openSession(creds)))));
    }
    return sessions;
}

const setting = async (ws: TestWorkspace, id: string) => (await ws.request('GET', `/api/v1/settings/${id}`, undefined, ws.admin)).body.value;

describe('local workspace: the server presence cap (Community)', () => {
    let ws: TestWorkspace;
    let user: Creds;
    let sessions: DdpSession[] = [];

    beforeAll(async () => {
        ws = await startWorkspace();
        user = await ws.createUser('capuser');
    });

    afterAll(async () => {
        for (const s of sessions) await s.close();
        await ws?.stop();
    });

    it('answers presence.getConnections with max 200, to manage-user-status (admin) only', async () => {
        const res = await ws.request('GET', '/api/v1/presence.getConnections', undefined, ws.admin);
        expect(res.body).toEqual({ current: 0, max: 200, success: true });
        const denied = await ws.request('GET', '/api/v1/presence.getConnections', undefined, user);
        expect(denied.status).toBe(403);
        expect(denied.body).toEqual({ success: false, error: 'User does not have the permissions required for this action [error-unauthorized]' });
        const deniedEnable = await ws.request('POST', '/api/v1/presence.enableBroadcast', undefined, user);
        expect(deniedEnable.status).toBe(403);
        expect((await ws.request('POST', '/api/v1/presence.enableBroadcast', undefined, ws.admin)).body).toEqual({ success: true });
    });

    it('turns broadcast off above 200 connections and refuses to turn it on again until the count is back', async () => {
        sessions = await openMany(ws, user, 200);
        expect(await setting(ws, 'Presence_broadcast_disabled')).toBe(false);
        sessions.push(...(await openMany(ws, user, 1)));
        // the count the instance published (updateConns, throttled), not the sockets at once
        await pollUntil(
            async () => (await ws.request('GET', '/api/v1/presence.getConnections', undefined, ws.admin)).body,
            (body) => body.current === 201,
            { what: 'the count of 201 to be published' },
        );
        await pollUntil(
            () => setting(ws, 'Presence_broadcast_disabled'),
            (v) => v === true,
            { what: 'Presence_broadcast_disabled true' },
        );
        expect((await ws.request('GET', '/api/v1/users.presence', undefined, ws.admin)).body).toEqual({ users: [], full: true, success: true });

        const refused = await ws.request('POST', '/api/v1/presence.enableBroadcast', undefined, ws.admin);
        expect(refused.status).toBe(400);
        expect(refused.body).toEqual(REFUSAL);
        // the troubleshooting switch's watcher swallows the same refusal
        await ws.setWorkspaceSetting('Troubleshoot_Disable_Presence_Broadcast', true);
        await ws.setWorkspaceSetting('Troubleshoot_Disable_Presence_Broadcast', false);
        expect(await setting(ws, 'Presence_broadcast_disabled')).toBe(true);

        // no status broadcast reaches the app while off
        const seq = (await ws.appEvents()).reduce((m, e) => Math.max(m, e.seq), 0);
        const late = await ws.createUser('caplate');
        const s = await ws.openSession(late);
        sessions.push(s);
        const events = await pollUntil(
            () => ws.appEvents(seq),
            (e) => e.some((x) => x.event === 'IPostUserLoggedIn' && x.data.id === late.userId),
        );
        expect(events.filter((e) => e.event === 'IPostUserStatusChanged')).toEqual([]);

        await sessions.pop()!.close();
        await sessions.pop()!.close();
        await pollUntil(
            async () => (await ws.request('GET', '/api/v1/presence.getConnections', undefined, ws.admin)).body.current,
            (n) => n === 200,
        );
        expect((await ws.request('POST', '/api/v1/presence.enableBroadcast', undefined, ws.admin)).body).toEqual({ success: true });
        expect(await setting(ws, 'Presence_broadcast_disabled')).toBe(false);
    });

    it('resets Presence_broadcast_disabled to false when the server starts', async () => {
        for (const s of sessions) await s.close();
        sessions = [];
        await ws.setWorkspaceSetting('Presence_broadcast_disabled', true);
        await ws.restart();
        expect(await setting(ws, 'Presence_broadcast_disabled')).toBe(false);
    });
});

describe('local workspace: LICENSE=enterprise lifts the server cap', () => {
    let ws: TestWorkspace;
    let sessions: DdpSession[] = [];

    beforeAll(async () => {
        ws = await startWorkspace({ env: { LICENSE: 'enterprise' } });
    });

    afterAll(async () => {
        for (const s of sessions) await s.close();
        await ws?.stop();
    });

    it('keeps broadcasting above 200 connections and enables broadcast on request', async () => {
        const user = await ws.createUser('licuser');
        sessions = await openMany(ws, user, 201);
        const count = await pollUntil(
            async () => (await ws.request('GET', '/api/v1/presence.getConnections', undefined, ws.admin)).body,
            (body) => body.current === 201,
            { what: 'the count of 201 to be published' },
        );
        expect(count).toEqual({ current: 201, max: 200, success: true });
        expect((await ws.request('POST', '/api/v1/presence.enableBroadcast', undefined, ws.admin)).body).toEqual({ success: true });
        expect(await setting(ws, 'Presence_broadcast_disabled')).toBe(false);
        const listed = await ws.request('GET', '/api/v1/users.presence', undefined, ws.admin);
        expect(listed.body.users).toEqual(expect.arrayContaining([expect.objectContaining({ _id: user.userId, status: 'online' })]));
    });
});
