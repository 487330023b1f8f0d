/**
 * The app's exact count under Rocket.Chat's REST rate limiter: an access token whose owner is not an
 * admin (here a plain user granted manage-user-status, without api-bypass-rate-limit) gets 429s once
 * the route's limit is used up; the app backs off, keeps the last exact count, and says so with its
 * age where the number is shown (presence.getConnections, /status connections). The limit is lowered
 * to 3 calls a minute through Rocket.Chat's own setting, so the test does not wait for it.
 */
import { pollUntil } from '../helpers/poll';
import { startWorkspace, type Creds, type DdpSession, type TestWorkspace } from '../helpers/workspace';

describe('presence: a token owner without api-bypass-rate-limit', () => {
    let ws: TestWorkspace;
    let reader: Creds;
    let adminSession: DdpSession;

    const replies = (): string[] => adminSession.events(`${ws.admin.userId}/message`).map((args) => (args[0] as { msg: string }).msg);

    beforeAll(async () => {
        ws = await startWorkspace();
        const granted = await ws.request(
            'POST',
            '/api/v1/permissions.update',
            { permissions: [{ _id: 'manage-user-status', roles: ['admin', 'user'] }] },
            ws.admin,
        );
        expect(granted.status).toBe(200);
        reader = await ws.createUser('countreader', { roles: ['user'] });
        await ws.setWorkspaceSetting('API_Enable_Rate_Limiter_Limit_Calls_Default', 3);
        adminSession = await ws.openSession(ws.admin);
        await adminSession.subscribe('stream-notify-user', `${ws.admin.userId}/message`, { useCollection: false, args: [] });
        await ws.setAppSettings({ presence_workspace_user_id: reader.userId, presence_workspace_access_token: reader.authToken });
    });

    afterAll(async () => {
        await adminSession?.close();
        await ws?.stop();
    });

    it('reads the exact count until the limiter refuses, then shows the last exact count with its age, and says why', async () => {
        const first = await ws.app('GET', 'presence.getConnections', undefined, ws.admin);
        expect(first.body).toMatchObject({ source: 'workspace', success: true });
        expect(first.body.stale).toBeUndefined();
        // every read of the app's endpoint reads Rocket.Chat's count: within a few, the limit of 3 is used up
        const stale = await pollUntil(
            () => ws.app('GET', 'presence.getConnections', undefined, ws.admin),
            (res) => res.body.stale === true,
            { what: 'the app to fall back to the last exact count', intervalMs: 100 },
        );
        expect(stale.body).toEqual({ current: first.body.current, max: 200, source: 'workspace', stale: true, ageSeconds: expect.any(Number), success: true });
        expect(stale.body.ageSeconds).toBeGreaterThanOrEqual(0);

        const before = replies().length;
        expect((await ws.command(ws.admin, 'userstatus', 'connections')).status).toBe(200);
        await pollUntil(
            async () => replies().length,
            (n) => n > before,
            { what: 'the reply' },
        );
        expect(replies()[before]).toMatch(
            new RegExp(
                `^Connections: ${first.body.current} / 200 \\(last exact count ${first.body.current}, read \\d+ s ago: Rocket\\.Chat's rate limiter refuses a fresh read; give the owner of the access token the api-bypass-rate-limit permission \\(admins have it\\)\\)`,
            ),
        );
    });
});
