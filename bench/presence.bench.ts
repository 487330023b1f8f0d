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

export interface BenchResult {
    name: string;
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
        { name: 'presence monitor job time ratio 10,000 / 100 users', value: ratio, unit: 'x', target: '< 1.5', pass: ratio < 1.5 },
    ];
}

export async function run(): Promise<BenchResult[]> {
    return [...(await benchMonitorJob())];
}

if (require.main === module) {
    run().then(
        (results) => {
            for (const r of results) {
                console.log(`${r.pass ? 'PASS' : 'FAIL'}  ${r.name}: ${r.value.toFixed(3)} ${r.unit} (target ${r.target})${r.detail ? ` — ${r.detail}` : ''}`);
            }
            process.exitCode = results.every((r) => r.pass) ? 0 : 1;
        },
        (error) => {
            console.error(error);
            process.exitCode = 1;
        },
    );
}
