/**
 * The project's app against the fixture app (bench/fixture: the least each endpoint can do), both
 * installed in ONE workspace process and measured in the same run, plus the workspace's own
 * `/api/v1/me`, the app's monitor job at 100 and 10,000 users, and the workspace's memory after
 * many status changes. Figures: bench/README.md. Env: BENCH_DURATION_MS (each throughput phase),
 * BENCH_ROUNDS, BENCH_SAMPLES, BENCH_MONITOR_RUNS, BENCH_MEMORY_CALLS, BENCH_MEMORY_USERS.
 */
import { startWorkspace, type Creds, type TestWorkspace } from '../test/helpers/workspace';
import { AppSetting } from '../src/settings/AppSetting';
import { packageFixture } from './lib/fixture';
import { interleavedLatency, median, statuses, throughput, type Call } from './lib/load';
import { positiveEnv } from './lib/env';
import { summary } from './lib/summary';
import { FAITHFUL_TIMING } from './lib/timing';

const CLIENTS = 50;
const DURATION_MS = positiveEnv('BENCH_DURATION_MS', 5000);
const ROUNDS = positiveEnv('BENCH_ROUNDS', 2);
const SAMPLES = positiveEnv('BENCH_SAMPLES', 1000);
const MONITOR_RUNS = positiveEnv('BENCH_MONITOR_RUNS', 40);
const MEMORY_CALLS = positiveEnv('BENCH_MEMORY_CALLS', 100_000);
const MEMORY_USERS = positiveEnv('BENCH_MEMORY_USERS', 10_000);
const MB = 1024 * 1024;

const log = (line: string) => process.stdout.write(`${line}\n`);

/** users.setStatus bodies: each client's status alternates busy/away from call to call, across phases, so every call changes it. */
function setStatusCall(path: string): Call {
    return { method: 'POST', path, body: (_i, creds) => ({ status: nextStatus(creds), message: 'Bench' }) };
}
const toggles = new Map<string, number>();
function nextStatus(creds: Creds | undefined): string {
    const key = creds?.userId ?? '';
    const n = (toggles.get(key) ?? 0) + 1;
    toggles.set(key, n);
    return n % 2 ? 'busy' : 'away';
}

/** The workspace's stats; with `gc`, after a full garbage collection (the bench starts it with --expose-gc). */
async function stats(ws: TestWorkspace, gc = false) {
    const res = await ws.request('GET', `/api/workspace/stats${gc ? '?gc=1' : ''}`, undefined, ws.admin);
    if (res.status !== 200) throw new Error(`stats: ${res.status} ${res.text}`);
    return res.body as {
        process: { rss: number; heapUsed: number; heapTotal: number; external: number };
        runtimes: Record<string, { rss?: number }>;
        appLogs: { pending: number; stored: number; dropped: number; written: number };
        users: number;
    };
}

async function meRps(ws: TestWorkspace, clients: Creds[]): Promise<number> {
    const me = await throughput(ws.url, { method: 'GET', path: '/api/v1/me' }, clients, { ms: DURATION_MS });
    log(`  /api/v1/me, ${CLIENTS} clients: ${me.rps.toFixed(0)} req/s (${statuses(me.byStatus)})`);
    return me.rps;
}

/** Throughput of two targets, phases alternating (a b, b a, ...) so neither always runs first; total rps each. */
async function pairedThroughput(ws: TestWorkspace, clients: Creds[], a: Call, b: Call): Promise<[number, number]> {
    const totals = [
        { calls: 0, seconds: 0, byStatus: {} as Record<string, number> },
        { calls: 0, seconds: 0, byStatus: {} as Record<string, number> },
    ];
    for (let round = 0; round < ROUNDS; round++) {
        for (const t of round % 2 ? [1, 0] : [0, 1]) {
            const r = await throughput(ws.url, t ? b : a, clients, { ms: DURATION_MS });
            totals[t].calls += r.calls;
            totals[t].seconds += r.seconds;
            for (const [s, n] of Object.entries(r.byStatus)) totals[t].byStatus[s] = (totals[t].byStatus[s] ?? 0) + n;
        }
    }
    const [ra, rb] = totals.map((t) => t.calls / t.seconds);
    log(`  project: ${ra.toFixed(0)} req/s (${statuses(totals[0].byStatus)}); fixture: ${rb.toFixed(0)} req/s (${statuses(totals[1].byStatus)})`);
    return [ra, rb];
}

