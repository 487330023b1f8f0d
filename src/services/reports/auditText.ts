import { IRead } from '@rocket.chat/apps-engine/definition/accessors';
import { IUser } from '@rocket.chat/apps-engine/definition/users';

import { AuditEntry, newestFirst } from '../../core/audit/AuditEntry';
import { CUSTOM_STATUS_MESSAGES } from '../../i18n/customStatusMessages';
import { STATUS_MESSAGES, StatusMessageKey } from '../../i18n/statusMessages';
import { languageOf, translator, Translator } from '../../i18n/translate';
import { AuditRepository } from '../../storage/AuditRepository';
import { RecordStore } from '../../storage/records';
import { describeStatus, formatUntil } from '../../i18n/format';
import { presenceLabel } from '../customStatusText';

/** What an entry says happened, in the reader's language (without who, when and from where). */
export function auditWhat(t: Translator<StatusMessageKey>, language: string | undefined, entry: AuditEntry): string {
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
            // an admin's switch, the app's cap, or Rocket.Chat's own stop taken over
            what =
                details.reason === 'admin'
                    ? t('audit_presence_off_admin')
                    : details.reason === 'server'
                      ? t('audit_presence_off_server', { count: String(details.count ?? '') })
                      : t('audit_presence_off', { count: String(details.count ?? ''), cap: String(details.cap ?? '') });
            break;
        case 'presence.on':
            what = t('audit_presence_on');
            break;
        default:
            // an entry written by a newer version of the app
            what = t('audit_unknown', { action: String((entry as { action: unknown }).action) });
    }
    return what;
}

/** Where an entry's change came from, in the reader's language. */
export const auditSourceText = (t: Translator<StatusMessageKey>, entry: AuditEntry): string => t(`audit_source_${entry.source}` as StatusMessageKey);

/** Who made an entry's change: a user, an admin saving the settings page (apps are not told who), or the app itself. */
export const auditActorText = (t: Translator<StatusMessageKey>, entry: AuditEntry): string =>
    entry.actor ? `@${entry.actor.username ?? entry.actor._id}` : entry.source === 'settings' ? t('audit_an_admin') : t('audit_app');

/** One entry as a line in the reader's language and time zone. */
export function auditLine(t: Translator<StatusMessageKey>, language: string | undefined, entry: AuditEntry, utcOffset: number): string {
    return t('audit_line', {
        when: formatUntil(new Date(entry.ts), utcOffset),
        who: auditActorText(t, entry),
        what: auditWhat(t, language, entry),
        source: auditSourceText(t, entry),
    });
}

/** Entries as `status.audit` answers them: each with its words in the reader's language (`actorText`, `text`, `sourceText`). */
export function withAuditText(
    entries: ReadonlyArray<AuditEntry>,
    language: string | undefined,
): Array<AuditEntry & { actorText: string; text: string; sourceText: string }> {
    const t = translator(STATUS_MESSAGES, language);
    return entries.map((entry) => ({
        ...entry,
        actorText: auditActorText(t, entry),
        text: auditWhat(t, language, entry),
        sourceText: auditSourceText(t, entry),
    }));
}

/** The audit trail's latest entries shown to a reader (the command and the console show 20). */
export const AUDIT_LINES_SHOWN = 20;

/** The latest entries (all, or those concerning one user) as lines in the reader's language and time zone. */
export async function latestAuditLines(read: IRead, reader: { utcOffset?: number; settings?: IUser['settings'] }, userId?: string): Promise<string[]> {
    const language = languageOf(reader);
    const t = translator(STATUS_MESSAGES, language);
    const entries = newestFirst(await new AuditRepository(new RecordStore(read.getPersistenceReader())).list(userId)).slice(0, AUDIT_LINES_SHOWN);
    return entries.map((entry) => auditLine(t, language, entry, reader.utcOffset ?? 0));
}
