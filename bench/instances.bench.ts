/**
 * Instances benchmark: the app's `users.setStatus` endpoint (through the Apps-Engine and the Deno
 * runtime) with 50 concurrent clients, each a different user, each alternating between
 * `{status:'busy', message:'x'}` and `{status:'online', message:''}` (so every request changes
 * something), on one workspace instance and on two (INSTANCES=2: requests spread round robin over
 * two app runtimes in the one Node process). Each run starts its own workspace with a fresh DATA_DIR.
 * Prints `instances.setStatus.rps.<instances> <requests per second>`.
 */
import * as http from 'http';
import { startWorkspace, type Creds } from '../test/helpers/workspace';
import { summary } from './lib/summary';
import { FAITHFUL_TIMING } from './lib/timing';

const CONCURRENCY = 50;
const WARMUP_MS = Number(process.env.BENCH_WARMUP_MS ?? 1000);
const THROUGHPUT_MS = Number(process.env.BENCH_DURATION_MS ?? 5000);
const BODIES = [
    { status: 'busy', message: 'x' },
    { status: 'online', message: '' },
];

function post(agent: http.Agent, base: string, path: string, creds: Creds, body: unknown): Promise<number> {
    return new Promise((resolve, reject) => {
        const payload = JSON.stringify(body);
        const req = http.request(
            new URL(path, base),
            {
                method: 'POST',
                agent,
                headers: {
                    'X-User-Id': creds.userId,
                    'X-Auth-Token': creds.authToken,
                    'Content-Type': 'application/json',
                    'Content-Length': String(Buffer.byteLength(payload)),
                },
            },
            (res) => {
                res.resume();
                res.on('end', () => resolve(res.statusCode ?? 0));
                res.on('error', reject);
            },
        );
        req.on('error', reject);
        req.end(payload);
    });
}

/** Every client sends one request after the other until `ms` has passed; answers with the count per HTTP status. */
async function load(
    agent: http.Agent,
    base: string,
    path: string,
    clients: Creds[],
    ms: number,
): Promise<{ done: number; seconds: number; statuses: Map<number, number> }> {
    const statuses = new Map<number, number>();
    let done = 0;
    const started = Date.now();
    const end = started + ms;
    await Promise.all(
        clients.map(async (creds, i) => {
            for (let n = i; Date.now() < end; n++) {
                const status = await post(agent, base, path, creds, BODIES[n % BODIES.length]);
                statuses.set(status, (statuses.get(status) ?? 0) + 1);
                done++;
            }
        }),
    );
    return { done, seconds: (Date.now() - started) / 1000, statuses };
}

async function measure(instances: number): Promise<number> {
    const ws = await startWorkspace({ env: { ...FAITHFUL_TIMING, INSTANCES: String(instances) } });
    const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY + 5 });
    try {
        const clients: Creds[] = [];
        for (let i = 0; i < CONCURRENCY; i++) clients.push(await ws.createUser(`bench${instances}x${i}`));
        const path = `/api/apps/public/${ws.appId}/users.setStatus`;
        await load(agent, ws.url, path, clients, WARMUP_MS);
        const { done, seconds, statuses } = await load(agent, ws.url, path, clients, THROUGHPUT_MS);
        const rps = done / seconds;
        const byStatus = [...statuses].map(([s, n]) => `${s}: ${n}`).join(', ');
        console.log(`# ${instances} instance(s), ${CONCURRENCY} concurrent clients: ${done} requests in ${seconds.toFixed(1)} s (${byStatus})`);
        return rps;
    } finally {
        agent.destroy();
        await ws.stop();
    }
}

async function main(): Promise<void> {
    for (const instances of [1, 2]) {
        const rps = await measure(instances);
        summary(`instances.setStatus.rps.${instances}`, rps);
    }
}

main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
});
