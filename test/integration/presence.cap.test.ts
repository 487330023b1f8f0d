/**
 * The connection cap on the local workspace (the packaged app in the real Apps-Engine runtime):
 * 201 real realtime sessions with the default cap turn the presence service off, with its
 * effects; it stays off when the count drops; enabling is refused over the cap and works under it.
 */
import { startWorkspace } from '../helpers/workspace';

type Workspace = Awaited<ReturnType<typeof startWorkspace>>;
type Creds = Awaited<ReturnType<Workspace['createUser']>>;
type Session = Awaited<ReturnType<Workspace['openSession']>>;

const BOT = 'user-status.bot';

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
        const value = await probe();
        if (value !== undefined) {
            return value;
        }
        if (Date.now() > deadline) {
            throw new Error(`timed out waiting for ${what}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
    }
}

describe('presence service and its connection cap (local workspace, real sessions)', () => {
    let ws: Workspace;
    const sessions: Session[] = [];
    let users: Creds[] = [];

    beforeAll(async () => {
        ws = await startWorkspace();
        await ws.setAppSettings({ presence_service_enabled: true, presence_connection_cap: 200, presence_cap_unlimited: false });
        users = [];
        for (let i = 0; i < 200; i++) {
            users.push(await ws.createUser(`cap${i}`));
        }
    }, 300_000);

    afterAll(async () => {
        for (const s of sessions) {
            await s.close();
        }
        await ws?.stop();
    }, 60_000);

    const status = async (creds: Creds) => (await ws.app('GET', 'users.getStatus', undefined, creds)).body as { status: string };
    const connections = async () => ((await ws.app('GET', 'presence.getConnections', undefined, ws.admin)).body as { current: number }).current;
    const serviceEnabled = async () => {
        const res = await ws.request('GET', `/api/apps/${ws.appId}/settings`, undefined, ws.admin);
        return (res.body as { settings: Record<string, { value: unknown }> }).settings.presence_service_enabled.value;
    };

    it('stays on at 200 connections and turns off at the 201st, with every effect', async () => {
        // the admin's own session first: the app learns the admin from the login event
        sessions.push(await ws.openSession(ws.admin));
        for (const creds of users.slice(0, 199)) {
            sessions.push(await ws.openSession(creds));
        }
        // the engine delivers login events asynchronously: wait until the app has heard of all 200
        const settled = Date.now();
        await until('the app to count 200 connections', async () => ((await connections()) === 200 ? true : undefined), 30_000);
        console.log(`presence: 200 logins counted ${Date.now() - settled} ms after the last session opened`);
        const at200 = await ws.app('GET', 'presence.getConnections', undefined, ws.admin);
        expect(at200.status).toBe(200);
        expect(at200.body).toEqual({ current: 200, max: 200, success: true });
        expect(await serviceEnabled()).toBe(true);
        expect((await status(users[0])).status).not.toBe('disabled');

        const crossing = Date.now();
        sessions.push(await ws.openSession(users[199]));
        await until('the service to be off', async () => ((await status(users[0])).status === 'disabled' ? true : undefined), 5_000);
        const elapsed = Date.now() - crossing;
        console.log(`presence: service off ${elapsed} ms after the 201st session opened`);
        expect(elapsed).toBeLessThan(5_000);

        expect(await serviceEnabled()).toBe(false);
        for (const id of ['Presence_broadcast_disabled', 'Troubleshoot_Disable_Presence_Broadcast']) {
            const res = await ws.request('GET', `/api/v1/settings/${id}`, undefined, ws.admin);
            expect((res.body as { value: unknown }).value).toBe(true);
        }
        const after = await ws.app('GET', 'presence.getConnections', undefined, ws.admin);
        expect(after.body).toEqual({ current: 201, max: 200, success: true });

        const dm = await until(
            "the admin's direct message",
            async () => {
                const res = await ws.request('GET', `/api/v1/im.messages?username=${BOT}`, undefined, ws.admin);
                const messages = ((res.body as { messages?: Array<{ msg: string }> }).messages ?? []).filter((m) =>
                    m.msg.includes('201 concurrent connections'),
                );
                return messages.length ? messages : undefined;
            },
            5_000,
        );
        expect(dm[0].msg).toContain('limit of 200');
    }, 300_000);

    it('stays off when the count drops; enabling is refused over the cap and works at the cap', async () => {
        const refused = await ws.app('POST', 'presence.enableBroadcast', {}, ws.admin);
        expect(refused.status).toBe(400);
        expect(refused.body).toEqual({ success: false, error: 'Cannot enable broadcast when there are more than 200 connections' });

        const forbidden = await ws.app('POST', 'presence.enableBroadcast', {}, users[5]);
        expect(forbidden.status).toBe(403);
        expect(forbidden.body).toEqual({ success: false, error: 'unauthorized' });

        await sessions.pop()!.close();
        await until('the count to drop to 200', async () => ((await connections()) === 200 ? true : undefined), 5_000);
        await new Promise((resolve) => setTimeout(resolve, 500));
        expect(await serviceEnabled()).toBe(false);
        expect((await status(users[0])).status).toBe('disabled');

        const enabled = await ws.app('POST', 'presence.enableBroadcast', {}, ws.admin);
        expect(enabled.status).toBe(200);
        expect(enabled.body).toEqual({ success: true });
        expect(await serviceEnabled()).toBe(true);
        expect((await status(users[0])).status).not.toBe('disabled');
        const res = await ws.request('GET', '/api/v1/settings/Presence_broadcast_disabled', undefined, ws.admin);
        expect((res.body as { value: unknown }).value).toBe(false);
    }, 120_000);
});
