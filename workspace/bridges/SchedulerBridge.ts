import { SchedulerBridge } from '@rocket.chat/apps-engine/server/bridges/SchedulerBridge';
import type { IProcessor } from '@rocket.chat/apps-engine/definition/scheduler/IProcessor';
import type { IOnetimeSchedule } from '@rocket.chat/apps-engine/definition/scheduler/IOnetimeSchedule';
import type { IRecurringSchedule } from '@rocket.chat/apps-engine/definition/scheduler/IRecurringSchedule';
import type { HostContext } from '../engine/HostContext';

/**
 * Rocket.Chat's AppSchedulerBridge over the workspace scheduler. The engine hands over wrapped
 * processors (they call the app in its runtime); the workspace keeps and runs them.
 */
export class WorkspaceSchedulerBridge extends SchedulerBridge {
    constructor(private readonly ctx: HostContext) {
        super();
    }

    protected async registerProcessors(processors: IProcessor[], appId: string): Promise<string[]> {
        const ids: string[] = [];
        for (const p of processors) {
            const run = p.processor as unknown as (ctx: Record<string, unknown>) => Promise<void>;
            this.ctx.scheduler.defineProcessor(p.id, (jobContext) => run(jobContext));
            const startup = p.startupSetting;
            if (!startup) continue;
            await this.ctx.scheduler.cancel(p.id);
            if (startup.type === 'onetime') {
                ids.push(await this.ctx.scheduler.scheduleOnce(appId, p.id, new Date(startup.when), (startup.data ?? {}) as Record<string, unknown>));
            } else {
                ids.push(
                    await this.ctx.scheduler.scheduleRecurring(
                        appId,
                        p.id,
                        startup.interval,
                        (startup.data ?? {}) as Record<string, unknown>,
                        !!startup.skipImmediate,
                    ),
                );
            }
        }
        return ids;
    }

    protected async scheduleOnce(job: IOnetimeSchedule, appId: string): Promise<string> {
        this.assertProcessor(job.id);
        return this.ctx.scheduler.scheduleOnce(appId, job.id, new Date(job.when), (job.data ?? {}) as Record<string, unknown>);
    }

    protected async scheduleRecurring(job: IRecurringSchedule, appId: string): Promise<string> {
        this.assertProcessor(job.id);
        return this.ctx.scheduler.scheduleRecurring(appId, job.id, job.interval, (job.data ?? {}) as Record<string, unknown>, !!job.skipImmediate);
    }

    protected async cancelJob(jobId: string): Promise<void> {
        await this.ctx.scheduler.cancel(jobId);
    }

    protected async cancelAllJobs(appId: string): Promise<void> {
        await this.ctx.scheduler.cancelAll(appId);
    }

    private assertProcessor(id: string): void {
        if (!this.ctx.scheduler.hasProcessor(id)) {
            throw new Error(`Processor ${id} is not registered`);
        }
    }
}