/**
 * Median time of one on-demand run of the job. A warm-up of runs back to back first (at least 3 s
 * and 10 runs): right after a small seed the engine and the app's runtime are colder than right
 * after a long one, which would make the small size look slower.
 */
async function monitorMedian(ws: TestWorkspace): Promise<number> {
    const runOnce = async () => {
        // the job's own schedule may hold its lock at that moment: then again, a little later
        for (let attempt = 0; attempt < 50; attempt++) {
            const start = process.hrtime.bigint();
            const ran = await ws.runJobsNow('presence-monitor');
            if (ran === 1) return Number(process.hrtime.bigint() - start) / 1e6;
            await new Promise((resolve) => setTimeout(resolve, 100));
        }
        throw new Error('presence-monitor: its lock stayed taken');
    };
    const warmUntil = Date.now() + 3000;
    for (let i = 0; i < 10 || Date.now() < warmUntil; i++) await runOnce();
    const times: number[] = [];
    for (let i = 0; i < MONITOR_RUNS; i++) times.push(await runOnce());
    return median(times);
}

async function seed(ws: TestWorkspace, count: number, prefix: string, login: boolean): Promise<void> {
    const started = Date.now();
    const res = await ws.request('POST', '/api/workspace/users.seed', { count, prefix, login }, ws.admin);
    if (res.status !== 200) throw new Error(`users.seed: ${res.status} ${res.text}`);
    log(
        `  seeded ${res.body.seeded} users${login ? `, ${res.body.loggedIn} logins handed to the apps` : ''} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
}

async function main(): Promise<void> {
    const fixture = packageFixture();
    const ws = await startWorkspace({ env: { ...FAITHFUL_TIMING, EXTRA_APP_PACKAGES: fixture.zip, NODE_OPTIONS: '--expose-gc' } });
    const sessions: Array<{ close(): Promise<void> }> = [];
    try {
        if (!ws.extraAppIds.includes(fixture.appId)) throw new Error(`the fixture app was not installed (extra apps: ${ws.extraAppIds.join(', ')})`);
        const project = (endpoint: string) => `/api/apps/public/${ws.appId}/${endpoint}`;
        const fixtureApp = (endpoint: string) => `/api/apps/public/${fixture.appId}/${endpoint}`;
        const clients: Creds[] = [];
        for (let i = 0; i < CLIENTS; i++) clients.push(await ws.createUser(`bench${i}`));
        // connected (a realtime session each, resumed: no login event), so each status change shows
        for (const creds of clients) sessions.push(await ws.openSession(creds));
        const startRss = (await stats(ws, true)).process.rss;

        log(`\n/api/v1/me (the workspace alone; warm-up, then measured)`);
        await throughput(ws.url, { method: 'GET', path: '/api/v1/me' }, clients, { ms: 2000 });
        const meBefore = await meRps(ws, clients);

        log(`\nlatency, sequential, interleaved call by call (${SAMPLES} each)`);
        const get: Call = { method: 'GET', path: project('users.getStatus') };
        const [pGet, fGet, fNoop, me] = await interleavedLatency(
            ws.url,
            [
                { call: get, creds: clients[0] },
                { call: { method: 'GET', path: fixtureApp('users.getStatus') }, creds: clients[0] },
                { call: { method: 'GET', path: fixtureApp('noop') }, creds: clients[0] },
                { call: { method: 'GET', path: '/api/v1/me' }, creds: clients[0] },
            ],
            SAMPLES,
        );
        const ms = (l: { median: number; p99: number; byStatus: Record<string, number> }) =>
            `median ${l.median.toFixed(2)} ms, p99 ${l.p99.toFixed(2)} ms (${statuses(l.byStatus)})`;
        log(`  project users.getStatus: ${ms(pGet)}`);
        log(`  fixture users.getStatus: ${ms(fGet)}`);
        log(`  fixture noop:            ${ms(fNoop)}`);
        log(`  /api/v1/me:              ${ms(me)}`);

        log(`\nusers.setStatus, ${CLIENTS} clients, each call changes the status (${ROUNDS} rounds of ${DURATION_MS} ms each, alternating)`);
        const [pSet, fSet] = await pairedThroughput(ws, clients, setStatusCall(project('users.setStatus')), setStatusCall(fixtureApp('users.setStatus')));

        log(`\nnoop (fixture), ${CLIENTS} clients`);
        const noop = await throughput(ws.url, { method: 'GET', path: fixtureApp('noop') }, clients, { ms: DURATION_MS });
        log(`  ${noop.rps.toFixed(0)} req/s (${statuses(noop.byStatus)})`);

        log(`\n/api/v1/me again, after the app load`);
        const meAfter = await meRps(ws, clients);

        log(`\nthe app's presence-monitor job, run on demand (POST /api/workspace/jobs.runDue), ${MONITOR_RUNS} runs each`);
        await ws
            .setAppSettings({ [AppSetting.PresenceServiceEnabled]: true, [AppSetting.PresenceCapUnlimited]: true })
            .catch((err: Error) => log(`  (app settings not set: ${err.message})`));
        await seed(ws, 100 - CLIENTS, 'monitor-a-', true);
        const users100 = (await stats(ws)).users;
        const monitor100 = await monitorMedian(ws);
        log(`  ${users100} users: median ${monitor100.toFixed(2)} ms`);
        await seed(ws, MEMORY_USERS - 100, 'monitor-b-', true);
        const users10k = (await stats(ws)).users;
        const monitor10k = await monitorMedian(ws);
        log(`  ${users10k} users: median ${monitor10k.toFixed(2)} ms`);

        log(`\nmemory after ${MEMORY_CALLS} users.setStatus calls (project app), ${users10k} users`);
        const before = await stats(ws, true);
        // in ten parts, with a reading (after a full GC) after each: a leak shows as a heap that keeps growing
        const load = { calls: 0, seconds: 0, byStatus: {} as Record<string, number> };
        const trend: string[] = [];
        for (let part = 0; part < 10; part++) {
            const r = await throughput(ws.url, setStatusCall(project('users.setStatus')), clients, { maxCalls: Math.ceil(MEMORY_CALLS / 10) });
            load.calls += r.calls;
            load.seconds += r.seconds;
            for (const [st, n] of Object.entries(r.byStatus)) load.byStatus[st] = (load.byStatus[st] ?? 0) + n;
            const now = await stats(ws, true);
            trend.push(`${(now.process.rss / MB).toFixed(0)}/${(now.process.heapUsed / MB).toFixed(0)}`);
        }
        log(`  ${load.calls} calls in ${load.seconds.toFixed(0)} s (${(load.calls / load.seconds).toFixed(0)} req/s; ${statuses(load.byStatus)})`);
        log(`  rss/heap used (MB, after a full GC) after each tenth: ${trend.join(' ')}`);
        const settling = await stats(ws);
        const after = await stats(ws, true);
        const rss = after.process.rss / MB;
        const denoRss = (after.runtimes[ws.appId]?.rss ?? 0) / MB;
        log(
            `  workspace (after a full GC) rss ${(before.process.rss / MB).toFixed(0)} -> ${rss.toFixed(0)} MB, heap used ${(before.process.heapUsed / MB).toFixed(0)} -> ${(after.process.heapUsed / MB).toFixed(0)} MB` +
                ` (at start ${(startRss / MB).toFixed(0)} MB; right after the load, before the GC: rss ${(settling.process.rss / MB).toFixed(0)} MB, heap used ${(settling.process.heapUsed / MB).toFixed(0)} MB);` +
                ` heap total ${(after.process.heapTotal / MB).toFixed(0)} MB, external ${(after.process.external / MB).toFixed(0)} MB; the app's Deno subprocess rss ${denoRss.toFixed(0)} MB; app logs ${JSON.stringify(after.appLogs)}`,
        );

        summary('setStatus.rps', pSet, ['fixture', fSet], ['ratio', pSet / fSet]);
        summary('getStatus.median_ms', pGet.median, ['fixture', fGet.median], ['ratio', pGet.median / fGet.median]);
        summary('noop.rps', noop.rps, ['median_ms', fNoop.median]);
        summary('me.rps', (meBefore + meAfter) / 2, ['first', meBefore], ['after_app_load', meAfter]);
        summary('monitor.10000_over_100', monitor10k / monitor100, ['ms_100', monitor100], ['ms_10000', monitor10k]);
        summary(
            'memory.rss_mb',
            rss,
            ['heap_used_mb', after.process.heapUsed / MB],
            ['before_gc_rss_mb', settling.process.rss / MB],
            ['deno_rss_mb', denoRss],
            ['calls', load.calls],
            ['users', users10k],
        );
    } finally {
        for (const session of sessions) await session.close().catch(() => undefined);
        await ws.stop();
    }
}

main().then(
    () => process.exit(0),
    (err: unknown) => {
        console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
        process.exit(1);
    },
);
