import { readRecentStatuses } from '../../services/recentStatuses';
import { CommandContext, CommandReply, reply, replyError } from '../CommandContext';
import { describeStatus } from '../../i18n/format';
import { setStatus } from './setStatus';

/** `recent`: the user's last five statuses, numbered; `recent <n>`: that one again. */
export async function recentStatuses(ctx: CommandContext, pick?: number): Promise<CommandReply> {
    const { t } = ctx;
    const recent = await readRecentStatuses(ctx.read, ctx.sender.id);
    if (pick === undefined) {
        if (recent.length === 0) {
            return reply(t('recent_empty'));
        }
        return reply(
            [t('recent_title', { command: ctx.command }), ...recent.map((item, i) => `${i + 1}. ${describeStatus(t, item.status, item.message)}`)].join('\n'),
        );
    }
    const item = recent[pick - 1];
    if (!item) {
        return replyError(t('error_recent_missing', { n: pick }));
    }
    return setStatus(ctx, { ...(item.status ? { status: item.status } : {}), message: item.message });
}
