import { DISABLED_STATUS } from '../../core/status/presets';
import { isPresenceOff } from '../../services/presence/presenceSwitch';
import { findWorkspaceUser } from '../../services/statusContext';
import { RecordStore } from '../../storage/records';
import { StatusExpiryRepository } from '../../storage/StatusExpiryRepository';
import { CommandContext, CommandReply, reply, replyError } from '../CommandContext';
import { formatUntil, statusLabel } from '../../i18n/format';

/** `show [@user]`: one's own status, message and expiry, or someone else's status and message. */
export async function showStatus(ctx: CommandContext, username?: string): Promise<CommandReply> {
    const { t, read, sender } = ctx;
    const isSelf = !username || username.toLowerCase() === (sender.username ?? '').toLowerCase();
    const [user, off] = await Promise.all([
        isSelf ? findWorkspaceUser(read, { kind: 'userId', userId: sender.id }) : findWorkspaceUser(read, { kind: 'username', username: username as string }),
        isPresenceOff(ctx),
    ]);
    if (!user) {
        return replyError(t('error-invalid-user', { username: username ?? sender.username }));
    }
    const status = off ? DISABLED_STATUS : user.status || 'offline';
    const lines = [isSelf ? t('show_self', { status: statusLabel(t, status) }) : t('show_other', { username: user.username, status: statusLabel(t, status) })];
    if (user.statusText) {
        lines.push(t('show_message', { message: user.statusText }));
    }
    const pending = await new StatusExpiryRepository(new RecordStore(read.getPersistenceReader())).find(user.id);
    if (pending) {
        lines.push(t('show_until', { until: formatUntil(new Date(pending.expiresAt), sender.utcOffset ?? 0) }));
    }
    return reply(lines.join('\n'));
}
