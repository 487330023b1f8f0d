import { UserPresence } from '../../core/status/presets';
import { applyOwnStatus } from '../../services/applyOwnStatus';
import { changeEnvOf, CommandContext, CommandReply, reply, errorReply } from '../CommandContext';
import { formatUntil, statusLabel } from '../../i18n/format';

export interface SetRequest {
    status?: UserPresence;
    message?: string;
    expiresAt?: Date;
}

/** Sets the caller's own status through the one path shared with the picker (applyOwnStatus). */
export async function setStatus(ctx: CommandContext, request: SetRequest): Promise<CommandReply> {
    const { t, sender } = ctx;
    const message = request.message ?? (request.status ? undefined : '');
    const applied = await applyOwnStatus(changeEnvOf(ctx), sender, { status: request.status, message, expiresAt: request.expiresAt }, ctx.now);
    if (!applied.ok) {
        return errorReply(t, applied.error);
    }
    const change = applied.value;
    const lines: string[] = [];
    if (change.status) {
        const status = statusLabel(t, change.status);
        lines.push(change.expiresAt ? t('set_done_until', { status, until: formatUntil(change.expiresAt, sender.utcOffset ?? 0) }) : t('set_done', { status }));
    }
    if (change.message !== undefined && (change.message !== '' || !change.status)) {
        lines.push(change.message === '' ? t('message_cleared') : t('message_done', { message: change.message }));
    }
    return reply(lines.join('\n'));
}

/** `clear`: back to Online with no message; cancels a pending expiry. */
export async function clearStatus(ctx: CommandContext): Promise<CommandReply> {
    const result = await setStatus(ctx, { status: 'online', message: '' });
    return result.ok ? reply(ctx.t('clear_done')) : result;
}
