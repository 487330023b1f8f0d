/**
 * Rocket.Chat's REST rate limiter on core routes (apps/meteor/app/api/server/api.ts, settings in
 * apps/meteor/server/settings/rate.ts): 10 calls per 60 s per route and client address; the 11th is
 * answered 429 with Rocket.Chat's body and headers; a caller with api-bypass-rate-limit (admin, bot,
 * app) is not limited; permissions.update may grant a permission to another role.
 */
import { startWorkspace, type Creds, type TestWorkspace } from '../helpers/workspace';

const TOO_MANY = /^Error, too many requests\. Please slow down\. You must wait (\d+) seconds before trying this endpoint again\. \[error-too-many-requests\]$/;

describe("local workspace: Rocket.Chat's REST rate limiter", () => {
    let ws: TestWorkspace;
    let plain: Creds;
    let other: Creds;

    beforeAll(async () => {
        ws = await startWorkspace();
        plain = await ws.createUser('rlplain', { roles: ['user'] });
        other = await ws.createUser('rlother', { roles: ['user'] });
    });

    afterAll(async () => {
        await ws?.stop();
    });

    it('answers the 11th call of a route from one address within the minute with 429, in Rocket.Chat’s words and headers', async () => {
        for (let n = 1; n <= 10; n++) {
            const res = await ws.request('GET', '/api/v1/me', undefined, plain);
            expect(res.status).toBe(200);
            expect(res.headers['x-ratelimit-limit']).toBe('10');
            expect(res.headers['x-ratelimit-remaining']).toBe(String(10 - n));
            expect(Number(res.headers['x-ratelimit-reset'])).toBeGreaterThan(Date.now() - 1000);
        }
        const refused = await ws.request('GET', '/api/v1/me', undefined, plain);
        expect(refused.status).toBe(429);
        expect(refused.body).toEqual({ success: false, error: expect.stringMatching(TOO_MANY) });
        const seconds = Number(TOO_MANY.exec(refused.body.error)![1]);
        expect(seconds).toBeGreaterThan(0);
        expect(seconds).toBeLessThanOrEqual(60);
        expect(refused.headers['x-ratelimit-limit']).toBe('10');
        expect(refused.headers['x-ratelimit-remaining']).toBe('0');
        const reset = Number(refused.headers['x-ratelimit-reset']);
        expect(Math.ceil((reset - Date.now()) / 1000)).toBeLessThanOrEqual(seconds);

        // per route, and per client address
        expect((await ws.request('GET', `/api/v1/users.info?userId=${plain.userId}`, undefined, plain)).status).toBe(200);
        expect((await ws.request('GET', '/api/v1/me', undefined, other)).status).toBe(200);
    });

    it('limits the login route too, per address, before the credentials are checked', async () => {
        const address = '127.0.9.9';
        for (let n = 1; n <= 10; n++) {
            const res = await ws.request('POST', '/api/v1/login', { user: 'rlplain', password: 'wrong' }, undefined, address);
            expect(res.status).toBe(401);
        }
        const refused = await ws.request('POST', '/api/v1/login', { user: 'rlplain', password: plain.password }, undefined, address);
        expect(refused.status).toBe(429);
        expect(refused.body.error).toMatch(TOO_MANY);
        // another address logs in
        expect((await ws.request('POST', '/api/v1/login', { user: 'rlplain', password: plain.password }, undefined, '127.0.9.10')).status).toBe(200);
    });

    it('does not count a call without a valid login on a route that needs one (401 first)', async () => {
        const address = '127.0.9.20';
        for (let n = 0; n < 12; n++) {
            const res = await ws.request('GET', '/api/v1/me', undefined, { ...plain, authToken: 'wrong' }, address);
            expect(res.status).toBe(401);
            expect(res.headers['x-ratelimit-limit']).toBeUndefined();
        }
    });

    it('lets a caller with api-bypass-rate-limit through: admin, bot; no rate-limit headers', async () => {
        const bot = await ws.createUser('rlbot', { roles: ['user', 'bot'] });
        for (const creds of [ws.admin, bot]) {
            for (let n = 0; n < 12; n++) {
                const res = await ws.request('GET', '/api/v1/me', undefined, creds);
                expect(res.status).toBe(200);
                expect(res.headers['x-ratelimit-limit']).toBeUndefined();
            }
        }
    });

    it('follows the settings: a new default limit starts the counting over; the limiter can be switched off', async () => {
        const limited = await ws.createUser('rlsettings', { roles: ['user'] });
        await ws.setWorkspaceSetting('API_Enable_Rate_Limiter_Limit_Calls_Default', 2);
        try {
            expect((await ws.request('GET', '/api/v1/me', undefined, limited)).headers['x-ratelimit-limit']).toBe('2');
            expect((await ws.request('GET', '/api/v1/me', undefined, limited)).status).toBe(200);
            expect((await ws.request('GET', '/api/v1/me', undefined, limited)).status).toBe(429);
            await ws.setWorkspaceSetting('API_Enable_Rate_Limiter', false);
            const free = await ws.request('GET', '/api/v1/me', undefined, limited);
            expect(free.status).toBe(200);
            expect(free.headers['x-ratelimit-limit']).toBeUndefined();
        } finally {
            await ws.setWorkspaceSetting('API_Enable_Rate_Limiter', true);
            await ws.setWorkspaceSetting('API_Enable_Rate_Limiter_Limit_Calls_Default', 10);
        }
    });

    it('permissions.update grants manage-user-status to the user role: a plain user then reads the count, rate limited', async () => {
        const reader = await ws.createUser('rlreader', { roles: ['user'] });
        expect((await ws.request('GET', '/api/v1/presence.getConnections', undefined, reader)).status).toBe(403);
        const denied = await ws.request(
            'POST',
            '/api/v1/permissions.update',
            { permissions: [{ _id: 'manage-user-status', roles: ['admin', 'user'] }] },
            reader,
        );
        expect(denied.status).toBe(403);
        const badRole = await ws.request('POST', '/api/v1/permissions.update', { permissions: [{ _id: 'manage-user-status', roles: ['nobody'] }] }, ws.admin);
        expect(badRole.body).toEqual({ success: false, error: 'Invalid role', errorType: 'error-invalid-role' });
        const badPermission = await ws.request('POST', '/api/v1/permissions.update', { permissions: [{ _id: 'no-such-thing', roles: ['user'] }] }, ws.admin);
        expect(badPermission.body).toEqual({ success: false, error: 'Invalid permission', errorType: 'error-invalid-permission' });
        const granted = await ws.request(
            'POST',
            '/api/v1/permissions.update',
            { permissions: [{ _id: 'manage-user-status', roles: ['admin', 'user'] }] },
            ws.admin,
        );
        expect(granted.status).toBe(200);
        expect(granted.body.permissions).toEqual(
            expect.arrayContaining([{ _id: 'manage-user-status', roles: ['admin', 'user'], _updatedAt: expect.any(String) }]),
        );
        try {
            // the refused call above counted too: Rocket.Chat checks the rate before the permissions
            const statuses: number[] = [];
            for (let n = 0; n < 10; n++) statuses.push((await ws.request('GET', '/api/v1/presence.getConnections', undefined, reader)).status);
            expect(statuses).toEqual([...Array(9).fill(200), 429]);
        } finally {
            await ws.request('POST', '/api/v1/permissions.update', { permissions: [{ _id: 'manage-user-status', roles: ['admin'] }] }, ws.admin);
        }
    });
});
