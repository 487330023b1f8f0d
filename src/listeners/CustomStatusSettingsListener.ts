import { IConfigurationModify, IHttp, IModify, IPersistence, IRead } from '@rocket.chat/apps-engine/definition/accessors';
import { IApp } from '@rocket.chat/apps-engine/definition/IApp';
import { IJobContext, IProcessor } from '@rocket.chat/apps-engine/definition/scheduler';
import { ISetting } from '@rocket.chat/apps-engine/definition/settings';
import { ISettingUpdateContext } from '@rocket.chat/apps-engine/definition/settings/ISettingUpdateContext';

import { diffCustomStatusesText, parseCustomStatusesText, SettingsEntry, SettingsOp, splitAtLastColon } from '../core/customStatus/settingsText';
import { customStatusAccess } from '../services/customStatusAccess';
import { CUSTOM_STATUS_MESSAGES } from '../i18n/customStatusMessages';
import { translator } from '../i18n/translate';
import { applySettingsOps, isAppWrittenSettingsText, listAllCustomStatuses } from '../services/CustomStatusService';
import { customStatusReason } from '../services/customStatusText';
import { AppSetting } from '../settings/AppSetting';
import { parseText, serverSettingValue } from '../settings/readSettings';
import { JobId } from '../core/jobIds';

/** The start of a refusal line in every language: an earlier refusal is dropped when the text comes back. */
const REFUSAL_PREFIXES = Object.values(CUSTOM_STATUS_MESSAGES)
    .map((messages) => (messages?.settings_refused ?? '').split('{line}')[0])
    .filter((prefix) => prefix !== '');

function withoutRefusal(text: unknown): string {
    const lines = typeof text === 'string' ? text.split(/\r?\n/) : [];
    return lines.filter((line) => !REFUSAL_PREFIXES.some((prefix) => line.startsWith(prefix))).join('\n');
}

async function workspaceLanguage(read: IRead): Promise<string | undefined> {
    return parseText(await serverSettingValue(read, 'Language'));
}

/**
 * An admin saved the custom statuses on the Apps settings page. Every line is checked first: a
 * line that breaks a rule refuses the whole edit (the previous text comes back, headed by the
 * reason), and nothing changes. A valid edit becomes operations (create, rename, change of
 * presence, delete) applied by a one-time job, as this hook cannot write persistence. The app's
 * own writes of the text (after a change made elsewhere) are not edits.
 */
export async function customStatusPreSettingUpdate(
    context: ISettingUpdateContext,
    configurationModify: IConfigurationModify,
    read: IRead,
): Promise<ISetting | undefined> {
    const { oldSetting, newSetting } = context;
    if (newSetting.id !== AppSetting.CustomStatuses) {
        return undefined;
    }
    if (await isAppWrittenSettingsText(read, newSetting.value)) {
        return newSetting;
    }
    const parsed = parseCustomStatusesText(newSetting.value);
    if (!parsed.ok) {
        const { line, text, error } = parsed.lineError;
        const t = translator(CUSTOM_STATUS_MESSAGES, await workspaceLanguage(read));
        const [name, type] = splitAtLastColon(text);
        const reason = customStatusReason(t, error, { name, type: type ?? '' });
        const previous = withoutRefusal(oldSetting.value ?? oldSetting.packageValue);
        return { ...newSetting, value: [t('settings_refused', { line, text: text.trim(), reason }), previous].filter((part) => part !== '').join('\n') };
    }
    const before = parseCustomStatusesText(oldSetting.value);
    const beforeEntries: SettingsEntry[] = before.ok
        ? before.value
        : (await listAllCustomStatuses(read)).map(({ name, statusType }) => ({ name, statusType: statusType ?? '' }));
    const ops = diffCustomStatusesText(beforeEntries, parsed.value);
    if (ops.length > 0) {
        await configurationModify.scheduler.scheduleOnce({ id: JobId.CustomStatusSync, when: new Date(), data: { ops } });
    }
    return newSetting;
}

function isOps(value: unknown): value is SettingsOp[] {
    return Array.isArray(value) && value.every((op) => op && typeof op === 'object' && typeof (op as SettingsOp).kind === 'string');
}

/** Applies an admin's edit of the settings text, then writes the text back from the records. */
export function customStatusSyncProcessor(app: IApp): IProcessor {
    return {
        id: JobId.CustomStatusSync,
        processor: async (context: IJobContext, read: IRead, _modify: IModify, _http: IHttp, persistence: IPersistence): Promise<void> => {
            const ops = (context as { ops?: unknown }).ops;
            if (!isOps(ops)) {
                app.getLogger().warn('custom statuses: a settings sync job without operations');
                return;
            }
            const results = await applySettingsOps(customStatusAccess(app, read, persistence, { source: 'settings' }), ops);
            for (const { op, result } of results) {
                if (!result.ok) {
                    app.getLogger().warn(`custom statuses: the settings edit ${JSON.stringify(op)} could not be applied`, result.error);
                }
            }
        },
    };
}
