import { UserPresence } from '../../core/status/presets';
import { decideSetStatus } from '../../core/status/setStatusRequest';
import { rolesFor } from '../../services/rights';
import { setUserStatus } from '../../services/setUserStatus';
import { findWorkspaceUser, toStatusUser, workspaceFlag } from '../../services/statusContext';
import { AppSetting } from '../../settings/AppSetting';
import { WorkspaceSetting } from '../../settings/WorkspaceSetting';
import { changeEnvOf, CommandContext, CommandReply, reply, errorReply } from '../CommandContext';
import { describeStatus, formatUntil } from '../../i18n/format';

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
        return errorReply(t, decision.error, { username: request.username });
    }
    const target = other ?? sender;
    // one's own status named by username is one's own choice: a recent status, not an audited one
    const self = target.id === sender.id;
    const applied = await setUserStatus(
        changeEnvOf(ctx),
        { user: target, ...decision.change },
        self ? { recent: { mode: 'add' } } : { audit: { source: 'command', actor: sender } },
    );
    if (!applied.ok) {
        return errorReply(t, applied.error);
    }
    const { status, message, expiresAt } = applied.value;
    // what the user now shows: a message kept as it was is part of it too
    const label = describeStatus(t, status ?? target.status, message ?? target.statusText);
    return reply(
        expiresAt
            ? t('set_other_done_until', { username: target.username, status: label, until: formatUntil(expiresAt, sender.utcOffset ?? 0) })
            : t('set_other_done', { username: target.username, status: label }),
    );
}
