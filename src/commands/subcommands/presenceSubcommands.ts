import { PRESENCE_MESSAGES } from '../../i18n/presenceMessages';
import { languageOf, translator } from '../../i18n/translate';
import { enablePresence } from '../../services/presence/presenceSwitch';
import { presenceReport } from '../../services/reports/presenceReport';
import { canManageUserStatus } from '../../services/rights';
import { CommandContext, CommandReply, reply, replyError } from '../CommandContext';

const presenceT = (ctx: CommandContext) => translator(PRESENCE_MESSAGES, languageOf(ctx.sender));
const accessOf = (ctx: CommandContext) => ({ read: ctx.read, modify: ctx.modify, http: ctx.http, persis: ctx.persistence });

/** `/status connections`: current / cap (and where the count comes from), a bar, whether the service is on, and the 14-day chart. */
export async function showConnections(ctx: CommandContext): Promise<CommandReply> {
    if (!(await canManageUserStatus(ctx.read, ctx.sender))) {
        return replyError(presenceT(ctx)('not_allowed'));
    }
    const report = await presenceReport(ctx.app, accessOf(ctx), languageOf(ctx.sender), ctx.now);
    return reply(`${report.summary}\n\n${report.history}`);
}

/** `/status enable`: turns the presence service back on; refused while over the cap, or when Rocket.Chat refuses. */
export async function enableFromCommand(ctx: CommandContext): Promise<CommandReply> {
    const t = presenceT(ctx);
    if (!(await canManageUserStatus(ctx.read, ctx.sender))) {
        return replyError(t('not_allowed'));
    }
    const outcome = await enablePresence(ctx.app, accessOf(ctx), { source: 'command', actor: ctx.sender });
    switch (outcome.kind) {
        case 'enabled':
            return reply(t('enabled', { current: outcome.current, max: outcome.max }));
        case 'already':
            return reply(t('already_enabled'));
        case 'refused':
            return replyError(t('enable_refused', { cap: outcome.cap }));
        case 'refusedByServer':
            return replyError(t('enable_refused_server'));
        case 'failed':
            return replyError(t('failed'));
    }
}
