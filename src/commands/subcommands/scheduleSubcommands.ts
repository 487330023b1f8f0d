import { UserPresence } from '../../core/status/presets';
import { cancelSchedule, listSchedules, scheduleOwnStatus } from '../../services/scheduledStatus';
import { changeEnvOf, CommandContext, CommandReply, reply, replyError, errorReply } from '../CommandContext';
import { describeStatus, formatUntil } from '../../i18n/format';

/** `<status> from 14:00 to 15:30 [message]` (also a custom status): the status then, and the previous one after. */
export async function scheduleStatus(ctx: CommandContext, request: { status?: UserPresence; message?: string; start: Date; end: Date }): Promise<CommandReply> {
    const { t, sender } = ctx;
    const scheduled = await scheduleOwnStatus(changeEnvOf(ctx), sender, {
        ...(request.status ? { status: request.status } : {}),
        message: request.message ?? '',
        start: request.start,
        end: request.end,
    });
    if (!scheduled.ok) {
        return errorReply(t, scheduled.error);
    }
    const offset = sender.utcOffset ?? 0;
    const { status, message, start, end } = scheduled.value;
    return reply(
        t('schedule_done', {
            status: describeStatus(t, status, message),
            start: formatUntil(new Date(start), offset),
            end: formatUntil(new Date(end), offset),
        }),
    );
}

/** `scheduled`: the user's pending schedules, numbered; `scheduled cancel <n>`: that one goes. */
export async function scheduledStatuses(ctx: CommandContext, cancel?: number): Promise<CommandReply> {
    const { t, sender } = ctx;
    const offset = sender.utcOffset ?? 0;
    const describe = (schedule: { status?: string; message: string; start: string; end: string }) => ({
        status: describeStatus(t, schedule.status, schedule.message),
        start: formatUntil(new Date(schedule.start), offset),
        end: formatUntil(new Date(schedule.end), offset),
    });
    if (cancel !== undefined) {
        const cancelled = await cancelSchedule(changeEnvOf(ctx), sender.id, cancel);
        if (!cancelled.ok) {
            return errorReply(t, cancelled.error);
        }
        return cancelled.value ? reply(t('scheduled_cancelled', describe(cancelled.value))) : replyError(t('error_schedule_missing', { n: cancel }));
    }
    const schedules = await listSchedules(ctx.read, sender.id);
    if (schedules.length === 0) {
        return reply(t('scheduled_empty'));
    }
    return reply([t('scheduled_title', { command: ctx.command }), ...schedules.map((s, i) => t('scheduled_line', { n: i + 1, ...describe(s) }))].join('\n'));
}
