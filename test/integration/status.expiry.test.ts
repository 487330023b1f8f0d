/**
 * Expiring statuses on the local workspace (real runtime and scheduler): the previous status and
 * message come back when the expiry job runs; a newer status cancels it; a status the user chose
 * since (in any client) stays; it survives a restart. Expiries are an hour away and the jobs are
 * made due on demand (`runJobsNow`): no test waits for a clock.
 */
import { pollUntil } from '../helpers/poll';
import { startWorkspace, type Creds, type DdpSession, type TestWorkspace } from '../helpers/workspace';

interface UserInfo {
    status: string;
    statusText?: string;
}

const suffix = Date.now().toString(36);

describe('status expiry (local workspace, real scheduler)', () => {
    let ws: TestWorkspace;
    let carol: Creds;
    let sessions: DdpSession[] = [];

    const info = async (creds: Creds): Promise<UserInfo> => {
        const res = await ws.request('GET', `/api/v1/users.info?userId=${encodeURIComponent(creds.userId)}`, undefined, ws.admin);
        const { status, statusText } = (res.body as { user: UserInfo }).user;
        return { status, statusText };
    };
    const setStatus = async (body: unknown, creds: Creds) => {
        const res = await ws.app('POST', 'users.setStatus', body, creds);
        expect(res.body).toEqual({ success: true });
    };
    const inAnHour = () => new Date(Date.now() + 3600_000).toISOString();
    const closeSessions = async () => {
        for (const s of sessions) await s.close();
        sessions = [];
    };

    beforeAll(async () => {
        ws = await startWorkspace();
        carol = await ws.createUser(`carol-${suffix}`);
        sessions.push(await ws.openSession(carol));
    }, 120_000);

    afterAll(async () => {
        await closeSessions();
        await ws?.stop();
    }, 60_000);

    it('the previous status and message come back when the expiry runs', async () => {
        await setStatus({ status: 'away', message: 'usual' }, carol);
        await setStatus({ status: 'busy', message: 'meeting', expiresAt: inAnHour() }, carol);
        expect(await info(carol)).toEqual({ status: 'busy', statusText: 'meeting' });
        expect(await ws.runJobsNow('status-expiry')).toBe(1);
        expect(await info(carol)).toEqual({ status: 'away', statusText: 'usual' });
    });

    it('a newer status cancels the pending expiry', async () => {
        await setStatus({ status: 'online', message: 'base' }, carol);
        await setStatus({ status: 'busy', message: 'temporary', expiresAt: inAnHour() }, carol);
        await setStatus({ status: 'away', message: 'newer' }, carol);
        expect(await ws.runJobsNow('status-expiry')).toBe(1);
        expect(await info(carol)).toEqual({ status: 'away', statusText: 'newer' });
    });

    it("a status chosen since in another client (Rocket.Chat's own users.setStatus) stays", async () => {
        await setStatus({ status: 'online', message: 'base' }, carol);
        await setStatus({ status: 'busy', message: 'temporary', expiresAt: inAnHour() }, carol);
        const core = await ws.request('POST', '/api/v1/users.setStatus', { status: 'away', message: 'chosen in the menu' }, carol);
        expect(core.body).toEqual({ success: true });
        expect(await ws.runJobsNow('status-expiry')).toBe(1);
        expect(await info(carol)).toEqual({ status: 'away', statusText: 'chosen in the menu' });
    });

    it('survives a restart of the workspace', async () => {
        await setStatus({ status: 'online', message: 'before restart' }, carol);
        await setStatus({ status: 'busy', message: 'across restart', expiresAt: inAnHour() }, carol);
        await closeSessions();
        await ws.restart();
        sessions.push(await ws.openSession(carol));
        await pollUntil(
            () => info(carol),
            (user) => user.status === 'busy',
            { what: 'the session to show the status' },
        );
        expect(await info(carol)).toEqual({ status: 'busy', statusText: 'across restart' });
        // the app re-armed the pending expiry when it started again
        expect(await ws.runJobsNow('status-expiry')).toBeGreaterThanOrEqual(1);
        expect(await info(carol)).toEqual({ status: 'online', statusText: 'before restart' });
    }, 90_000);
});
