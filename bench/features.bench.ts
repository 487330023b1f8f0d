/**
 * The app's features at 100 and at 10,000 users, in one workspace: what one run of each of their
 * jobs, and one request of each of their endpoints, asks of the app's persistence (bridge calls,
 * records read and written, counted by the workspace's persistence bridge: `GET /api/workspace/stats`),
 * and what the app stores per user. Every user gets the features' state through the real paths
 * (users.setStatus, /status by commands.run, the admin's users.setStatus of another user), then the
 * jobs of every user run once on demand (`POST /api/workspace/jobs.runDue`); the workspace's own
 * scheduler poll is off, so nothing else runs meanwhile. Figures: bench/README.md.
 * Env: BENCH_FEATURES_USERS (the large size), BENCH_FEATURES_REQUESTS, BENCH_FEATURES_CONCURRENCY.
 */
import type { PersistenceCount } from '../workspace/diagnostics/PersistenceCounts';
import { startWorkspace, type Creds, type TestWorkspace } from '../test/helpers/workspace';
import { call, keepAliveAgent, median, type Call } from './lib/load';
import { positiveEnv } from './lib/env';
import { summary } from './lib/summary';

const SMALL = 100;
const LARGE = positiveEnv('BENCH_FEATURES_USERS', 10_000);
/** sequential requests measured per size (each by a different user) */
const REQUESTS = positiveEnv('BENCH_FEATURES_REQUESTS', 100);
/** clients giving the users their state */
const CONCURRENCY = positiveEnv('BENCH_FEATURES_CONCURRENCY', 32);
/** one-time jobs running at the same time */
const JOB_CONCURRENCY = 32;
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

const log = (line: string) => process.stdout.write(`${line}\n`);
/** large / small; 1 when both are 0 */
const ratio = (large: number, small: number) => (large === small ? 1 : large / small);

type Counts = PersistenceCount & { stored: number };

/** Per run (or request): the app's persistence use and the time taken. */
interface Cost {
    runs: number;
    calls: number;
    read: number;
    written: number;
    bytesRead: number;
    ms: number;
    byMethod: Record<string, number>;
}

async function counts(ws: TestWorkspace): Promise<Counts> {
    const res = await ws.request('GET', '/api/workspace/stats', undefined, ws.admin);
    if (res.status !== 200) throw new Error(`stats: ${res.status} ${res.text}`);
    const mine = (res.body.persistence as Record<string, Counts> | undefined)?.[ws.appId];
    if (!mine) throw new Error('stats: no persistence counters for the app');
    return mine;
}

/** The counters once they stopped moving (what a request or a job set off in the background, e.g. a listener, is done). */
async function settled(ws: TestWorkspace): Promise<Counts> {
    let last = await counts(ws);
    let still = 0;
    const deadline = Date.now() + 30_000;
    while (still < 8 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        const now = await counts(ws);
        still = now.calls === last.calls ? still + 1 : 0;
        last = now;
    }
    return last;
}

/** The app's persistence use of `work` (which answers how many runs it made, and the ms they took), per run. */
async function measure(ws: TestWorkspace, work: () => Promise<{ runs: number; ms: number }>): Promise<Cost> {
    const before = await settled(ws);
    const { runs, ms } = await work();
    const after = await settled(ws);
    const per = (n: number) => (runs ? n / runs : NaN);
    const byMethod: Record<string, number> = {};
    for (const [method, n] of Object.entries(after.byMethod)) {
        const d = n - (before.byMethod[method] ?? 0);
        if (d) byMethod[method] = per(d);
    }
    return {
        runs,
        calls: per(after.calls - before.calls),
        read: per(after.recordsRead - before.recordsRead),
        written: per(after.recordsWritten - before.recordsWritten),
        bytesRead: per(after.bytesRead - before.bytesRead),
        ms,
        byMethod,
    };
}

/** Every pending job of a one-time processor, once (`JOB_CONCURRENCY` at a time); total ms / runs. */
async function runOnceJobs(ws: TestWorkspace, processorId: string): Promise<{ runs: number; ms: number }> {
    const start = process.hrtime.bigint();
    const res = await ws.request('POST', '/api/workspace/jobs.runDue', { processorId, concurrency: JOB_CONCURRENCY }, ws.admin);
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (res.status !== 200) throw new Error(`jobs.runDue ${processorId}: ${res.status} ${res.text}`);
    const runs = res.body.ran as number;
    return { runs, ms: runs ? ms / runs : NaN };
}

