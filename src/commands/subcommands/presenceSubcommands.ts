import { renderConnectionBar } from '../../core/presence/ConnectionBar';
import { lastDates, renderHistoryChart } from '../../core/presence/History';
import { readHistory } from '../../services/presence/history';
import { RecordStore } from '../../storage/records';
import { PRESENCE_MESSAGES, PresenceMessageKey } from '../../i18n/presenceMessages';
import { languageOf, translator } from '../../i18n/translate';
import { checkPresence } from '../../services/presence/presenceCheck';
import { enablePresence, readPresenceState } from '../../services/presence/presenceSwitch';
import { isServerBroadcastDisabled } from '../../services/presence/serverPresence';
import { canManageUserStatus } from '../../services/rights';
import { CommandContext, CommandReply, reply, replyError } from '../CommandContext';

/** The days of connection history `/status connections` charts. */
const CHART_DAYS = 14;

const presenceT = (ctx: CommandContext) => translator(PRESENCE_MESSAGES, languageOf(ctx.sender));
const accessOf = (ctx: CommandContext) => ({ read: ctx.read, modify: ctx.modify, http: ctx.http, persis: ctx.persistence });

/** `/status connections`: current / cap (and where the count comes from), a bar, and whether the service is on. */
export async function showConnections(ctx: CommandContext): Promise<CommandReply> {
    const t = presenceT(ctx);
    if (!(await canManageUserStatus(ctx.read, ctx.sender))) {
        return replyError(t('not_allowed'));
    }
    const { count, config } = await checkPresence(ctx.app, accessOf(ctx), { revalidateWhenOff: true });
    const [state, serverOff, days] = await Promise.all([
        readPresenceState(ctx),
        isServerBroadcastDisabled(ctx.read),
        readHistory(new RecordStore(ctx.read.getPersistenceReader()), ctx.now),
    ]);
    const stateKey: PresenceMessageKey = state.enabled
        ? serverOff
            ? 'state_off_server'
            : 'state_on'
        : (`state_off_${state.reason ?? 'cap'}` as PresenceMessageKey);
    const summary = t('connections', {
        current: count.current,
        max: config.unlimited ? '∞' : config.cap,
        source: t(count.source === 'workspace' ? 'source_workspace' : 'source_estimate'),
        bar: renderConnectionBar(count.current, config.cap, config.unlimited),
        state: t(stateKey),
    });
    const chart = renderHistoryChart(days, lastDates(CHART_DAYS, ctx.now));
    return reply(`${summary}\n\n${ctx.t('history_title')}\n${chart}`);
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
