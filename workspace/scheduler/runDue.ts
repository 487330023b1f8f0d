import type { JobDoc, JobStore } from './JobStore';
import type { Scheduler } from './Scheduler';

/**
 * Local diagnostic (`POST /api/workspace/jobs.runDue`): runs now, once for the cluster, every pending
 * one-time job (only `processorId`'s when given) and, when `processorId` names a recurring job, that
 * job once (its schedule unchanged). The jobs are those pending when it is called (one that a run
 * schedules meanwhile waits for the next call); all at once, or `concurrency` at a time. Each runs
 * on one instance that registered its processor, a ready one first, after taking its lock (a job
 * an instance is running or holds in its queue is skipped), and there in its processor's turn (one
 * run of a processor at a time per instance, as Agenda). Resolves when they have finished, with how
 * many ran.
 */
export async function runDue(jobs: JobStore, schedulers: Scheduler[], processorId?: string, concurrency = Infinity): Promise<number> {
    const selected: JobDoc[] = [];
    for (const job of await jobs.find()) {
        // the engine registers an app's processor `id` as `<id>_<appId>`; either name selects it
        if (processorId !== undefined && job.name !== processorId && job.name !== `${processorId}_${job.appId}`) continue;
        if (job.type === 'recurring' && processorId === undefined) continue;
        selected.push(job);
    }
    const runOne = (job: JobDoc): Promise<boolean> => {
        const able = schedulers.filter((s) => s.hasProcessor(job.name));
        const scheduler = able.find((s) => s.isReady(job.appId)) ?? able[0];
        if (!scheduler) return Promise.resolve(false);
        return scheduler.runNow(job);
    };
    let ran = 0;
    let next = 0;
    await Promise.all(
        Array.from({ length: Math.min(concurrency, selected.length) }, async () => {
            while (next < selected.length) {
                if (await runOne(selected[next++])) ran++;
            }
        }),
    );
    return ran;
}