/** `times` runs of a recurring job, one after the other; median ms. */
async function runRecurring(ws: TestWorkspace, processorId: string, times: number): Promise<{ runs: number; ms: number }> {
    const durations: number[] = [];
    for (let i = 0; i < times; i++) {
        const start = process.hrtime.bigint();
        const ran = await ws.runJobsNow(processorId);
        if (ran !== 1) throw new Error(`${processorId}: ran ${ran} times, expected once`);
        durations.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    return { runs: times, ms: median(durations) };
}

/** One call per item, `concurrency` at a time, over keep-alive connections; throws on any answer but 200. */
async function inPool<T>(base: string, items: T[], concurrency: number, request: (item: T) => { call: Call; creds: Creds }): Promise<void> {
    const agent = keepAliveAgent(concurrency + 2);
    const failed: Record<string, number> = {};
    let next = 0;
    try {
        await Promise.all(
            Array.from({ length: Math.min(concurrency, items.length) }, async () => {
                while (next < items.length) {
                    const { call: c, creds } = request(items[next++]);
                    const status = await call(agent, base, c, creds);
                    if (status !== 200) failed[status] = (failed[status] ?? 0) + 1;
                }
            }),
        );
    } finally {
        agent.destroy();
    }
    if (Object.keys(failed).length) throw new Error(`requests failed: ${JSON.stringify(failed)}`);
}

/** Sequential requests, one per item; their median ms. */
async function sequential<T>(base: string, items: T[], request: (item: T) => { call: Call; creds: Creds }): Promise<{ runs: number; ms: number }> {
    const agent = keepAliveAgent(2);
    const times: number[] = [];
    try {
        for (const item of items) {
            const { call: c, creds } = request(item);
            const start = process.hrtime.bigint();
            const status = await call(agent, base, c, creds);
            times.push(Number(process.hrtime.bigint() - start) / 1e6);
            if (status !== 200) throw new Error(`request failed: ${status} ${c.path}`);
        }
    } finally {
        agent.destroy();
    }
    return { runs: items.length, ms: median(times) };
}

/** `YYYY-MM-DD HH:MM` in UTC (seeded users have a UTC offset of 0). */
const when = (date: Date) => `${date.toISOString().slice(0, 10)} ${date.toISOString().slice(11, 16)}`;
const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** A one-hour window at least two hours away from now, within one UTC day. */
function workingWindow(now: Date): string {
    const minutes = now.getUTCHours() * 60 + now.getUTCMinutes();
    const [from, to] = minutes + 180 < 1440 ? [minutes + 120, minutes + 180] : [minutes - 180, minutes - 120];
    return `${hhmm(from)}-${hhmm(to)}`;
}

interface Phase {
    users: number;
    storedPerUser: number;
    costs: Record<string, Cost>;
}

const ITEMS: Array<{ key: string; what: string }> = [
    { key: 'schedule_start', what: 'job status-schedule-start, per run' },
    { key: 'working_hours', what: 'job working-hours-boundary, per run' },
    { key: 'expiry', what: 'job status-expiry, per run' },
    { key: 'expiry_sweep', what: 'job status-expiry-sweep (recurring, every minute), per run' },
    { key: 'presence_monitor', what: 'job presence-monitor (recurring), per run' },
    { key: 'retention', what: 'job retention (recurring, every 6 h), per run' },
    { key: 'setStatus_own', what: "users.setStatus of one's own status, per request" },
    { key: 'setStatus_other', what: "the admin's users.setStatus of another user (an audit entry), per request" },
];

async function phase(ws: TestWorkspace, size: number, prefix: string): Promise<Phase> {
    const project = (endpoint: string) => `/api/apps/public/${ws.appId}/${endpoint}`;
    log(`\n${size} users (${prefix}*)`);
    let started = Date.now();
    const seeded = await ws.request(
        'POST',
        '/api/workspace/users.seed',
        { count: size, prefix, tokens: true, concurrency: 16, roles: ['user', 'bot'] },
        ws.admin,
    );
    if (seeded.status !== 200) throw new Error(`users.seed: ${seeded.status} ${seeded.text}`);
    const users = seeded.body.users as Creds[];
    log(`  seeded with login tokens in ${((Date.now() - started) / 1000).toFixed(1)} s`);

    const storedBefore = (await settled(ws)).stored;
    started = Date.now();
    const now = new Date();
    const scheduleStart = new Date(now.getTime() + 2 * DAY_MS);
    const schedule = `busy from ${when(scheduleStart)} to ${when(new Date(scheduleStart.getTime() + HOUR_MS))} Bench`;
    const hours = `hours ${workingWindow(now)} mon-sun`;
    const expiresAt = new Date(now.getTime() + DAY_MS).toISOString();
    const own = (status: string, message: string) => (creds: Creds) => ({
        call: { method: 'POST' as const, path: project('users.setStatus'), body: () => ({ status, message }) },
        creds,
    });
    const command = (params: string) => (creds: Creds) => ({
        // commands.run requires a room: #general, which every user may use (its id is GENERAL)
        call: { method: 'POST' as const, path: '/api/v1/commands.run', body: () => ({ command: 'status', params, roomId: 'GENERAL' }) },
        creds,
    });
    const byAdmin = (creds: Creds) => ({
        call: { method: 'POST' as const, path: project('users.setStatus'), body: () => ({ userId: creds.userId, status: 'away', message: 'x', expiresAt }) },
        creds: ws.admin,
    });
    // every user: two statuses of their own (recent statuses), a schedule, working hours, then the admin's status with an expiry (audit)
    for (const [what, request] of [
        ['own users.setStatus busy', own('busy', 'Focus')],
        ['own users.setStatus away', own('away', 'Lunch')],
        [`/status ${schedule}`, command(schedule)],
        [`/status ${hours}`, command(hours)],
        ["the admin's users.setStatus {userId, away, expiresAt}", byAdmin],
    ] as const) {
        const t = Date.now();
        await inPool(ws.url, users, CONCURRENCY, request);
        log(`  ${what}: ${size} in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    }
    const storedAfter = (await settled(ws)).stored;
    const storedPerUser = (storedAfter - storedBefore) / size;
    log(`  state given in ${((Date.now() - started) / 1000).toFixed(1)} s; the app stores ${storedAfter} records (${storedPerUser.toFixed(2)} more per user)`);

    const costs: Record<string, Cost> = {};
    const show = (key: string) => {
        const c = costs[key];
        const methods = Object.entries(c.byMethod)
            .map(([m, n]) => `${m} ${n.toFixed(2)}`)
            .join(', ');
        log(
            `  ${key}: ${c.runs} runs; per run ${c.calls.toFixed(2)} calls, ${c.read.toFixed(2)} records read (${c.bytesRead.toFixed(0)} bytes), ${c.written.toFixed(2)} written, ${c.ms.toFixed(2)} ms [${methods}]`,
        );
    };
    // the sweep while every user has a pending expiry; then every user's one-time jobs once, expiries first (a schedule starting sets a new one)
    // one run first: the sweep catches up the minutes since its last run (giving the state took minutes)
    await runRecurring(ws, 'status-expiry-sweep', 1);
    costs.expiry_sweep = await measure(ws, () => runRecurring(ws, 'status-expiry-sweep', 3));
    show('expiry_sweep');
    costs.expiry = await measure(ws, () => runOnceJobs(ws, 'status-expiry'));
    show('expiry');
    costs.schedule_start = await measure(ws, () => runOnceJobs(ws, 'status-schedule-start'));
    show('schedule_start');
    costs.working_hours = await measure(ws, () => runOnceJobs(ws, 'working-hours-boundary'));
    show('working_hours');
    costs.presence_monitor = await measure(ws, () => runRecurring(ws, 'presence-monitor', 5));
    show('presence_monitor');
    costs.retention = await measure(ws, () => runRecurring(ws, 'retention', 3));
    show('retention');
    const sample = users.slice(0, Math.min(REQUESTS, users.length));
    costs.setStatus_own = await measure(ws, () => sequential(ws.url, sample, own('busy', 'Focus')));
    show('setStatus_own');
    costs.setStatus_other = await measure(ws, () => sequential(ws.url, sample, byAdmin));
    show('setStatus_other');
    for (const key of ['expiry', 'schedule_start', 'working_hours']) {
        if (costs[key].runs < size) log(`  warning: ${key} ran ${costs[key].runs} times for ${size} users`);
    }
    // not measured: the expiries the admin's requests just set, so the next size does not find them pending
    await runOnceJobs(ws, 'status-expiry');
    return { users: size, storedPerUser, costs };
}

async function main(): Promise<void> {
    // the scheduler's own poll off (its interval as long as a timer allows): only the runs asked for run
    const ws = await startWorkspace({ env: { SCHEDULER_SCAN: 'off' } });
    try {
        const small = await phase(ws, SMALL, 'feat-a-');
        const large = await phase(ws, LARGE, 'feat-b-');
        log(`\nper run (job) or request; ratio = ${LARGE} users / ${SMALL} users (1 = does not grow with users)`);
        const n = `n${SMALL}`;
        for (const { key } of ITEMS) {
            const a = small.costs[key];
            const b = large.costs[key];
            summary(
                `features.${key}.records_read_per_run`,
                b.read,
                [n, a.read],
                ['ratio', ratio(b.read, a.read)],
                ['bytes', b.bytesRead],
                [`bytes_${n}`, a.bytesRead],
            );
            summary(
                `features.${key}.calls_per_run`,
                b.calls,
                [n, a.calls],
                ['ratio', ratio(b.calls, a.calls)],
                ['written', b.written],
                [`written_${n}`, a.written],
            );
            summary(`features.${key}.ms_per_run`, b.ms, [n, a.ms], ['ratio', ratio(b.ms, a.ms)]);
        }
        summary('features.stored_records_per_user', large.storedPerUser, [n, small.storedPerUser], ['ratio', ratio(large.storedPerUser, small.storedPerUser)]);
    } finally {
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
