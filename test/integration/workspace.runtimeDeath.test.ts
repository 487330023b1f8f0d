/**
 * INSTANCES=2, one instance's app runtime killed in the middle of a burst of requests (issue 16): the
 * engine keeps writing to the dead subprocess's stdin (ProcessMessenger has no error listener there),
 * which raises `write EPIPE`. Rocket.Chat's server counts such an uncaught exception and carries on
 * (apps/meteor/app/error-handler/server/lib/RocketChat.ErrorHandler.ts); the engine's LivenessManager
 * restarts the subprocess. The workspace must do the same: survive, get its runtime back, answer.
 * (Which records the burst left is the app's business: a create whose runtime died between its write
 * and its read-back is not the workspace's to repair.)
 */
import { startWorkspace, type Creds, type TestWorkspace, type WorkspaceResponse } from '../helpers/workspace';
import { pollUntil } from '../helpers/poll';

interface Runtime {
    pid?: number;
    state?: string;
    restarting?: boolean;
}

describe('local workspace: an app runtime dies during a burst (INSTANCES=2)', () => {
    let ws: TestWorkspace;
    const users: Creds[] = [];

    const runtime = async (instance: number): Promise<Runtime> => {
        const res = await ws.request('GET', `/api/workspace/apps/${ws.appId}/runtime?instance=${instance}`, undefined, ws.admin);
        expect(res.status).toBe(200);
        return res.body.runtime as Runtime;
    };
    const workspaceAlive = () => {
        try {
            process.kill(ws.pid, 0);
            return true;
        } catch {
            return false;
        }
    };

    beforeAll(async () => {
        ws = await startWorkspace({ env: { INSTANCES: '2' } });
        for (let i = 0; i < 8; i++) users.push(await ws.createUser(`burst${i}`));
    });

    afterAll(async () => {
        await ws?.stop();
    });

    it('survives the death of one instance runtime, which the engine restarts; requests are answered on both instances afterwards', async () => {
        const before = await runtime(1);
        expect(before.pid).toBeDefined();

        // A runtime that stops reading its stdin (SIGSTOP: a busy or stuck process), then dies (SIGKILL) with
        // requests still queued for it: the deterministic form of a death during a burst. 200 status
        // changes, spread over both instances by the round robin; instance 1's requests fill the pipe to its
        // stopped runtime and wait in the engine's write queue.
        process.kill(before.pid!, 'SIGSTOP');
        const statuses: number[] = [];
        const burst = Array.from({ length: 200 }, (_, i) =>
            ws
                .app('POST', 'users.setStatus', { status: i % 2 ? 'busy' : 'away', message: `Burst ${i} ${'x'.repeat(100)}` }, users[i % users.length])
                .then((res) => statuses.push(res.status))
                .catch(() => undefined),
        );
        // every request reached the workspace: instance 0 answered its half
        await pollUntil(
            async () => statuses.length,
            (n) => n >= 100,
            { what: "instance 0's half of the burst", timeoutMs: 60_000 },
        );
        process.kill(before.pid!, 'SIGKILL');

        // a generous bound: the engine notices the death, spawns and sets up a new subprocess
        const restarted = await pollUntil(
            async () => (workspaceAlive() ? { alive: true, runtime: await runtime(1) } : { alive: false, runtime: {} as Runtime }),
            ({ alive, runtime: r }) => !alive || Boolean(r.pid && r.pid !== before.pid && r.state === 'ready' && !r.restarting),
            { what: 'the engine to restart the runtime of instance 1', timeoutMs: 90_000, intervalMs: 100 },
        );
        expect(restarted.alive).toBe(true);
        expect(restarted.runtime.pid).not.toBe(before.pid);
        // the requests caught by the death are answered too (the engine's 30 s timeout at worst)
        await Promise.all(burst);
        expect(statuses).toHaveLength(200);
        expect(workspaceAlive()).toBe(true);

        // both instances' runtimes answer app endpoints again
        const served = new Set<string>();
        await pollUntil(
            async () => {
                const res: WorkspaceResponse = await ws.app('GET', 'users.getStatus', undefined, ws.admin);
                if (res.status === 200) served.add(res.headers['x-instance-id']);
                return served.size;
            },
            (n) => n === 2,
            { what: 'a 200 from each instance', timeoutMs: 60_000 },
        );
        const created = await ws.app('POST', 'custom-user-status.create', { name: 'After the restart', statusType: 'away' }, ws.admin);
        expect(created.status).toBe(200);
        expect((await ws.app('POST', 'users.setStatus', { status: 'online', message: 'After the restart' }, users[0])).status).toBe(200);
        expect((await ws.request('GET', '/api/info')).status).toBe(200);
    }, 240_000);
});
