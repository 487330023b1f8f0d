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

interface Reaction {
    /** the 201st session to the app's own turn-off (its switch `presence_service_enabled` false) */
    appOff: number;
    /** the 201st session to users.getStatus answering `disabled` (the app's turn-off, or Rocket.Chat's own cap first) */
    disabled: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function capReaction(mode: 'workspace' | 'estimate', rounds: number): Promise<Reaction[]> {
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
        const appOff = async () => {
            const res = await ws.request('GET', `/api/apps/${ws.appId}/settings`, undefined, ws.admin);
            const setting = (res.body as { settings: Record<string, { value?: unknown; packageValue: unknown }> }).settings.presence_service_enabled;
            return (setting.value ?? setting.packageValue) === false;
        };
        for (const creds of users.slice(0, 200)) {
            sessions.push(await ws.openSession(creds));
        }
        const times: Reaction[] = [];
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
            // the crossing at a different point of the instance's 30 s publication window each round
            if (!FAST) await sleep(((round * 30_000) / rounds) % 30_000);
            const start = process.hrtime.bigint();
            const elapsed = () => Number(process.hrtime.bigint() - start) / 1e6;
            const crossing = await ws.openSession(users[200]);
            let disabledAt: number | undefined;
            await pollUntil(
                async () => {
                    if (disabledAt === undefined && (await disabled())) disabledAt = elapsed();
                    return appOff();
                },
                (off) => off,
                { what: 'the service to be off', intervalMs: FAST ? 2 : 100, timeoutMs: 120_000 },
            );
            const off = elapsed();
            times.push({ appOff: off, disabled: disabledAt ?? off });
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
        const reactions = await capReaction(mode, rounds);
        const timing = FAST ? 'fast' : 'faithful';
        const off = reactions.map((r) => r.appOff);
        const disabled = reactions.map((r) => r.disabled);
        console.log(
            `cap reaction (${mode === 'workspace' ? "Rocket.Chat's own count" : 'the estimate'}, ${timing} timing), resume-only sessions: the app's turn-off ${off.map((t) => t.toFixed(0)).join(', ')} ms; users.getStatus disabled ${disabled.map((t) => t.toFixed(0)).join(', ')} ms`,
        );
        summary(
            `presence.cap_to_off_ms.${timing}.${mode}`,
            median(off),
            ['worst', Math.max(...off)],
            ['best', Math.min(...off)],
            ['disabled_median', median(disabled)],
            ['disabled_worst', Math.max(...disabled)],
        );
    }
}

main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
});
