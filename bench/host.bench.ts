/**
 * Host benchmark: latency of the app endpoint users.getStatus (through the Apps-Engine and the
 * Deno runtime) against the workspace's own /api/v1/me, and users.setStatus throughput with 50
 * concurrent clients. Starts its own workspace with a fresh DATA_DIR.
 */
import * as http from 'http';
import { startWorkspace, type Creds } from '../test/helpers/workspace';

const LATENCY_SAMPLES = Number(process.env.BENCH_SAMPLES ?? 1000);
const WARMUP = 100;
const CONCURRENCY = 50;
const THROUGHPUT_MS = Number(process.env.BENCH_DURATION_MS ?? 5000);

const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY + 5 });

function call(base: string, method: string, path: string, creds: Creds, body?: unknown): Promise<number> {
    return new Promise((resolve, reject) => {
        const payload = body === undefined ? undefined : JSON.stringify(body);
        const req = http.request(
            new URL(path, base),
            {
                method,
                agent,
                headers: {
                    'X-User-Id': creds.userId,
                    'X-Auth-Token': creds.authToken,
                    ...(payload ? { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(payload)) } : {}),
                },
            },
            (res) => {
                res.resume();
                res.on('end', () => resolve(res.statusCode ?? 0));
                res.on('error', reject);
            },
        );
        req.on('error', reject);
        if (payload) req.write(payload);
        req.end();
    });
}

function percentile(sorted: number[], p: number): number {
    return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function latency(base: string, path: string, creds: Creds): Promise<{ median: number; p99: number; status: number }> {
    let status = 0;
    for (let i = 0; i < WARMUP; i++) status = await call(base, 'GET', path, creds);
    const samples: number[] = [];
    for (let i = 0; i < LATENCY_SAMPLES; i++) {
        const start = process.hrtime.bigint();
        status = await call(base, 'GET', path, creds);
        samples.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    samples.sort((a, b) => a - b);
    return { median: percentile(samples, 50), p99: percentile(samples, 99), status };
}

async function main(): Promise<void> {
    const ws = await startWorkspace();
    try {
        const getStatus = `/api/apps/public/${ws.appId}/users.getStatus`;
        const app = await latency(ws.url, getStatus, ws.admin);
        const me = await latency(ws.url, '/api/v1/me', ws.admin);
        const fmt = (n: number) => `${n.toFixed(2)} ms`;
        console.log(`users.getStatus (app endpoint): median ${fmt(app.median)}, p99 ${fmt(app.p99)}${app.status !== 200 ? `  [answered ${app.status}]` : ''}`);
        console.log(`/api/v1/me (workspace):         median ${fmt(me.median)}, p99 ${fmt(me.p99)}`);
        console.log(`ratio app/me:                   median ${(app.median / me.median).toFixed(2)}x, p99 ${(app.p99 / me.p99).toFixed(2)}x`);

        const clients: Creds[] = [];
        for (let i = 0; i < CONCURRENCY; i++) clients.push(await ws.createUser(`bench${i}`));
        const setStatus = `/api/apps/public/${ws.appId}/users.setStatus`;
        const body = { status: 'busy', message: 'In a meeting' };
        const statuses = new Map<number, number>();
        let done = 0;
        const end = Date.now() + THROUGHPUT_MS;
        const started = Date.now();
        await Promise.all(
            clients.map(async (creds) => {
                while (Date.now() < end) {
                    const s = await call(ws.url, 'POST', setStatus, creds, body);
                    statuses.set(s, (statuses.get(s) ?? 0) + 1);
                    done++;
                }
            }),
        );
        const seconds = (Date.now() - started) / 1000;
        const byStatus = [...statuses].map(([s, n]) => `${s}: ${n}`).join(', ');
        console.log(
            `users.setStatus with ${CONCURRENCY} concurrent clients: ${(done / seconds).toFixed(0)} requests/s (${done} in ${seconds.toFixed(1)} s; ${byStatus})`,
        );
    } finally {
        agent.destroy();
        await ws.stop();
    }
}

main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
});
