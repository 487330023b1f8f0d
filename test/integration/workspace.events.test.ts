/**
 * The three user events as Rocket.Chat fires them to apps (app/authentication/server/startup,
 * server/methods/logoutCleanUp.ts, server/services/apps-engine/service.ts with
 * ee/packages/presence/src/Presence.ts): what the app's listeners received, read through the
 * workspace's event log.
 */
import { createHash } from 'crypto';
import { startWorkspace, type AppEvent, type Creds, type DdpSession, type TestWorkspace } from '../helpers/workspace';
import { connectClient, closeClient } from '../helpers/ddpClient';
import { pollUntil } from '../helpers/poll';

describe('local workspace: user events to apps', () => {
    let ws: TestWorkspace;
    let bob: Creds;
    const open: DdpSession[] = [];

    const lastSeq = async () => (await ws.appEvents()).reduce((m, e) => Math.max(m, e.seq), 0);
    const eventsOf = (events: AppEvent[], event: string, userId: string) =>
        events.filter((e) => e.event === event && (e.data?.id === userId || e.data?.user?.id === userId));
    /** A marker event after `seq`, so that "nothing else happened" is read once everything before it was handed over. */
    const settle = async (seq: number): Promise<AppEvent[]> => {
        const marker = await ws.createUser(`mark${Date.now().toString(36)}${Math.floor(Math.random() * 1e6)}`);
        return pollUntil(
            () => ws.appEvents(seq),
            (events) => events.some((e) => e.event === 'IPostUserLoggedIn' && e.data?.id === marker.userId),
            { what: 'the marker login event' },
        );
    };

    beforeAll(async () => {
        ws = await startWorkspace();
        bob = await ws.createUser('evbob', { password: 'bob-password-1', roles: ['user'] });
    });

    afterAll(async () => {
        for (const s of open) await s.close();
        await ws?.stop();
    });

    it('fires IPostUserLoggedIn for a REST password login and a REST digest login, not for a REST resume', async () => {
        const seq = await lastSeq();
        await ws.loginRest('evbob', 'bob-password-1');
        const digest = createHash('sha256').update('bob-password-1').digest('hex');
        const byDigest = await ws.request('POST', '/api/v1/login', { user: 'evbob', password: { digest, algorithm: 'sha-256' } });
        expect(byDigest.status).toBe(200);
        const resume = await ws.request('POST', '/api/v1/login', { resume: bob.authToken });
        expect(resume.status).toBe(200);
        expect(resume.body.data.authToken).toBe(bob.authToken);
        const events = eventsOf(await settle(seq), 'IPostUserLoggedIn', bob.userId);
        expect(events).toHaveLength(2);
        expect(events[0].data).toMatchObject({ id: bob.userId, username: 'evbob', type: 'user', roles: ['user'], settings: { preferences: {} } });
    });

    it('fires IPostUserLoggedIn for a DDP password and digest login (the web client), never for a DDP resume', async () => {
        const seq = await lastSeq();
        // the web client's SDK sends the sha-256 digest the caller gives it
        const client = await connectClient(ws.url);
        try {
            await client.account.loginWithPassword('evbob', createHash('sha256').update('bob-password-1').digest('hex'));
        } finally {
            closeClient(client);
        }
        const s = await ws.openSession();
        open.push(s);
        await s.call('login', { user: { username: 'evbob' }, password: 'bob-password-1' });
        const resumed = await ws.openSession(bob);
        open.push(resumed);
        closeClient(await connectClient(ws.url, bob));
        expect(eventsOf(await settle(seq), 'IPostUserLoggedIn', bob.userId)).toHaveLength(2);
    });

    it('fires IPostUserLoggedOut only from logoutCleanUp (explicit logout), not for a DDP or REST logout or a closed socket', async () => {
        const carol = await ws.createUser('evcarol');
        const seq = await lastSeq();
        const s = await ws.openSession(carol);
        await s.call('logout');
        await s.close();
        const again = await ws.loginRest('evcarol', carol.password!);
        expect((await ws.request('POST', '/api/v1/logout', undefined, again)).body).toEqual({
            status: 'success',
            data: { message: "You've been logged out!" },
        });
        const viaGet = await ws.loginRest('evcarol', carol.password!);
        expect((await ws.request('GET', '/api/v1/logout', undefined, viaGet)).status).toBe(200);
        expect((await ws.request('GET', '/api/v1/me', undefined, viaGet)).status).toBe(401);
        expect(eventsOf(await settle(seq), 'IPostUserLoggedOut', carol.userId)).toEqual([]);

        const seq2 = await lastSeq();
        const web = await ws.openSession(carol);
        await web.call('logout');
        await web.call('logoutCleanUp', { _id: carol.userId, username: 'evcarol' });
        await web.close();
        const out = eventsOf(await settle(seq2), 'IPostUserLoggedOut', carol.userId);
        expect(out).toHaveLength(1);
        expect(out[0].data).toMatchObject({ id: carol.userId, username: 'evcarol', type: 'unknown', statusConnection: 'undefined' });
    });

    it('fires IPostUserStatusChanged with the partial user when the stored status changes, once per change', async () => {
        const dave = await ws.createUser('evdave', { roles: ['user'] });
        const seq = await lastSeq();
        const first = await ws.openSession(dave);
        open.push(first);
        const second = await ws.openSession(dave); // already online: nothing stored changes
        open.push(second);
        const events = eventsOf(await settle(seq), 'IPostUserStatusChanged', dave.userId);
        expect(events).toHaveLength(1);
        expect(events[0].data).toEqual({
            user: {
                id: dave.userId,
                username: 'evdave',
                type: 'unknown',
                roles: ['user'],
                status: 'online',
                statusText: '',
                statusConnection: 'undefined',
                settings: { preferences: {} },
            },
            currentStatus: 'online',
            previousStatus: 'offline',
        });
    });

    it('fires nothing for a message-only change made through the app (the user updater)', async () => {
        const erin = await ws.createUser('everin');
        const s = await ws.openSession(erin);
        open.push(s);
        await pollUntil(
            () => ws.request('GET', `/api/v1/users.info?userId=${erin.userId}`, undefined, ws.admin),
            (r) => r.body.user?.status === 'online',
        );
        const seq = await lastSeq();
        const res = await ws.app('POST', 'users.setStatus', { message: 'Only the message' }, erin);
        expect(res.body).toEqual({ success: true });
        expect((await ws.request('GET', `/api/v1/users.info?userId=${erin.userId}`, undefined, ws.admin)).body.user.statusText).toBe('Only the message');
        expect(eventsOf(await settle(seq), 'IPostUserStatusChanged', erin.userId)).toEqual([]);
    });

    it('fires no presence-service IPostUserStatusChanged while broadcast is off (troubleshooting switch), but the core message path still does', async () => {
        const fay = await ws.createUser('evfay');
        await ws.setWorkspaceSetting('Troubleshoot_Disable_Presence_Broadcast', true);
        // the server's watcher acts after its debounce (settings.watch)
        await ws.waitForBroadcast(false);
        try {
            const seq = await lastSeq();
            const s = await ws.openSession(fay);
            open.push(s);
            await pollUntil(
                () => ws.request('GET', `/api/v1/users.info?userId=${fay.userId}`, undefined, ws.admin),
                (r) => r.body.user?.status === 'online',
            );
            expect(eventsOf(await settle(seq), 'IPostUserStatusChanged', fay.userId)).toEqual([]);

            const seq2 = await lastSeq();
            expect((await ws.request('POST', '/api/v1/users.setStatus', { message: 'core path' }, fay)).body).toEqual({ success: true });
            const events = eventsOf(await settle(seq2), 'IPostUserStatusChanged', fay.userId);
            expect(events).toHaveLength(1);
            expect(events[0].data).toMatchObject({
                user: { statusText: 'core path', status: 'online', name: 'evfay' },
                currentStatus: 'online',
                previousStatus: 'online',
            });
        } finally {
            await ws.setWorkspaceSetting('Troubleshoot_Disable_Presence_Broadcast', false);
            await ws.waitForBroadcast(true);
        }
    });

    it('hands the user language (settings.preferences.language) to the app', async () => {
        const gus = await ws.createUser('evgus');
        const res = await ws.request('POST', '/api/v1/users.setPreferences', { data: { language: 'de' } }, gus);
        expect(res.status).toBe(200);
        expect(res.body).toEqual({ user: { _id: gus.userId, settings: { preferences: { language: 'de' } } }, success: true });
        const me = await ws.request('GET', '/api/v1/me', undefined, gus);
        expect(me.body.settings.preferences).toMatchObject({ language: 'de', idleTimeLimit: 300 });
        expect(me.body.language).toBe('de');
        const seq = await lastSeq();
        await ws.loginRest('evgus', gus.password!);
        const logins = eventsOf(await settle(seq), 'IPostUserLoggedIn', gus.userId);
        expect(logins).toHaveLength(1);
        expect(logins[0].data.settings).toEqual({ preferences: { language: 'de' } });

        const bad = await ws.request('POST', '/api/v1/users.setPreferences', { data: { language: 7 } }, gus);
        expect(bad.status).toBe(400);
        expect(bad.body).toEqual({ success: false, error: '/data/language must be string [invalid-params]', errorType: 'invalid-params' });
        const unknownKey = await ws.request('POST', '/api/v1/users.setPreferences', { data: { nope: true } }, gus);
        expect(unknownKey.body.error).toBe('/data must NOT have additional properties [invalid-params]');
        const other = await ws.request('POST', '/api/v1/users.setPreferences', { userId: bob.userId, data: { language: 'es' } }, gus);
        expect(other.body).toEqual({ success: false, error: 'Editing user is not allowed [error-action-not-allowed]', errorType: 'error-action-not-allowed' });
    });
});
