/**
 * Resident memory under a mixed load on two instances (INSTANCES=2, Rocket.Chat's timing) for
 * BENCH_MEMORY_MINUTES (10): users setting statuses with expiries (the expiry jobs run at their time
 * and restore them), slash commands through `commands.run`, an admin creating, renaming and deleting
 * custom statuses, and realtime sessions opening and closing. Every BENCH_MEMORY_SAMPLE_S (30) the
 * workspace's stats are read after a full GC: the Node process's resident memory and heap, each app
 * runtime's, and the app logs (on disk, with their time to live). Flat means the slope over the run
 * after its first minute stays near zero. Env: BENCH_MEMORY_MINUTES, BENCH_MEMORY_SAMPLE_S,
 * BENCH_MIXED_USERS (40).
 */
import { startWorkspace, type Creds, type DdpSession, type TestWorkspace } from '../test/helpers/workspace';
import { positiveEnv } from './lib/env';
import { summary } from './lib/summary';
import { FAITHFUL_TIMING } from './lib/timing';

const MINUTES = positiveEnv('BENCH_MEMORY_MINUTES', 10);
const SAMPLE_MS = positiveEnv('BENCH_MEMORY_SAMPLE_S', 30) * 1000;
const USERS = positiveEnv('BENCH_MIXED_USERS', 40);
const MB = 1024 * 1024;
const GENERAL = 'GENERAL';

