/**
 * Expiring statuses on the local workspace (real runtime and scheduler): the previous status and
 * message come back at expiresAt; a newer status cancels the expiry; it survives a restart.
 */
import { startWorkspace } from '../helpers/workspace';

type Workspace = Awaited<ReturnType<typeof startWorkspace>>;
type Creds = Awaited<ReturnType<Workspace['createUser']>>;
type Session = Awaited<ReturnType<Workspace['openSession']>>;
interface UserInfo {
    status: string;
    statusText?: string;
}

const suffix = Date.now().toString(36);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('status expiry (local workspace, real scheduler)', () => {
    let ws: Workspace;
    let carol: Creds;
    let sessions: Session[] = [];

    const info = async (creds: Creds): Promise<UserInfo> => {
        const res = await ws.request('GET', `/api/v1/users.info?userId=${encodeURIComponent(creds.userId)}`, undefined, ws.admin);
        return (res.body as { user: UserInfo }).user;
    };
    const setStatus = async (body: unknown, creds: Creds) => {
        const res = await ws.app('POST', 'users.setStatus', body, creds);
        expect(res.body).toEqual({ success: true });
    };
    const inMs = (ms: number) => new Date(Date.now() + ms).toISOString();
    async function until(what: string, probe: () => Promise<boolean>, timeoutMs: number): Promise<void> {
        const deadline = Date.now() + timeoutMs;
        while (!(await probe())) {
            if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
            await sleep(100);
        }
    }
    const closeSessions = async () => {
        for (const s of sessions) await (s as { close(): Promise<void> | void }).close();
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

    it('the previous status and message come back at expiresAt', async () => {
        await setStatus({ status: 'away', message: 'usual' }, carol);
        await setStatus({ status: 'busy', message: 'meeting', expiresAt: inMs(2500) }, carol);
        expect(await info(carol)).toMatchObject({ status: 'busy', statusText: 'meeting' });
        await sleep(1000);
        expect(await info(carol)).toMatchObject({ status: 'busy', statusText: 'meeting' });
        await until('the status to come back', async () => (await info(carol)).status === 'away', 15_000);
        expect(await info(carol)).toMatchObject({ status: 'away', statusText: 'usual' });
    }, 30_000);

    it('a newer status cancels the pending expiry', async () => {
        await setStatus({ status: 'online', message: 'base' }, carol);
        await setStatus({ status: 'busy', message: 'temporary', expiresAt: inMs(1500) }, carol);
        await setStatus({ status: 'away', message: 'newer' }, carol);
        await sleep(4000);
        expect(await info(carol)).toMatchObject({ status: 'away', statusText: 'newer' });
    }, 30_000);

    it('survives a restart of the workspace', async () => {
        await setStatus({ status: 'online', message: 'before restart' }, carol);
        await setStatus({ status: 'busy', message: 'across restart', expiresAt: inMs(5000) }, carol);
        await closeSessions();
        await ws.restart();
        sessions.push(await ws.openSession(carol));
        expect(await info(carol)).toMatchObject({ status: 'busy', statusText: 'across restart' });
        await until('the status to come back after the restart', async () => (await info(carol)).statusText === 'before restart', 20_000);
        expect(await info(carol)).toMatchObject({ status: 'online', statusText: 'before restart' });
    }, 90_000);
});
