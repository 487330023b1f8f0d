import { IHttp, IModify, IPersistence, IRead, ISchedulerModify } from '@rocket.chat/apps-engine/definition/accessors';
import { IJobContext, IProcessor } from '@rocket.chat/apps-engine/definition/scheduler';

import { JobId, JobInterval } from '../core/jobIds';
import { ChangeApp } from '../services/change/ChangeEnv';
import { recoverChanges } from '../services/change/recovery';
import { describeError } from '../services/presence/PresenceApp';

/** The recovery pass, every minute for the cluster: the changes whose writer died are finished or undone. */
export function changeRecoveryProcessor(app: ChangeApp): IProcessor {
    return {
        id: JobId.ChangeRecovery,
        processor: async (_context: IJobContext, read: IRead, modify: IModify, http: IHttp, persis: IPersistence): Promise<void> => {
            try {
                const counts = await recoverChanges({ app, read, modify, http, persis });
                if (counts.undone + counts.finished + counts.failed > 0) {
                    app.getLogger().info(`changes recovered: ${counts.undone} undone, ${counts.finished} finished, ${counts.failed} left for the next pass`);
                }
            } catch (error) {
                app.getLogger().error(`the recovery pass failed: ${describeError(error)}`);
            }
        },
    };
}

export async function startChangeRecovery(scheduler: ISchedulerModify): Promise<void> {
    await scheduler.scheduleRecurring({ id: JobId.ChangeRecovery, interval: JobInterval[JobId.ChangeRecovery], skipImmediate: false });
}