const log = (line: string) => process.stdout.write(`${line}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const pick = <T>(items: T[]): T => items[Math.floor(Math.random() * items.length)];

interface Stats {
    process: { rss: number; heapUsed: number };
    runtimes: Record<string, { rss?: number }>;
    appLogs: { pending: number; stored: number; dropped: number; written: number; expired: number; bytes: number };
    /** each app's records in the store (the embedded store holds them in memory, as its data) */
    persistence: Record<string, { stored: number }>;
}

interface Sample {
    minute: number;
    rss: number;
    heap: number;
    deno: number;
    logsMb: number;
}

async function stats(ws: TestWorkspace): Promise<Stats> {
    const res = await ws.request('GET', '/api/workspace/stats?gc=1', undefined, ws.admin);
    if (res.status !== 200) throw new Error(`stats: ${res.status} ${res.text}`);
    return res.body as Stats;
}

/** Least squares slope of y over x. */
function slope(points: Array<[number, number]>): number {
    const n = points.length;
    if (n < 2) return 0;
    const mx = points.reduce((s, [x]) => s + x, 0) / n;
    const my = points.reduce((s, [, y]) => s + y, 0) / n;
    const num = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
    const den = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
    return den ? num / den : 0;
}

async function main(): Promise<void> {
    const ws = await startWorkspace({ env: { ...FAITHFUL_TIMING, INSTANCES: '2', NODE_OPTIONS: '--expose-gc' } });
    const sessions = new Set<DdpSession>();
    const counts: Record<string, number> = {};
    const failures: Record<string, number> = {};
    const count = (kind: string, status: number) => {
        const key = status === 200 ? kind : `${kind}:${status}`;
        (status === 200 ? counts : failures)[key] = ((status === 200 ? counts : failures)[key] ?? 0) + 1;
    };
    try {
        const users: Creds[] = [];
        for (let i = 0; i < USERS; i++) users.push(await ws.createUser(`mixed${i}`));
        log(`${USERS} users (roles user and bot: their core REST calls bypass the rate limiter), 2 instances, ${MINUTES} min`);
        const end = Date.now() + MINUTES * 60_000;
        const running = () => Date.now() < end;

        // statuses with expiries: 30 s to 2 min ahead, so expiry jobs keep running (at their time)
        const statuses = async (creds: Creds) => {
            while (running()) {
                const expiresAt = new Date(Date.now() + 30_000 + Math.random() * 90_000).toISOString();
                const res = await ws.app(
                    'POST',
                    'users.setStatus',
                    { status: pick(['busy', 'away']), message: `Mixed ${Math.random().toString(36).slice(2, 8)}`, expiresAt },
                    creds,
                );
                count('setStatus', res.status);
                await sleep(1000 + Math.random() * 2000);
            }
        };
        // slash commands, as the web client runs them over REST
        const commands = async (creds: Creds) => {
            const params = ['show', 'list', 'recent', 'away 10m Coffee', 'message Working', 'clear', 'busy 1h Focus'];
            while (running()) {
                const res = await ws.request('POST', '/api/v1/commands.run', { command: 'status', params: pick(params), roomId: GENERAL }, creds);
                count('commands.run', res.status);
                await sleep(1500 + Math.random() * 2000);
            }
        };
        // custom statuses: created, renamed, deleted by the admin
        const customStatuses = async () => {
            let n = 0;
            while (running()) {
                const created = await ws.app('POST', 'custom-user-status.create', { name: `Mixed ${n++}`, statusType: pick(['busy', 'away']) }, ws.admin);
                count('custom.create', created.status);
                const id = created.body?.customUserStatus?._id as string | undefined;
                if (id) {
                    count(
                        'custom.update',
                        (await ws.app('POST', 'custom-user-status.update', { _id: id, name: `Mixed renamed ${n}`, statusType: 'away' }, ws.admin)).status,
                    );
                    count('custom.delete', (await ws.app('POST', 'custom-user-status.delete', { customUserStatusId: id }, ws.admin)).status);
                }
                await sleep(2000);
            }
        };
        // connection churn: realtime sessions (resume logins) opening and closing, about 20 open at a time
        const churn = async () => {
            while (running()) {
                const s = await ws.openSession(pick(users));
                sessions.add(s);
                count('session.open', 200);
                if (sessions.size > 20) {
                    const oldest = sessions.values().next().value as DdpSession;
                    sessions.delete(oldest);
                    await oldest.close();
                    count('session.close', 200);
                }
                await sleep(300 + Math.random() * 400);
            }
        };

        const samples: Sample[] = [];
        const started = Date.now();
        const sampler = async () => {
            while (running()) {
                const s = await stats(ws);
                const sample = {
                    minute: (Date.now() - started) / 60_000,
                    rss: s.process.rss / MB,
                    heap: s.process.heapUsed / MB,
                    deno: Object.values(s.runtimes).reduce((sum, r) => sum + (r.rss ?? 0), 0) / MB,
                    logsMb: s.appLogs.bytes / MB,
                };
                samples.push(sample);
                log(
                    `  ${sample.minute.toFixed(1)} min: rss ${sample.rss.toFixed(0)} MB, heap used ${sample.heap.toFixed(0)} MB, app runtimes ${sample.deno.toFixed(0)} MB, app logs ${sample.logsMb.toFixed(1)} MB on disk (${s.appLogs.stored} entries, ${s.appLogs.pending} waiting, ${s.appLogs.dropped} dropped), the app's records in the store ${s.persistence[ws.appId]?.stored ?? 0}`,
                );
                await sleep(SAMPLE_MS);
            }
        };

        await Promise.all([...users.slice(0, USERS / 2).map(statuses), ...users.slice(USERS / 2).map(commands), customStatuses(), churn(), churn(), sampler()]);
        const last = await stats(ws);
        samples.push({
            minute: (Date.now() - started) / 60_000,
            rss: last.process.rss / MB,
            heap: last.process.heapUsed / MB,
            deno: Object.values(last.runtimes).reduce((sum, r) => sum + (r.rss ?? 0), 0) / MB,
            logsMb: last.appLogs.bytes / MB,
        });
        log(`  calls: ${JSON.stringify(counts)}${Object.keys(failures).length ? `; not 200: ${JSON.stringify(failures)}` : ''}`);
        const steady = samples.filter((s) => s.minute >= 1);
        const rssSlope = slope(steady.map((s) => [s.minute, s.rss]));
        const heapSlope = slope(steady.map((s) => [s.minute, s.heap]));
        const first = steady[0] ?? samples[0];
        const final = samples[samples.length - 1];
        log(
            `  after the first minute: rss ${first.rss.toFixed(0)} -> ${final.rss.toFixed(0)} MB (max ${Math.max(...steady.map((s) => s.rss)).toFixed(0)}), slope ${rssSlope.toFixed(2)} MB/min; heap slope ${heapSlope.toFixed(2)} MB/min; app logs on disk ${final.logsMb.toFixed(1)} MB`,
        );
        summary(
            'memory.mixed_2_instances.rss_mb',
            final.rss,
            ['after_1_min', first.rss],
            ['max', Math.max(...steady.map((s) => s.rss))],
            ['slope_mb_per_min', rssSlope],
            ['heap_slope_mb_per_min', heapSlope],
            ['deno_rss_mb', final.deno],
            ['app_logs_disk_mb', final.logsMb],
            ['minutes', MINUTES],
        );
    } finally {
        for (const s of sessions) await s.close().catch(() => undefined);
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
