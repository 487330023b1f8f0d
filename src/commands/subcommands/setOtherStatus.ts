import { UserPresence } from '../../core/status/presets';
import { decideSetStatus } from '../../core/status/setStatusRequest';
import { recordAudit } from '../../services/audit';
import { rolesFor } from '../../services/rights';
import { setUserStatus } from '../../services/setUserStatus';
import { findWorkspaceUser, toStatusUser, workspaceFlag } from '../../services/statusContext';
import { AppSetting } from '../../settings/AppSetting';
import { WorkspaceSetting } from '../../settings/WorkspaceSetting';
import { CommandContext, CommandReply, reply, replyError } from '../CommandContext';
import { describeStatus, errorLine, formatUntil } from '../../i18n/format';

/**
 * `set @user <status> [duration] [message]`: someone else's status, with the same rules as
 * users.setStatus naming another user (the role in `roles_edit_other_user_status`), and an
 * entry in the audit trail.
 */
export async function setOtherStatus(
    ctx: CommandContext,
    request: { username: string; status: UserPresence; message?: string; expiresAt?: Date },
): Promise<CommandReply> {
    const { t, read, sender } = ctx;
    const body = {
        username: request.username,
        status: request.status,
        ...(request.message !== undefined ? { message: request.message } : {}),
        ...(request.expiresAt ? { expiresAt: request.expiresAt.toISOString() } : {}),
    };
    const [allowStatusMessageChange, allowInvisibleStatus, editOtherUserStatusRoles, other] = await Promise.all([
        workspaceFlag(read, WorkspaceSetting.AllowUserStatusMessageChange),
        request.status === 'offline' ? workspaceFlag(read, WorkspaceSetting.AllowInvisibleStatusOption) : true,
        rolesFor(read, AppSetting.RolesEditOtherUserStatus),
        findWorkspaceUser(read, { kind: 'username', username: request.username }),
    ]);
    const decision = decideSetStatus(
        body,
        { caller: toStatusUser(sender), allowStatusMessageChange, allowInvisibleStatus, editOtherUserStatusRoles, now: ctx.now },
        other && toStatusUser(other),
    );
    if (!decision.ok) {
        return replyError(errorLine(t, decision.error, { username: request.username }));
    }
    const target = other ?? sender;
    const applied = await setUserStatus(read, ctx.modify, ctx.persistence, { user: target, ...decision.change });
    if (!applied.ok) {
        return replyError(errorLine(t, applied.error));
    }
    const { status, message, expiresAt } = applied.value;
    await recordAudit(
        { read, persis: ctx.persistence, logger: ctx.app.getLogger() },
        { source: 'command', actor: sender },
        'user-status.set',
        { ...(status ? { status } : {}), ...(message !== undefined ? { message } : {}), ...(expiresAt ? { expiresAt: expiresAt.toISOString() } : {}) },
        target,
    );
    // what the user now shows: a message kept as it was is part of it too
    const label = describeStatus(t, status ?? target.status, message ?? target.statusText);
    return reply(
        expiresAt
            ? t('set_other_done_until', { username: target.username, status: label, until: formatUntil(expiresAt, sender.utcOffset ?? 0) })
            : t('set_other_done', { username: target.username, status: label }),
    );
}
