import { canManageUserStatus } from '../../services/rights';
import { findWorkspaceUser } from '../../services/statusContext';
import { latestAuditLines } from '../../services/reports/auditText';
import { CommandContext, CommandReply, reply, replyError } from '../CommandContext';

/** `audit [@user]` (admins): the last entries of the audit trail, or those concerning one user. */
export async function auditTrail(ctx: CommandContext, username?: string): Promise<CommandReply> {
    const { t, read, sender } = ctx;
    if (!(await canManageUserStatus(read, sender))) {
        return replyError(t('error_forbidden'));
    }
    let userId: string | undefined;
    if (username) {
        const user = await findWorkspaceUser(read, { kind: 'username', username });
        if (!user) {
            return replyError(t('error-invalid-user', { username }));
        }
        userId = user.id;
    }
    const lines = await latestAuditLines(read, sender, userId);
    return reply(lines.length === 0 ? t('audit_empty') : [t('audit_title'), ...lines].join('\n'));
}
