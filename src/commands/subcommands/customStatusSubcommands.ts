import { AppError } from '../../core/AppError';
import { isCustomStatusType } from '../../core/customStatus/CustomUserStatus';
import { splitAtLastColon } from '../../core/customStatus/settingsText';
import { CUSTOM_STATUS_MESSAGES, CustomStatusMessageKey } from '../../i18n/customStatusMessages';
import { languageOf, translator, Translator } from '../../i18n/translate';
import { chooseCustomStatus, deleteCustomStatus, findCustomStatus, listAllCustomStatuses, saveCustomStatus } from '../../services/CustomStatusService';
import { canManageUserStatus } from '../../services/rights';
import { customStatusReason, presenceLabel } from '../../services/customStatusText';
import { adminListView } from '../../ui/CustomStatusAdminView';
import { changeEnvOf, CommandContext, CommandReply, reply, replyError, errorReply } from '../CommandContext';
import { formatUntil } from '../../i18n/format';
import { matchCustomStatusWords } from '../parseStatusCommand';
import { scheduleStatus } from './scheduleSubcommands';

/** An admin's `custom ...` subcommand. Names may hold spaces: `:` separates a name from what follows. Pure. */
export type CustomSubcommand =
    | { kind: 'list' }
    | { kind: 'create'; name: string; statusType: string }
    | { kind: 'rename'; name: string; to: string }
    | { kind: 'presence'; name: string; statusType: string }
    | { kind: 'delete'; name: string }
    | { kind: 'console' }
    | { kind: 'usage' };

/** `words` are the arguments after `custom`. */
export function parseCustomSubcommand(words: ReadonlyArray<string>): CustomSubcommand {
    const [verb = '', ...rest] = words;
    const text = rest.join(' ').trim();
    switch (verb.toLowerCase()) {
        case 'list':
        case '':
            return { kind: 'list' };
        case 'create':
        case 'add': {
            const [name, statusType] = splitAtLastColon(text);
            return name ? { kind: 'create', name, statusType: statusType ?? '' } : { kind: 'usage' };
        }
        case 'rename': {
            const [name, to] = splitAtLastColon(text);
            return name && to !== undefined ? { kind: 'rename', name, to } : { kind: 'usage' };
        }
        case 'presence':
        case 'type': {
            const [name, statusType] = splitAtLastColon(text);
            return name && statusType !== undefined ? { kind: 'presence', name, statusType } : { kind: 'usage' };
        }
        case 'console':
        case 'admin':
            return { kind: 'console' };
        case 'delete':
        case 'remove':
            return text ? { kind: 'delete', name: text } : { kind: 'usage' };
        default:
            return { kind: 'usage' };
    }
}

const customT = (ctx: CommandContext): Translator<CustomStatusMessageKey> => translator(CUSTOM_STATUS_MESSAGES, languageOf(ctx.sender));

export async function customStatusListLines(ctx: CommandContext, options: { omitWhenEmpty?: boolean } = {}): Promise<string> {
    const t = customT(ctx);
    const all = await listAllCustomStatuses(ctx.read);
    if (all.length === 0 && options.omitWhenEmpty) {
        return '';
    }
    return [t('cmd_list_title'), ...(all.length ? all.map((s) => `- ${s.name} (${presenceLabel(t, s.statusType)})`) : [t('cmd_list_empty')])].join('\n');
}

