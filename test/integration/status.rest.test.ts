/**
 * users.setStatus / users.getStatus over HTTP against the packaged app in the real Apps-Engine
 * runtime (local workspace): every case of SPEC.md section 2, and the status really changing on
 * the workspace user (GET /api/v1/users.info).
 */
import { pollUntil } from '../helpers/poll';
import { startWorkspace } from '../helpers/workspace';

type Workspace = Awaited<ReturnType<typeof startWorkspace>>;
type Creds = Awaited<ReturnType<Workspace['createUser']>>;
type Session = Awaited<ReturnType<Workspace['openSession']>>;
interface UserInfo {
    _id: string;
    username: string;
    status: string;
    statusText?: string;
    statusConnection?: string;
}

const MATCH = 'Match error: Failed Match.OneOf, Match.Maybe or Match.Optional validation';
const INVALID_USER = {
    success: false,
    errorType: 'error-invalid-user',
    error: 'The required "userId" or "username" param provided does not match any users [error-invalid-user]',
};
const suffix = Date.now().toString(36);

describe('users.setStatus / users.getStatus (local workspace, real runtime)', () => {
    let ws: Workspace;
    let alice: Creds;
    let bob: Creds;
    const sessions: Session[] = [];

    const info = async (creds: Creds): Promise<UserInfo> => {
        const res = await ws.request('GET', `/api/v1/users.info?userId=${encodeURIComponent(creds.userId)}`, undefined, ws.admin);
        expect(res.status).toBe(200);
        return (res.body as { user: UserInfo }).user;
    };
    const setStatus = (body: unknown, creds: Creds) => ws.app('POST', 'users.setStatus', body, creds);
    const getStatus = (query: string, creds: Creds) => ws.app('GET', `users.getStatus${query}`, undefined, creds);

    beforeAll(async () => {
        ws = await startWorkspace();
        await ws.setAppSettings({ roles_edit_other_user_status: 'admin', presence_service_enabled: true });
        alice = await ws.createUser(`alice-${suffix}`);
        bob = await ws.createUser(`bob-${suffix}`);
        // connected users: the visible status follows the default they set
        sessions.push(await ws.openSession(alice), await ws.openSession(bob));
    }, 120_000);

    afterAll(async () => {
        for (const s of sessions) {
            await (s as { close(): Promise<void> | void }).close();
        }
        await ws?.stop();
    }, 60_000);

    it('not logged in: 401 in the JSON envelope (the app checks request.user itself)', async () => {
        const NOT_LOGGED_IN = { success: false, status: 'error', message: 'You must be logged in to do this.', error: 'You must be logged in to do this.' };
        const root = `/api/apps/public/${ws.appId}`;
        for (const res of [
            await ws.request('POST', `${root}/users.setStatus`, { status: 'away' }),
            await ws.request('GET', `${root}/users.getStatus`),
            await ws.request('POST', `${root}/users.setStatus`, { status: 'away' }, { ...alice, authToken: 'wrong-token' }),
        ]) {
            expect(res.status).toBe(401);
            expect(res.headers['content-type']).toMatch(/application\/json/);
            expect(res.body).toEqual(NOT_LOGGED_IN);
        }
    });

    it('sets status and message on the workspace user (users.info)', async () => {
        const res = await setStatus({ status: 'busy', message: '  In a meeting  ' }, alice);
        expect(res.status).toBe(200);
        expect(res.body).toEqual({ success: true });
        expect(await info(alice)).toMatchObject({ status: 'busy', statusText: 'In a meeting' });
        const away = await setStatus({ status: 'away' }, alice);
        expect(away.body).toEqual({ success: true });
        expect(await info(alice)).toMatchObject({ status: 'away', statusText: 'In a meeting' });
    });

    it('message: trimmed, cut to 120; "" clears', async () => {
        expect((await setStatus({ message: `   ${'x'.repeat(150)}` }, alice)).status).toBe(200);
        expect((await info(alice)).statusText).toBe('x'.repeat(120));
        expect((await setStatus({ message: '' }, alice)).status).toBe(200);
        expect((await info(alice)).statusText ?? '').toBe('');
    });

    it.each([[{}], [{ message: 5 }], [{ status: null, message: null }], [{ status: ['away'] }]])(
        'wrong shape %p: 400 Match error, no errorType',
        async (body) => {
            const before = await info(alice);
            const res = await setStatus(body, alice);
            expect(res.status).toBe(400);
            expect(res.body).toEqual({ success: false, error: MATCH });
            expect(await info(alice)).toMatchObject({ status: before.status, statusText: before.statusText });
        },
    );

    it('Accounts_AllowUserStatusMessageChange false: every call fails, a status-only one too', async () => {
        await ws.setWorkspaceSetting('Accounts_AllowUserStatusMessageChange', false);
        try {
            for (const body of [{ status: 'online' }, { message: 'nope' }]) {
                const res = await setStatus(body, alice);
                expect(res.status).toBe(400);
                expect(res.body).toEqual({ success: false, errorType: 'error-not-allowed', error: 'Change status is not allowed [error-not-allowed]' });
            }
            expect((await info(alice)).statusText).not.toBe('nope');
        } finally {
            await ws.setWorkspaceSetting('Accounts_AllowUserStatusMessageChange', true);
        }
    });

    it('someone else without the role: 403 unauthorized, nothing changes', async () => {
        await setStatus({ status: 'online', message: 'bob here' }, bob);
        for (const body of [
            { status: 'busy', userId: bob.userId },
            { status: 'busy', username: bob.username },
        ]) {
            const res = await setStatus(body, alice);
            expect(res.status).toBe(403);
            expect(res.body).toEqual({ success: false, error: 'unauthorized' });
        }
        expect(await info(bob)).toMatchObject({ status: 'online', statusText: 'bob here' });
    });

    it('someone else with a role from roles_edit_other_user_status (admin by default; username case-insensitive)', async () => {
        const res = await setStatus({ status: 'busy', message: 'set by admin', username: bob.username.toUpperCase() }, ws.admin);
        expect(res.body).toEqual({ success: true });
        expect(await info(bob)).toMatchObject({ status: 'busy', statusText: 'set by admin' });
        await ws.setAppSettings({ roles_edit_other_user_status: 'user' });
        try {
            expect((await setStatus({ status: 'away', userId: bob.userId }, alice)).body).toEqual({ success: true });
            expect((await info(bob)).status).toBe('away');
        } finally {
            await ws.setAppSettings({ roles_edit_other_user_status: 'admin' });
        }
        expect((await setStatus({ status: 'online', userId: bob.userId }, alice)).status).toBe(403);
    });

    it('unknown target: 400 error-invalid-user', async () => {
        for (const body of [
            { status: 'busy', userId: 'no-such-id' },
            { status: 'busy', username: `ghost-${suffix}` },
        ]) {
            const res = await setStatus(body, ws.admin);
            expect(res.status).toBe(400);
            expect(res.body).toEqual(INVALID_USER);
        }
    });

    it('invalid status: 400 error-invalid-status, and nothing changes (not even the message)', async () => {
        await setStatus({ status: 'online', message: 'before' }, alice);
        const res = await setStatus({ status: 'disabled', message: 'after' }, alice);
        expect(res.status).toBe(400);
        expect(res.body).toEqual({
            success: false,
            errorType: 'error-invalid-status',
            error: 'Valid status types include online, away, offline, and busy. [error-invalid-status]',
        });
        expect(await info(alice)).toMatchObject({ status: 'online', statusText: 'before' });
    });

    it('offline while Accounts_AllowInvisibleStatusOption is false: 400 error-status-not-allowed', async () => {
        await ws.setWorkspaceSetting('Accounts_AllowInvisibleStatusOption', false);
        try {
            const res = await setStatus({ status: 'offline' }, alice);
            expect(res.status).toBe(400);
            expect(res.body).toEqual({
                success: false,
                errorType: 'error-status-not-allowed',
                error: 'Invisible status is disabled [error-status-not-allowed]',
            });
            expect((await info(alice)).status).toBe('online');
        } finally {
            await ws.setWorkspaceSetting('Accounts_AllowInvisibleStatusOption', true);
        }
        expect((await setStatus({ status: 'offline' }, alice)).body).toEqual({ success: true });
        expect((await info(alice)).status).toBe('offline');
        await setStatus({ status: 'online' }, alice);
    });

    it.each(['2001-01-01T00:00:00Z', 'tomorrow', 12345])('expiresAt %p: 400 error-invalid-date, status unchanged', async (expiresAt) => {
        await setStatus({ status: 'online' }, alice);
        const res = await setStatus({ status: 'busy', expiresAt }, alice);
        expect(res.status).toBe(400);
        expect(res.body).toMatchObject({ success: false, errorType: 'error-invalid-date' });
        expect((res.body as { error: string }).error).toMatch(/ \[error-invalid-date\]$/);
        expect((await info(alice)).status).toBe('online');
    });

    it('getStatus: self has connectionStatus, someone else not; unknown user 400', async () => {
        await setStatus({ status: 'busy' }, bob);
        const self = await getStatus('', bob);
        expect(self.status).toBe(200);
        expect(self.body).toEqual({ _id: bob.userId, status: 'busy', connectionStatus: 'online', success: true });
        const other = await getStatus(`?username=${encodeURIComponent(bob.username)}`, alice);
        expect(other.body).toEqual({ _id: bob.userId, status: 'busy', success: true });
        const byId = await getStatus(`?userId=${encodeURIComponent(bob.userId)}`, alice);
        expect(byId.body).toEqual({ _id: bob.userId, status: 'busy', success: true });
        const unknown = await getStatus(`?username=ghost-${suffix}`, alice);
        expect(unknown.status).toBe(400);
        expect(unknown.body).toEqual(INVALID_USER);
    });

    it('getStatus: status reads disabled while the presence service is off', async () => {
        // an admin switches it off on the settings page: the app applies it in a job
        await ws.setAppSettings({ presence_service_enabled: false });
        try {
            const first = await pollUntil(
                () => getStatus(`?userId=${bob.userId}`, alice),
                (res) => res.body.status === 'disabled',
                { what: 'the service to be off' },
            );
            expect(first.body).toEqual({
                _id: bob.userId,
                status: 'disabled',
                success: true,
                notice: "Presence is inactive: an admin turned the presence service off, so everyone's status shows as disabled.",
            });
            expect((await getStatus('', alice)).body).toEqual({ _id: alice.userId, status: 'disabled', connectionStatus: 'online', success: true });
        } finally {
            await ws.setAppSettings({ presence_service_enabled: true });
        }
        await pollUntil(
            () => getStatus(`?userId=${bob.userId}`, alice),
            (res) => res.body.status === 'busy',
            { what: 'the service to be on again' },
        );
        expect((await getStatus(`?userId=${bob.userId}`, alice)).body).toEqual({ _id: bob.userId, status: 'busy', success: true });
    });
});
