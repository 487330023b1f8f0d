import { IHttp, ILogger, IModify, IPersistence, IRead, ISchedulerModify } from '@rocket.chat/apps-engine/definition/accessors';
import { IJobContext, IProcessor } from '@rocket.chat/apps-engine/definition/scheduler';

import { describeError } from '../services/presence/PresenceApp';
import { rearmSchedules, runScheduleStart } from '../services/scheduledStatus';
import { rearmWorkingHours, runWorkingHoursBoundary } from '../services/workingHours';
import { JobId } from '../core/jobIds';

/** The one-time jobs of scheduled statuses and working hours: each acts on one user, never on all. */
export function userStatusProcessors(logger: () => ILogger): IProcessor[] {
    const guarded =
        (what: string, run: (context: IJobContext, read: IRead, modify: IModify, persis: IPersistence) => Promise<unknown>) =>
        async (context: IJobContext, read: IRead, modify: IModify, _http: IHttp, persis: IPersistence): Promise<void> => {
            try {
                await run(context, read, modify, persis);
            } catch (error) {
                logger().error(`${what} failed: ${describeError(error)}`);
            }
        };
    return [
        {
            id: JobId.ScheduleStart,
            processor: guarded('a scheduled status', (context, read, modify, persis) => runScheduleStart(context, read, modify, persis, logger())),
        },
        {
            id: JobId.WorkingHoursBoundary,
            processor: guarded('working hours', (context, read, modify, persis) => runWorkingHoursBoundary(context, { read, modify, persis }, logger())),
        },
    ];
}

/** When the app starts: the pending schedules and the working hours get their jobs again. */
export async function rearmUserStatusJobs(read: IRead, scheduler: ISchedulerModify): Promise<number> {
    return (await rearmSchedules(read, scheduler)) + (await rearmWorkingHours(read, scheduler));
}
