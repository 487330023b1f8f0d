/**
 * The cap's reaction time on the local workspace under Rocket.Chat's timing (bench/lib/timing.ts:
 * each instance publishes its connection count at most every 30 s, after a login, a logout or a
 * closed socket; Agenda scans every 5 s; settings watchers debounced 500 ms), with sessions opened as
 * real clients open them (one REST password login per user, then DDP `resume` sessions, which fire no
 * login event): from the 201st session being opened to the service being off (users.getStatus
 * answers `disabled`), over several rounds, with Rocket.Chat's own count (access settings filled in)
 * and with the app's estimate. Expected within about 50 s with Rocket.Chat's count: the refresh (up
 * to 30 s), then the monitor job (every 20 s). A correctness test never times this; the bench does.
 * `BENCH_CAP_TIMING=fast` uses the test helper's short knobs instead.
 */
import { startWorkspace, type Creds, type DdpSession, type TestWorkspace } from '../test/helpers/workspace';
import { pollUntil } from '../test/helpers/poll';
import { summary } from './lib/summary';
import { FAITHFUL_TIMING } from './lib/timing';

const FAST = process.env.BENCH_CAP_TIMING === 'fast';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function capReaction(mode: 'workspace' | 'estimate', rounds: number): Promise<number[]> {
    const ws: TestWorkspace = await startWorkspace(FAST ? {} : { env: FAITHFUL_TIMING });
    const sessions: DdpSession[] = [];
    try {
        await ws.setAppSettings({
            presence_connection_cap: 200,
            presence_cap_unlimited: false,
            ...(mode === 'workspace' ? { presence_workspace_user_id: ws.admin.userId, presence_workspace_access_token: ws.admin.authToken } : {}),
        });
        const users: Creds[] = [];
        for (let i = 0; i < 201; i++) {
            users.push(await ws.createUser(`bench${i}`));
        }
        const disabled = async () => ((await ws.app('GET', 'users.getStatus', undefined, users[0])).body as { status: string }).status === 'disabled';
        for (const creds of users.slice(0, 200)) {
            sessions.push(await ws.openSession(creds));
        }
        const times: number[] = [];
        for (let round = 0; round < rounds; round++) {
            await pollUntil(
                () => ws.app('GET', 'presence.getConnections', undefined, ws.admin),
                (res) => res.body.current === 200,
                { what: '200 connections counted', timeoutMs: 120_000, intervalMs: 500 },
            );
            if (await disabled()) {
                const audit = await ws.app('GET', 'status.audit?count=8', undefined, ws.admin);
                console.error(
                    JSON.stringify(
                        audit.body.entries?.map((e: { action: string; source: string; details: unknown; ts: string }) => [e.ts, e.action, e.source, e.details]),
                    ),
                );
                for (const id of ['Presence_broadcast_disabled', 'Troubleshoot_Disable_Presence_Broadcast']) {
                    console.error(id, (await ws.request('GET', `/api/v1/settings/${id}`, undefined, ws.admin)).body.value);
                }
                throw new Error(`${mode}, round ${round}: the service is off at 200 connections`);
            }
            const start = process.hrtime.bigint();
            const crossing = await ws.openSession(users[200]);
            await pollUntil(disabled, (off) => off, { what: 'the service to be off', intervalMs: FAST ? 2 : 50, timeoutMs: 120_000 });
            times.push(Number(process.hrtime.bigint() - start) / 1e6);
            await crossing.close();
            await pollUntil(
                () => ws.app('POST', 'presence.enableBroadcast', {}, ws.admin),
                (res) => res.status === 200,
                { what: 'enable to be accepted at 200 connections', intervalMs: 1000, timeoutMs: 120_000 },
            );
        }
        return times;
    } finally {
        for (const s of sessions) {
            await s.close().catch(() => undefined);
        }
        await ws.stop();
    }
}

async function main(): Promise<void> {
    const rounds = Number(process.env.BENCH_CAP_ROUNDS ?? (FAST ? 5 : 3));
    for (const mode of (process.env.BENCH_CAP_MODES ?? 'workspace,estimate').split(',') as Array<'workspace' | 'estimate'>) {
        const times = await capReaction(mode, rounds);
        const timing = FAST ? 'fast' : 'faithful';
        console.log(
            `cap reaction (${mode === 'workspace' ? "Rocket.Chat's own count" : 'the estimate'}, ${timing} timing), resume-only sessions: ${times.map((t) => t.toFixed(0)).join(', ')} ms`,
        );
        summary(`presence.cap_to_off_ms.${timing}.${mode}`, median(times), ['worst', Math.max(...times)], ['best', Math.min(...times)]);
    }
}

main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
});
