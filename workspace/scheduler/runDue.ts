import type { JobStore } from './JobStore';
import type { Scheduler } from './Scheduler';

/**
 * Local diagnostic (`POST /api/workspace/jobs.runDue`): runs now, once for the cluster, every pending
 * one-time job (only `processorId`'s when given) and, when `processorId` names a recurring job, that
 * job once (its schedule unchanged). Each runs on one instance that registered its processor, a
 * ready one first, after taking its lock (a job another instance is running is skipped). Resolves
 * when they have finished, with how many ran.
 */
export async function runDue(jobs: JobStore, schedulers: Scheduler[], processorId?: string): Promise<number> {
    const runs: Array<Promise<boolean>> = [];
    for (const job of await jobs.find()) {
        // the engine registers an app's processor `id` as `<id>_<appId>`; either name selects it
        if (processorId !== undefined && job.name !== processorId && job.name !== `${processorId}_${job.appId}`) continue;
        if (job.type === 'recurring' && processorId === undefined) continue;
        const able = schedulers.filter((s) => s.hasProcessor(job.name));
        const scheduler = able.find((s) => s.isReady(job.appId)) ?? able[0];
        if (!scheduler) continue;
        runs.push(scheduler.runIfLocked(job, { onlyIfDue: false, keepSchedule: true, trigger: 'runDue' }));
    }
    return (await Promise.all(runs)).filter(Boolean).length;
}
