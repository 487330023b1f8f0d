import { decideSetStatus, SetStatusBody } from '../../core/status/setStatusRequest';
import { UserPresence } from '../../core/status/presets';
import { setUserStatus } from '../../services/setUserStatus';
import { readStatusSettings, toStatusUser } from '../../services/statusContext';
import { CommandContext, CommandReply, errorLine, formatUntil, reply, replyError, statusLabel } from '../CommandContext';

export interface SetRequest {
    status?: UserPresence;
    message?: string;
    expiresAt?: Date;
}

/**
 * Sets the caller's own status through the same rules as users.setStatus (decideSetStatus) and the
 * same writer (setUserStatus). Unlike the REST endpoint, a refused request changes nothing at all.
 */
export async function setStatus(ctx: CommandContext, request: SetRequest): Promise<CommandReply> {
    const { t, read, modify, persistence, sender } = ctx;
    const settings = await readStatusSettings(read);
    const body: SetStatusBody = {
        status: request.status,
        message: request.message ?? (request.status ? undefined : ''),
        expiresAt: request.expiresAt?.toISOString(),
    };
    const decision = await decideSetStatus(body, { caller: toStatusUser(sender), ...settings, now: ctx.now }, async () => undefined);
    if (decision.error) {
        return replyError(errorLine(t, decision.error));
    }
    const change = decision.change ?? {};
    const applied = await setUserStatus(read, modify, persistence, { user: sender, ...change });
    if (!applied.ok) {
        return replyError(errorLine(t, applied.error));
    }
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
