import { isCustomStatusType } from '../../core/customStatus/CustomUserStatus';
import { CUSTOM_STATUS_MESSAGES, CustomStatusMessageKey } from '../../i18n/customStatusMessages';
import { translator, Translator } from '../../i18n/translate';
import {
    canManageCustomStatuses,
    chooseCustomStatus,
    deleteCustomStatus,
    findCustomStatus,
    listAllCustomStatuses,
    saveCustomStatus,
    SettingsTextWriter,
} from '../../services/CustomStatusService';
import { customStatusReason, presenceLabel } from '../../services/customStatusText';
import { adminListView } from '../../ui/CustomStatusAdminView';
import { CommandContext, CommandReply, errorLine, reply, replyError } from '../CommandContext';

/** An admin's `custom ...` subcommand. Names may hold spaces: `:` separates a name from what follows. Pure. */
export type CustomSubcommand =
    | { kind: 'list' }
    | { kind: 'create'; name: string; statusType: string }
    | { kind: 'rename'; name: string; to: string }
    | { kind: 'presence'; name: string; statusType: string }
    | { kind: 'delete'; name: string }
    | { kind: 'console' }
    | { kind: 'usage' };

function splitAtColon(text: string): [string, string | undefined] {
    const colon = text.lastIndexOf(':');
    return colon < 0 ? [text.trim(), undefined] : [text.slice(0, colon).trim(), text.slice(colon + 1).trim()];
}

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
            const [name, statusType] = splitAtColon(text);
            return name ? { kind: 'create', name, statusType: statusType ?? '' } : { kind: 'usage' };
        }
        case 'rename': {
            const [name, to] = splitAtColon(text);
            return name && to !== undefined ? { kind: 'rename', name, to } : { kind: 'usage' };
        }
        case 'presence':
        case 'type': {
            const [name, statusType] = splitAtColon(text);
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

export interface CustomCommandOptions {
    writeSettingsText?: SettingsTextWriter;
    /** to open the console view */
    appId?: string;
}

const customT = (ctx: CommandContext): Translator<CustomStatusMessageKey> => translator(CUSTOM_STATUS_MESSAGES, ctx.sender.settings?.preferences?.language);

export async function customStatusListLines(ctx: CommandContext, options: { omitWhenEmpty?: boolean } = {}): Promise<string> {
    const t = customT(ctx);
    const all = await listAllCustomStatuses(ctx.read);
    if (all.length === 0 && options.omitWhenEmpty) {
        return '';
    }
    return [t('cmd_list_title'), ...(all.length ? all.map((s) => `- ${s.name} (${presenceLabel(t, s.statusType)})`) : [t('cmd_list_empty')])].join('\n');
}

/** `/status custom ...`: the admins' management of custom statuses, through the same service as the REST endpoints. */
export async function runCustomSubcommand(ctx: CommandContext, words: ReadonlyArray<string>, options: CustomCommandOptions = {}): Promise<CommandReply> {
    const t = customT(ctx);
    const request = parseCustomSubcommand(words);
    if (request.kind === 'list') {
        return reply(await customStatusListLines(ctx));
    }
    if (request.kind === 'usage') {
        return replyError(t('cmd_usage', { command: ctx.command }));
    }
    const canManage = await canManageCustomStatuses(ctx.read, ctx.sender);
    if (!canManage) {
        return replyError(t('reason_not_authorized'));
    }
    if (request.kind === 'console') {
        if (!ctx.triggerId || !options.appId) {
            return replyError(t('cmd_usage', { command: ctx.command }));
        }
        const view = adminListView(options.appId, ctx.sender.settings?.preferences?.language, await listAllCustomStatuses(ctx.read));
        await ctx.modify.getUiController().openModalView(view, { triggerId: ctx.triggerId }, ctx.sender);
        return reply(t('cmd_list_title'));
    }
    const access = { read: ctx.read, persistence: ctx.persistence, writeSettingsText: options.writeSettingsText };
    if (request.kind === 'create') {
        const saved = await saveCustomStatus(access, { name: request.name, statusType: request.statusType }, canManage);
        return saved.ok
            ? reply(t('cmd_created', { name: saved.value.name, presence: presenceLabel(t, saved.value.statusType) }))
            : replyError(customStatusReason(t, saved.error, { name: request.name, type: request.statusType }));
    }
    const existing = await findCustomStatus(ctx.read, request.name);
    if (!existing) {
        return replyError(t('reason_not_found', { name: request.name }));
    }
    switch (request.kind) {
        case 'rename': {
            const saved = await saveCustomStatus(access, { _id: existing._id, name: request.to }, canManage);
            return saved.ok
                ? reply(t('cmd_renamed', { from: existing.name, to: saved.value.name }))
                : replyError(customStatusReason(t, saved.error, { name: request.to }));
        }
        case 'presence': {
            const saved = await saveCustomStatus(access, { _id: existing._id, name: existing.name, statusType: request.statusType }, canManage);
            return saved.ok
                ? reply(t('cmd_presence_changed', { name: existing.name, presence: presenceLabel(t, request.statusType) }))
                : replyError(customStatusReason(t, saved.error, { type: request.statusType }));
        }
        case 'delete': {
            const deleted = await deleteCustomStatus(access, existing._id, canManage);
            return deleted.ok ? reply(t('cmd_deleted', { name: existing.name })) : replyError(customStatusReason(t, deleted.error, { name: request.name }));
        }
    }
}

/**
 * `/status <custom name>`: when the whole text names a custom status (case-insensitive), the
 * caller takes it. `undefined` when it names none, so the other subcommands go on.
 */
export async function chooseCustomStatusByName(ctx: CommandContext, words: ReadonlyArray<string>): Promise<CommandReply | undefined> {
    const text = words.join(' ').trim();
    if (text === '') {
        return undefined;
    }
    const all = await listAllCustomStatuses(ctx.read);
    const status = all.find((s) => s.name.trim().toLowerCase() === text.toLowerCase());
    if (!status) {
        return undefined;
    }
    const applied = await chooseCustomStatus(ctx.read, ctx.modify, ctx.persistence, ctx.sender, status, { now: ctx.now });
    if (!applied.ok) {
        return replyError(errorLine(ctx.t, applied.error));
    }
    const t = customT(ctx);
    return reply(t('cmd_chosen', { name: status.name, presence: presenceLabel(t, isCustomStatusType(status.statusType) ? status.statusType : '') }));
}
