import { IHttp, IModify, IPersistence, IRead, ISchedulerModify } from '@rocket.chat/apps-engine/definition/accessors';
import { IJobContext, IProcessor } from '@rocket.chat/apps-engine/definition/scheduler';

import { JobId } from '../core/jobIds';
import { ChangeApp, ChangeEnv } from '../services/change/ChangeEnv';
import { describeError } from '../services/presence/PresenceApp';
import { rearmSchedules, runScheduleStart } from '../services/scheduledStatus';
import { rearmWorkingHours, runWorkingHoursBoundary } from '../services/workingHours';

/** The one-time jobs of scheduled statuses and working hours: each acts on one user, never on all. */
export function userStatusProcessors(app: ChangeApp): IProcessor[] {
    const guarded =
        (what: string, run: (context: IJobContext, env: ChangeEnv) => Promise<string>) =>
        async (context: IJobContext, read: IRead, modify: IModify, http: IHttp, persis: IPersistence): Promise<void> => {
            try {
                if ((await run(context, { app, read, modify, http, persis })) === 'failed') {
                    app.getLogger().error(`${what} did not happen; nothing of it was kept`);
                }
            } catch (error) {
                app.getLogger().error(`${what} failed: ${describeError(error)}`);
            }
        };
    return [
        { id: JobId.ScheduleStart, processor: guarded('a scheduled status', (context, env) => runScheduleStart(context, env)) },
        { id: JobId.WorkingHoursBoundary, processor: guarded('working hours', (context, env) => runWorkingHoursBoundary(context, env)) },
    ];
}

/** When the app starts: the pending schedules and the working hours get their jobs again. */
export async function rearmUserStatusJobs(read: IRead, scheduler: ISchedulerModify): Promise<number> {
    return (await rearmSchedules(read, scheduler)) + (await rearmWorkingHours(read, scheduler));
}
