import { CommandContext, CommandReply, reply } from '../CommandContext';

export async function help(ctx: CommandContext): Promise<CommandReply> {
    return reply(ctx.t('help', { command: ctx.command }));
}