/** `/status custom ...`: the admins' management of custom statuses, through the same service as the REST endpoints. */
export async function runCustomSubcommand(ctx: CommandContext, words: ReadonlyArray<string>): Promise<CommandReply> {
    const t = customT(ctx);
    const request = parseCustomSubcommand(words);
    if (request.kind === 'list') {
        return reply(await customStatusListLines(ctx));
    }
    if (request.kind === 'usage') {
        return replyError(t('cmd_usage', { command: ctx.command }));
    }
    const canManage = await canManageUserStatus(ctx.read, ctx.sender);
    if (!canManage) {
        return replyError(t('reason_not_authorized'));
    }
    if (request.kind === 'console') {
        if (!ctx.triggerId) {
            return replyError(t('cmd_usage', { command: ctx.command }));
        }
        const view = adminListView(ctx.app.getID(), languageOf(ctx.sender), await listAllCustomStatuses(ctx.read));
        await ctx.modify.getUiController().openModalView(view, { triggerId: ctx.triggerId }, ctx.sender);
        return reply(t('cmd_list_title'));
    }
    const env = changeEnvOf(ctx);
    const origin = { source: 'command' as const, actor: ctx.sender };
    if (request.kind === 'create') {
        const saved = await saveCustomStatus(env, origin, { name: request.name, statusType: request.statusType }, canManage);
        return saved.ok
            ? reply(t('cmd_created', { name: saved.value.name, presence: presenceLabel(t, saved.value.statusType) }))
            : customStatusError(t, saved.error, { name: request.name, type: request.statusType });
    }
    const existing = await findCustomStatus(ctx.read, request.name);
    if (!existing) {
        return replyError(t('reason_not_found', { name: request.name }));
    }
    switch (request.kind) {
        case 'rename': {
            const saved = await saveCustomStatus(env, origin, { _id: existing._id, name: request.to }, canManage);
            return saved.ok ? reply(t('cmd_renamed', { from: existing.name, to: saved.value.name })) : customStatusError(t, saved.error, { name: request.to });
        }
        case 'presence': {
            const saved = await saveCustomStatus(env, origin, { _id: existing._id, name: existing.name, statusType: request.statusType }, canManage);
            return saved.ok
                ? reply(t('cmd_presence_changed', { name: existing.name, presence: presenceLabel(t, request.statusType) }))
                : customStatusError(t, saved.error, { type: request.statusType });
        }
        case 'delete': {
            const deleted = await deleteCustomStatus(env, origin, existing._id, canManage);
            return deleted.ok ? reply(t('cmd_deleted', { name: existing.name })) : customStatusError(t, deleted.error, { name: request.name });
        }
    }
}

/** A refused change as a reply: a broken rule with the help, a failure that changed nothing without it. */
function customStatusError(t: Translator<CustomStatusMessageKey>, error: AppError, values: { name?: string; type?: string }): CommandReply {
    const text = customStatusReason(t, error, values);
    return error.kind === 'rule' && error.code.startsWith('error-app-') ? { ok: false, text, help: false } : replyError(text);
}

/**
 * `/status <custom name> [duration]`: when the words name a custom status (ignoring case),
 * optionally followed by a duration, the caller takes it. `undefined` when they name none.
 */
export async function chooseCustomStatusByWords(ctx: CommandContext, words: ReadonlyArray<string>): Promise<CommandReply | undefined> {
    if (words.length === 0) {
        return undefined;
    }
    const match = matchCustomStatusWords(words, await listAllCustomStatuses(ctx.read), { now: ctx.now, utcOffset: ctx.sender.utcOffset ?? 0 });
    if (!match) {
        return undefined;
    }
    if ('error' in match) {
        return replyError(ctx.t(match.error, { duration: match.text, span: match.text }));
    }
    const { status } = match;
    const presence = isCustomStatusType(status.statusType) ? status.statusType : undefined;
    if ('start' in match) {
        return scheduleStatus(ctx, { ...(presence ? { status: presence } : {}), message: status.name, start: match.start, end: match.end });
    }
    const { expiresAt } = match;
    const applied = await chooseCustomStatus(changeEnvOf(ctx), ctx.sender, status, { now: ctx.now, expiresAt });
    if (!applied.ok) {
        return errorReply(ctx.t, applied.error);
    }
    const t = customT(ctx);
    const chosen = t('cmd_chosen', { name: status.name, presence: presenceLabel(t, isCustomStatusType(status.statusType) ? status.statusType : '') });
    return reply(expiresAt ? `${chosen}\n${ctx.t('show_until', { until: formatUntil(expiresAt, ctx.sender.utcOffset ?? 0) })}` : chosen);
}
