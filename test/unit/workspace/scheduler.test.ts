/**
 * The workspace's scheduler as Rocket.Chat's Agenda runs apps' jobs (packages/agenda/src/Agenda.ts,
 * apps/meteor/app/apps/server/bridges/scheduler.ts `defaultConcurrency: 1`): one run of a processor
 * at a time per instance, other processors meanwhile; a job runs at its time, never before; a job one
 * instance holds is not run by another. Real store; the processors are held open by the test.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Store } from '../../../workspace/store/Store';
import { JobStore } from '../../../workspace/scheduler/JobStore';
import { Scheduler } from '../../../workspace/scheduler/Scheduler';
import { SeqLog } from '../../../workspace/diagnostics/SeqLog';
import type { JobRun } from '../../../workspace/scheduler/JobRuns';
import { runDue } from '../../../workspace/scheduler/runDue';
import { pollUntil } from '../../helpers/poll';

/** A processor whose runs the test ends one by one; it records how many ran at once. */
function heldProcessor() {
    const running: Array<() => void> = [];
    const started: Array<Record<string, unknown>> = [];
    let most = 0;
    return {
        started,
        get most() {
            return most;
        },
        running,
        fn: (context: Record<string, unknown>) =>
            new Promise<void>((resolve) => {
                started.push(context);
                running.push(resolve);
                most = Math.max(most, running.length);
            }),
        release() {
            running.shift()?.();
        },
    };
}

describe('workspace scheduler (Agenda)', () => {
    let dir: string;
    let jobs: JobStore;
    const schedulers: Scheduler[] = [];
    const make = (instance: number, tickMs = 40) => {
        const s = new Scheduler(jobs, new SeqLog<JobRun>(), instance, tickMs);
        schedulers.push(s);
        return s;
    };

    beforeEach(async () => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scheduler-'));
        const store = new Store(dir);
        await store.open();
        jobs = new JobStore(store);
        await jobs.open();
    });

    afterEach(() => {
        for (const s of schedulers.splice(0)) s.stop();
        fs.rmSync(dir, { recursive: true, force: true });
    });

    it('runs one job of a processor at a time on an instance, and another processor meanwhile', async () => {
        const scheduler = make(0);
        const a = heldProcessor();
        const b = heldProcessor();
        scheduler.defineProcessor('a', a.fn);
        scheduler.defineProcessor('b', b.fn);
        scheduler.start();
        const now = new Date();
        for (let n = 0; n < 3; n++) await scheduler.scheduleOnce('app', 'a', now, { n });
        await scheduler.scheduleOnce('app', 'b', now, { n: 9 });
        await pollUntil(
            async () => a.started.length + b.started.length,
            (n) => n === 2,
            { what: 'one run of each processor' },
        );
        expect(a.running).toHaveLength(1);
        expect(b.running).toHaveLength(1);
        for (let n = 1; n <= 2; n++) {
            a.release();
            await pollUntil(
                async () => a.started.length,
                (count) => count === n + 1,
                { what: `run ${n + 1} of a` },
            );
            expect(a.running).toHaveLength(1);
        }
        a.release();
        b.release();
        expect(a.most).toBe(1);
        expect(a.started.map((c) => c.n).sort()).toEqual([0, 1, 2]);
    });

    it('runs a job at its time, never before', async () => {
        const scheduler = make(0, 1000);
        const a = heldProcessor();
        scheduler.defineProcessor('a', a.fn);
        scheduler.start();
        const when = new Date(Date.now() + 300);
        await scheduler.scheduleOnce('app', 'a', when, {});
        const started = await pollUntil(
            async () => a.started.length,
            (n) => n === 1,
            { what: 'the job to run', intervalMs: 5 },
        );
        expect(started).toBe(1);
        expect(Date.now()).toBeGreaterThanOrEqual(when.getTime());
        a.release();
    });

    it('a job an instance holds (locked ahead of its time) is left by the other instance and by runDue', async () => {
        const zero = make(0, 10_000);
        const one = make(1, 10_000);
        const a = heldProcessor();
        const b = heldProcessor();
        zero.defineProcessor('a', a.fn);
        one.defineProcessor('a', b.fn);
        zero.start();
        one.start();
        // saved through instance 0, due before its next scan: locked there at once, run at its time
        await zero.scheduleOnce('app', 'a', new Date(Date.now() + 200), {});
        expect(await runDue(jobs, [one], 'a')).toBe(0);
        await pollUntil(
            async () => a.started.length,
            (n) => n === 1,
            { what: 'instance 0 to run it' },
        );
        expect(b.started).toHaveLength(0);
        a.release();
    });

    it('runDue waits for the processor’s turn: jobs run one after the other even when asked all at once', async () => {
        const scheduler = make(0, 60_000);
        const a = heldProcessor();
        scheduler.defineProcessor('a', a.fn);
        scheduler.start();
        const later = new Date(Date.now() + 3_600_000);
        for (let n = 0; n < 3; n++) await jobs.scheduleOnce('app', 'a', later, { n });
        const ran = runDue(jobs, [scheduler], 'a', 3);
        await pollUntil(
            async () => a.started.length,
            (n) => n === 1,
            { what: 'the first run' },
        );
        while (a.started.length < 3 || a.running.length) {
            expect(a.running.length).toBeLessThanOrEqual(1);
            a.release();
            await new Promise((resolve) => setTimeout(resolve, 20));
        }
        expect(await ran).toBe(3);
        expect(a.most).toBe(1);
    });
});
