import { CommandContext, CommandReply, reply } from '../CommandContext';

export async function listStatuses(ctx: CommandContext): Promise<CommandReply> {
    const { t } = ctx;
    return reply([t('list_title'), `- ${t('list_online')}`, `- ${t('list_away')}`, `- ${t('list_busy')}`, `- ${t('list_offline')}`].join('\n'));
}
