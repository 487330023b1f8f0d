/**
 * Presence benchmarks (`npm run bench`):
 * 1. cap -> off: from the session that crosses the cap (the 201st with the default cap) being
 *    opened on the local workspace to the service being off (users.getStatus answers
 *    `disabled`). Target: under 1 s (Rocket.Chat's own server may take 30 s).
 * 2. monitoring job: the time of one run of the app's real job code with 100 and with 10,000
 *    users' connection records in an indexed in-memory persistence (the engine's persistence
 *    reads by association through an index, as Rocket.Chat's MongoDB does), as a ratio.
 *    Target: under 1.5.
 */
import { onUserLoggedIn } from '../src/listeners/PresenceListeners';
import { runPresenceMonitor } from '../src/jobs/PresenceMonitorJob';
import { AppSetting } from '../src/settings/AppSetting';
import { FakeWorld } from '../test/unit/presence/fakes';
import { startWorkspace } from '../test/helpers/workspace';
import { summary } from './lib/summary';

export interface BenchResult {
    name: string;
    /** the figure's name in `npm run bench`'s summary (scripts/bench.js), when it is one */
    summary?: string;
    value: number;
    unit: string;
    target: string;
    pass: boolean;
    detail?: string;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function worldWithUsers(users: number): Promise<FakeWorld> {
    const world = new FakeWorld();
    world.appSettings[AppSetting.PresenceCapUnlimited] = true;
    for (let i = 0; i < users; i++) {
        const a = world.access();
        await onUserLoggedIn(world.app(), world.addUser(`user${i}`), a.read, a.http!, a.persis, a.modify);
    }
    world.appSettings[AppSetting.PresenceCapUnlimited] = false;
    world.appSettings[AppSetting.PresenceConnectionCap] = 1_000_000;
    return world;
}

/** Median per-run time (ms) of batches of job runs, the two worlds' batches interleaved to share machine noise. */
async function jobTimes(worlds: FakeWorld[], rounds: number, batch: number): Promise<number[]> {
    const contexts = worlds.map((world) => ({ a: world.access(), app: world.app() }));
    const samples: number[][] = worlds.map(() => []);
    for (let round = -3; round < rounds; round++) {
        for (let w = 0; w < contexts.length; w++) {
            const { a, app } = contexts[w];
            const start = process.hrtime.bigint();
            for (let i = 0; i < batch; i++) {
                await runPresenceMonitor(app, a.read, a.modify, a.http!, a.persis);
            }
            if (round >= 0) {
                samples[w].push(Number(process.hrtime.bigint() - start) / 1e6 / batch);
            }
        }
    }
    return samples.map(median);
}

export async function benchMonitorJob(): Promise<BenchResult[]> {
    const small = await worldWithUsers(100);
    const large = await worldWithUsers(10_000);
    const [smallMs, largeMs] = await jobTimes([small, large], 31, 200);
    const ratio = largeMs / smallMs;
    return [
        { name: 'presence monitor job, 100 users (median per run)', value: smallMs, unit: 'ms', target: '-', pass: true },
        { name: 'presence monitor job, 10,000 users (median per run)', value: largeMs, unit: 'ms', target: '-', pass: true },
        {
            name: 'presence monitor job time ratio 10,000 / 100 users',
            summary: 'presence.monitor_unit.10000_over_100',
            value: ratio,
            unit: 'x',
            target: '< 1.5',
            pass: ratio < 1.5,
        },
    ];
}

async function until(what: string, probe: () => Promise<boolean>, timeoutMs: number, everyMs = 2): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await probe())) {
        if (Date.now() > deadline) {
            throw new Error(`timed out waiting for ${what}`);
        }
        await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
}

/** On the local workspace: 200 real sessions, then the 201st; time until users.getStatus reads `disabled`. */
export async function benchCapToOff(rounds = 5): Promise<BenchResult[]> {
    const ws = await startWorkspace();
    const sessions: Array<{ close(): Promise<void> }> = [];
    try {
        await ws.setAppSettings({ presence_service_enabled: true, presence_connection_cap: 200, presence_cap_unlimited: false });
        const users: Array<Awaited<ReturnType<typeof ws.createUser>>> = [];
        for (let i = 0; i < 200; i++) {
            users.push(await ws.createUser(`bench${i}`));
        }
        const connections = async () => ((await ws.app('GET', 'presence.getConnections', undefined, ws.admin)).body as { current: number }).current;
        const disabled = async () => ((await ws.app('GET', 'users.getStatus', undefined, users[0])).body as { status: string }).status === 'disabled';
        sessions.push(await ws.openSession(ws.admin));
        for (const creds of users.slice(0, 199)) {
            sessions.push(await ws.openSession(creds));
        }
        const times: number[] = [];
        for (let round = 0; round < rounds; round++) {
            await until('200 connections counted', async () => (await connections()) === 200, 30_000, 20);
            if (await disabled()) {
                throw new Error('the service is off at 200 connections');
            }
            const start = process.hrtime.bigint();
            const crossing = await ws.openSession(users[199]);
            await until('the service to be off', disabled, 10_000);
            times.push(Number(process.hrtime.bigint() - start) / 1e6);
            await crossing.close();
            await until('200 connections counted', async () => (await connections()) === 200, 30_000, 20);
            const enabled = await ws.app('POST', 'presence.enableBroadcast', {}, ws.admin);
            if (enabled.status !== 200) {
                throw new Error(`presence.enableBroadcast answered ${enabled.status} ${enabled.text}`);
            }
        }
        const worst = Math.max(...times);
        return [
            {
                name: 'presence cap -> service off (201st session opened -> users.getStatus disabled), median',
                summary: 'presence.cap_to_off_ms',
                value: median(times),
                unit: 'ms',
                target: '< 1000',
                pass: median(times) < 1000,
                detail: `rounds: ${times.map((t) => t.toFixed(0)).join(', ')} ms`,
            },
            { name: 'presence cap -> service off, worst round', value: worst, unit: 'ms', target: '< 1000', pass: worst < 1000 },
        ];
    } finally {
        for (const s of sessions) {
            await s.close().catch(() => undefined);
        }
        await ws.stop();
    }
}

/** Each part on its own: one that fails (its error printed) does not cost the other's figures. */
export async function run(): Promise<{ results: BenchResult[]; failed: string[] }> {
    const results: BenchResult[] = [];
    const failed: string[] = [];
    for (const [name, part] of [
        ['presence.cap_to_off_ms', benchCapToOff],
        ['presence.monitor_unit.10000_over_100', benchMonitorJob],
    ] as const) {
        try {
            results.push(...(await part()));
        } catch (error) {
            console.error(`${name}: ${error instanceof Error ? error.message : String(error)}`);
            failed.push(name);
        }
    }
    return { results, failed };
}

if (require.main === module) {
    run().then(
        ({ results, failed }) => {
            for (const r of results) {
                console.log(`${r.pass ? 'PASS' : 'FAIL'}  ${r.name}: ${r.value.toFixed(3)} ${r.unit} (target ${r.target})${r.detail ? ` — ${r.detail}` : ''}`);
            }
            for (const r of results) {
                if (r.summary) summary(r.summary, r.value, ['target', r.target.replace(/\s+/g, '')], ['pass', r.pass ? 'yes' : 'no']);
            }
            for (const name of failed) summary(name, 'failed', ['see', 'above']);
            process.exitCode = !failed.length && results.every((r) => r.pass) ? 0 : 1;
        },
        (error) => {
            console.error(error);
            process.exitCode = 1;
        },
    );
}
