/**
 * The scheduler at Rocket.Chat's pace (Agenda scans for the jobs due before its next scan every 5 s,
 * SCHEDULER_TICK_MS=5000, and runs each at its time),
 * and the local diagnostic that makes jobs due on demand (POST /api/workspace/jobs.runDue).
 */
import { startWorkspace, type Creds, type TestWorkspace } from '../helpers/workspace';
import { pollUntil } from '../helpers/poll';

describe('local workspace: jobs at Rocket.Chat pace, and on demand', () => {
    let ws: TestWorkspace;
    let user: Creds;

    const statusText = async () => (await ws.request('GET', `/api/v1/users.info?userId=${user.userId}`, undefined, ws.admin)).body.user.statusText;

    beforeAll(async () => {
        ws = await startWorkspace({ env: { SCHEDULER_TICK_MS: '5000' } });
        user = await ws.createUser('jobuser');
    });

    afterAll(async () => {
        await ws?.stop();
    });

    it('runs a one-time job once it is due, within the scheduler tick', async () => {
        const expiresAt = new Date(Date.now() + 2_000).toISOString();
        expect((await ws.app('POST', 'users.setStatus', { status: 'busy', message: 'Soon over', expiresAt }, user)).body).toEqual({ success: true });
        expect(await statusText()).toBe('Soon over');
        await pollUntil(statusText, (text) => text === '', { what: 'the expiry job to restore the message', timeoutMs: 60_000, intervalMs: 250 });
    });

    it('jobs.runDue runs pending one-time jobs now, once, and a named recurring job once', async () => {
        const expiresAt = new Date(Date.now() + 3_600_000).toISOString();
        expect((await ws.app('POST', 'users.setStatus', { status: 'away', message: 'Back in an hour', expiresAt }, user)).body).toEqual({ success: true });
        expect(await ws.runJobsNow('status-expiry')).toBe(1);
        expect(await statusText()).toBe('');
        expect(await ws.runJobsNow('status-expiry')).toBe(0);
        expect(await ws.runJobsNow('status-expiry-sweep')).toBe(1);
        expect(await ws.runJobsNow('no-such-processor')).toBe(0);
        expect(await ws.runJobsNow()).toBe(0);

        const bad = await ws.request('POST', '/api/workspace/jobs.runDue', { processorId: 7 }, ws.admin);
        expect(bad.status).toBe(400);
        const denied = await ws.request('POST', '/api/workspace/jobs.runDue', {}, user);
        expect(denied.status).toBe(403);
    });
});
