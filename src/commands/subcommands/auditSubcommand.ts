import { AuditEntry, pageAudit } from '../../core/audit/AuditEntry';
import { CUSTOM_STATUS_MESSAGES } from '../../i18n/customStatusMessages';
import { StatusMessageKey } from '../../i18n/statusMessages';
import { languageOf, translator, Translator } from '../../i18n/translate';
import { presenceLabel } from '../../services/customStatusText';
import { canManageUserStatus } from '../../services/rights';
import { findWorkspaceUser } from '../../services/statusContext';
import { AuditRepository } from '../../storage/AuditRepository';
import { RecordStore } from '../../storage/records';
import { CommandContext, CommandReply, describeStatus, formatUntil, reply, replyError } from '../CommandContext';

const SHOWN = 20;

/** One entry as a line in the reader's language and time zone. */
export function auditLine(t: Translator<StatusMessageKey>, language: string | undefined, entry: AuditEntry, utcOffset: number): string {
    const ct = translator(CUSTOM_STATUS_MESSAGES, language);
    const details = entry.details as Record<string, unknown>;
    const text = (key: string) => (typeof details[key] === 'string' ? (details[key] as string) : '');
    const previous = (details.previous ?? {}) as Record<string, unknown>;
    let what: string;
    switch (entry.action) {
        case 'user-status.set':
            what = t('audit_status_set', {
                target: entry.target?.username ?? entry.target?._id ?? '',
                status: describeStatus(t, text('status') || undefined, text('message')),
            });
            break;
        case 'custom-user-status.create':
            what = t('audit_custom_create', { name: text('name'), presence: presenceLabel(ct, text('statusType')) });
            break;
        case 'custom-user-status.update':
            what = t('audit_custom_update', { previous: String(previous.name ?? ''), name: text('name'), presence: presenceLabel(ct, text('statusType')) });
            break;
        case 'custom-user-status.delete':
            what = t('audit_custom_delete', { name: text('name') });
            break;
        case 'presence.off':
            what = t('audit_presence_off', { count: String(details.count ?? ''), cap: String(details.cap ?? '') });
            break;
        case 'presence.on':
            what = t('audit_presence_on');
            break;
    }
    const who = entry.actor ? `@${entry.actor.username ?? entry.actor._id}` : t('audit_app');
    return t('audit_line', { when: formatUntil(new Date(entry.ts), utcOffset), who, what, source: t(`audit_source_${entry.source}` as StatusMessageKey) });
}

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
    const entries = pageAudit(await new AuditRepository(new RecordStore(read.getPersistenceReader())).list(userId), 0, SHOWN);
    if (entries.length === 0) {
        return reply(t('audit_empty'));
    }
    const language = languageOf(sender);
    return reply([t('audit_title'), ...entries.map((entry) => auditLine(t, language, entry, sender.utcOffset ?? 0))].join('\n'));
}
