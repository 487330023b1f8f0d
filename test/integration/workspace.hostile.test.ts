/**
 * Hostile or unlucky clients of the app's endpoints (issue 16): what reaches the app is what
 * Rocket.Chat's parsers hand it, and what the engine refuses is answered as Rocket.Chat's apps API
 * bridge answers it (apps/meteor/app/apps/server/bridges/api.ts: `res.status(500).send(reason.message)`).
 * A JSON body with a `__proto__` key is the engine's own failure: test/integration/engine.protoKey.test.ts.
 */
import { startWorkspace, type Creds, type TestWorkspace } from '../helpers/workspace';

describe('local workspace: hostile input to app endpoints', () => {
    let ws: TestWorkspace;
    let user: Creds;
    const appPath = (endpoint: string) => `/api/apps/public/${ws.appId}/${endpoint}`;
    const alive = async () => {
        const res = await ws.app('GET', 'users.getStatus', undefined, user);
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({ _id: user.userId, success: true });
    };

    beforeAll(async () => {
        ws = await startWorkspace();
        user = await ws.createUser('hostile');
    });

    afterAll(async () => {
        await ws?.stop();
    });

    it('drops a query parameter named __proto__ as express does, and the app keeps answering everyone', async () => {
        const other = await ws.createUser('hostileother');
        for (const query of ['__proto__=x', '__proto__[status]=busy', 'x=1&__proto__[__proto__]=1']) {
            const res = await ws.request('GET', `${appPath('users.getStatus')}?username=hostileother&${query}`, undefined, user);
            expect(res.status).toBe(200);
            // the rest of the query reached the app
            expect(res.body).toMatchObject({ _id: other.userId, success: true });
        }
        await alive();
    });

    it('drops a __proto__ key of a form body (express.urlencoded, extended) and hands the app the rest', async () => {
        const res = await ws.requestAs(
            'application/x-www-form-urlencoded',
            'POST',
            appPath('users.setStatus'),
            'message=Sent+from+a+form&__proto__[status]=busy&__proto__=x',
            user,
        );
        expect(res.status).toBe(200);
        expect(res.body).toEqual({ success: true });
        const me = await ws.request('GET', '/api/v1/me', undefined, user);
        expect(me.body.statusText).toBe('Sent from a form');
        await alive();
    });

    // the app serves every method on every endpoint (else the engine would answer a 500 for it), as
    // Rocket.Chat's REST router answers a method a route does not serve
    it.each(['GET', 'PUT', 'DELETE', 'PATCH'])("answers %s on a POST-only endpoint as Rocket.Chat's router: 404 Not Found", async (method) => {
        const res = await ws.request(method, appPath('users.setStatus'), undefined, user);
        expect(res.status).toBe(404);
        expect(res.headers['content-type']).toMatch(/^text\/plain/);
        expect(res.text).toBe('404 Not Found');
        await alive();
    });

    it('answers OPTIONS with 200 OK, HEAD with 404 and no body', async () => {
        const options = await ws.request('OPTIONS', appPath('users.setStatus'), undefined, user);
        expect([options.status, options.text]).toEqual([200, 'OK']);
        const head = await ws.request('HEAD', appPath('users.setStatus'), undefined, user);
        expect([head.status, head.text]).toEqual([404, '']);
    });

    it('answers a body the engine cannot hand over as Rocket.Chat: 500 with the engine message, and changes nothing', async () => {
        const before = (await ws.request('GET', '/api/v1/me', undefined, user)).body.statusText;
        const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

        // jsonrpc-lite refuses params JSON.stringify cannot write
        const deep = await ws.request('POST', appPath('users.setStatus'), nested(100_000), user);
        expect(deep.status).toBe(500);
        expect(deep.headers['content-type']).toBe('text/html; charset=utf-8');
        expect(deep.text).toBe('Parse error');

        // msgpack's encoder stops at a depth of 100
        const moderate = await ws.request('POST', appPath('users.setStatus'), `{"message":"x","nested":${nested(200)}}`, user);
        expect(moderate.status).toBe(500);
        expect(moderate.text).toBe('Too deep objects in depth 101');

        expect((await ws.request('GET', '/api/v1/me', undefined, user)).body.statusText).toBe(before);
        await alive();
    });

    it('takes bodies up to express.json limit of 50 MB and answers 413 above it', async () => {
        const justUnder = JSON.stringify({ message: 'Big body', padding: 'x'.repeat(2 * 1024 * 1024) });
        const ok = await ws.request('POST', appPath('users.setStatus'), justUnder, user);
        expect(ok.status).toBe(200);

        const over = await ws.requestDeclaring('POST', appPath('users.setStatus'), 50 * 1024 * 1024 + 1, user);
        expect(over.status).toBe(413);
        await alive();
    });
});
