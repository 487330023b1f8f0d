/**
 * An admin's password login (REST `POST /api/v1/login`) with the project's app installed, against the
 * same login on a workspace with only the bench's fixture app (bench/fixture: no login listener).
 * Rocket.Chat awaits the apps' IPostUserLoggedIn before the login answers
 * (apps/meteor/app/authentication/server/startup/index.js), so an app's listener is on every
 * password login's path. Both workspaces run at once with Rocket.Chat's timing; the logins alternate
 * between them, each from a loopback address of its own (the login route is rate limited per client
 * address, 10 a minute). Target (issue 17): ratio <= 1.2. Env: BENCH_LOGIN_SAMPLES (200).
 */
import { startWorkspace, type TestWorkspace } from '../test/helpers/workspace';
import { packageFixture } from './lib/fixture';
import { positiveEnv } from './lib/env';
import { median } from './lib/load';
import { summary } from './lib/summary';
import { FAITHFUL_TIMING } from './lib/timing';

const SAMPLES = positiveEnv('BENCH_LOGIN_SAMPLES', 200);
const WARMUP = 20;

let addresses = 0;
/** A loopback address per login (127.1.200.1 and on): the login route's limit is per client address. */
const nextAddress = () => {
    const n = addresses++;
    const block = Math.floor(n / 250);
    return `127.${1 + Math.floor(block / 56)}.${200 + (block % 56)}.${1 + (n % 250)}`;
};

async function loginMs(ws: TestWorkspace, password: string): Promise<number> {
    const start = process.hrtime.bigint();
    const res = await ws.request('POST', '/api/v1/login', { user: 'admin', password }, undefined, nextAddress());
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (res.status !== 200) throw new Error(`login: ${res.status} ${res.text}`);
    return ms;
}

async function main(): Promise<void> {
    const fixture = packageFixture();
    const password = 'bench-admin-password-1';
    const env = { ...FAITHFUL_TIMING, ADMIN_PASSWORD: password };
    const withApp = await startWorkspace({ env });
    const minimal = await startWorkspace({ env: { ...env, APP_PACKAGE: fixture.zip } });
    try {
        if (minimal.appId !== fixture.appId) throw new Error(`the minimal workspace runs ${minimal.appId}, not the fixture`);
        const times: [number[], number[]] = [[], []];
        for (let i = -WARMUP; i < SAMPLES; i++) {
            // alternate which goes first, so that neither always follows the other
            const order = i % 2 ? [1, 0] : [0, 1];
            for (const side of order) {
                const ms = await loginMs(side === 0 ? withApp : minimal, password);
                if (i >= 0) times[side].push(ms);
            }
        }
        const [app, fix] = times.map(median);
        console.log(`admin password login, ${SAMPLES} each, interleaved: with the app median ${app.toFixed(2)} ms, with the minimal app ${fix.toFixed(2)} ms`);
        summary('login.admin_password.median_ms', app, ['minimal_app', fix], ['ratio', app / fix]);
    } finally {
        await withApp.stop();
        await minimal.stop();
    }
}

main().then(
    () => process.exit(0),
    (err: unknown) => {
        console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
        process.exit(1);
    },
);
