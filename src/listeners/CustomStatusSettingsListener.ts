import { IConfigurationModify, IHttp, IModify, IPersistence, IRead } from '@rocket.chat/apps-engine/definition/accessors';
import { IJobContext, IProcessor } from '@rocket.chat/apps-engine/definition/scheduler';
import { ISetting } from '@rocket.chat/apps-engine/definition/settings';
import { ISettingUpdateContext } from '@rocket.chat/apps-engine/definition/settings/ISettingUpdateContext';

import { ok, Result } from '../core/AppError';
import { FollowUp, Step } from '../core/change/Change';
import { Subject } from '../core/change/subjects';
import { planSettingsEdit } from '../core/customStatus/settingsEdit';
import { diffCustomStatusesText, parseCustomStatusesText, serializeCustomStatuses, SettingsEntry, splitAtLastColon } from '../core/customStatus/settingsText';
import { JobId } from '../core/jobIds';
import { CUSTOM_STATUS_MESSAGES } from '../i18n/customStatusMessages';
import { translator } from '../i18n/translate';
import { auditStep, ChangeOrigin } from '../services/audit';
import { ChangeApp, ChangeEnv, storeOfEnv } from '../services/change/ChangeEnv';
import { runChange } from '../services/change/runChange';
import { createSteps, deleteSteps, newStoredStatus, nextVersion, updateSteps } from '../services/CustomStatusService';
import { customStatusReason } from '../services/customStatusText';
import { describeError } from '../services/presence/PresenceApp';
import { editTakenStep, isKnownValue, knownValues, mirrorInFlight, sameValue } from '../services/settingsMirror';
import { AppSetting } from '../settings/AppSetting';
import { appSettingValue, parseText, serverSettingValue } from '../settings/readSettings';
import { CustomStatusRepository, StoredCustomStatus, toCustomUserStatus } from '../storage/CustomStatusRepository';
import { RecordStore } from '../storage/records';
import { SettingJournalRepository } from '../storage/SettingJournalRepository';

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

/** The refusal line for a line of the text, in the workspace's language. */
async function refusalLine(read: IRead, line: number, text: string, error: Parameters<typeof customStatusReason>[1]): Promise<string> {
    const t = translator(CUSTOM_STATUS_MESSAGES, await workspaceLanguage(read));
    const [name, type] = splitAtLastColon(text);
    return t('settings_refused', { line, text: text.trim(), reason: customStatusReason(t, error, { name, type: type ?? '' }) });
}

/**
 * An admin saves the custom statuses on the Apps settings page: the text is checked first. A value
 * that is not text keeps the previous one; a line that breaks a rule refuses the whole edit (the
 * previous text comes back, headed by the reason). A valid text is stored, and applied afterwards
 * by the sync job (this hook cannot write persistence), with the text it replaces: what the admin
 * saw, so that an edit never removes a status they did not see.
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
    if (typeof newSetting.value !== 'string') {
        return oldSetting;
    }
    const parsed = parseCustomStatusesText(withoutRefusal(newSetting.value));
    if (parsed.ok) {
        // the app's own write (every instance's hook sees it) is no edit: no job for it
        const journals = new SettingJournalRepository(new RecordStore(read.getPersistenceReader()));
        const [journal, edits] = await Promise.all([journals.get(newSetting.id), journals.edits(newSetting.id)]);
        // the app's own latest write, or an edit taken in already (each instance's hook sees every value): no job for it;
        // an older value of the app's is looked at by the job (it may be an admin's revert: the page is put right)
        const latest = journal ? [journal.landed, ...(journal.written ?? []).slice(-1), ...(edits?.taken ?? []).slice(-1)] : [];
        if (isKnownValue(newSetting.value, latest)) {
            return newSetting;
        }
        await configurationModify.scheduler.scheduleOnce({
            id: JobId.CustomStatusSync,
            when: new Date(),
            data: { setting: newSetting.id, value: newSetting.value, before: oldSetting.value ?? oldSetting.packageValue },
        });
        return newSetting;
    }
    const { line, text, error } = parsed.lineError;
    const previous = withoutRefusal(oldSetting.value ?? oldSetting.packageValue);
    return { ...newSetting, value: [await refusalLine(read, line, text, error), previous].filter((part) => part !== '').join('\n') };
}

export type SettingsEditOutcome = 'applied' | 'refused' | 'none' | 'deferred';

const SETTINGS_ORIGIN: ChangeOrigin = { source: 'settings' };

function editSteps(edits: Array<{ before?: StoredCustomStatus; after?: StoredCustomStatus }>): Step[] {
    const steps: Step[] = [];
    for (const { before, after } of edits) {
        if (before && after) {
            steps.push(...updateSteps([before], after));
            steps.push(
                auditStep(SETTINGS_ORIGIN, 'custom-user-status.update', {
                    ...details(after),
                    previous: { name: before.name, statusType: before.statusType ?? null },
                }),
            );
        } else if (after) {
            steps.push(...createSteps(after), auditStep(SETTINGS_ORIGIN, 'custom-user-status.create', details(after)));
        } else if (before) {
            steps.push(...deleteSteps([before]), auditStep(SETTINGS_ORIGIN, 'custom-user-status.delete', details(before)));
        }
    }
    return steps;
}

const details = (record: StoredCustomStatus) => {
    const shown = toCustomUserStatus(record);
    return { _id: shown._id, name: shown.name, statusType: shown.statusType };
};

/**
 * Applies what an admin changed on the settings page, as one change for the whole edit (every
 * instance runs this job; the first applies, the others find it done): the difference between
 * the text the admin saw (`seen`; else the app's own last text, the setting's journal) and the text
 * stored (`raw`), applied to the records,
 * each change audited; then the page gets the records' text back. An edit a rule refuses changes
 * no record, and the page shows the records' text headed by the reason. While a write of the app
 * is on its way, nothing is decided: that write looks again when it has landed.
 */
export async function applySettingsEdit(env: ChangeEnv, raw: unknown, seen?: unknown): Promise<SettingsEditOutcome> {
    const store = storeOfEnv(env);
    const records = new CustomStatusRepository(store);
    const journals = new SettingJournalRepository(store);
    const outcome = await runChange<Result<SettingsEditOutcome>>(env, {
        kind: 'custom-status-settings-edit',
        subjects: [Subject.customStatuses],
        plan: async () => {
            const [inFlight, journal, edits, stored] = await Promise.all([
                mirrorInFlight(store, AppSetting.CustomStatuses),
                journals.get(AppSetting.CustomStatuses),
                journals.edits(AppSetting.CustomStatuses),
                records.all(),
            ]);
            if (inFlight) {
                return { refuse: ok('deferred') };
            }
            const landed = journal ? journal.landed : serializeCustomStatuses(stored);
            if (typeof raw !== 'string' || sameValue(raw, landed)) {
                return { refuse: ok('none') };
            }
            // the app's own older write, or a text taken in already (a hook sees each value on every instance): no edit;
            // but should the page still show it while the records say otherwise, it is put right
            if (isKnownValue(raw, knownValues(AppSetting.CustomStatuses, journal, edits))) {
                const shows = await appSettingValue(env.read, AppSetting.CustomStatuses);
                return sameValue(shows, raw) && !sameValue(raw, serializeCustomStatuses(stored))
                    ? { steps: [], followUps: [{ t: 'mirror', setting: AppSetting.CustomStatuses }], answer: ok<SettingsEditOutcome>('none') }
                    : { refuse: ok('none') };
            }
            const taken = editTakenStep(AppSetting.CustomStatuses, raw, edits);
            const wanted = parseCustomStatusesText(withoutRefusal(raw));
            // the difference from what the admin saw; else from the app's last write
            const seenText = typeof seen === 'string' ? parseCustomStatusesText(withoutRefusal(seen)) : undefined;
            const before = seenText?.ok ? seenText : parseCustomStatusesText(withoutRefusal(landed));
            const refuse = async (line: number, text: string, error: Parameters<typeof customStatusReason>[1]) => {
                const note = await refusalLine(env.read, line, text, error);
                const followUps: FollowUp[] = [{ t: 'mirror', setting: AppSetting.CustomStatuses, note }];
                return { steps: [taken], followUps, answer: ok<SettingsEditOutcome>('refused') };
            };
            if (!wanted.ok) {
                return refuse(wanted.lineError.line, wanted.lineError.text, wanted.lineError.error);
            }
            const from: SettingsEntry[] = before.ok ? before.value : stored.map(({ name, statusType }) => ({ name, statusType: statusType ?? '' }));
            const now = new Date();
            const plan = planSettingsEdit(stored, diffCustomStatusesText(from, wanted.value), {
                create: (fields) => newStoredStatus(fields, now),
                update: (current, fields) => nextVersion(current, fields, now),
            });
            if (!plan.ok) {
                const lines = withoutRefusal(raw).split(/\r?\n/);
                const index = lines.findIndex((line) => splitAtLastColon(line)[0] === plan.name);
                return refuse(index + 1, lines[index] ?? plan.name, plan.error);
            }
            const steps = editSteps(plan.edits);
            return {
                steps: [...steps, taken],
                followUps: [{ t: 'mirror', setting: AppSetting.CustomStatuses }],
                answer: ok<SettingsEditOutcome>(steps.length > 0 ? 'applied' : 'none'),
            };
        },
    });
    if (outcome.kind === 'done' || outcome.kind === 'refused') {
        return outcome.answer.ok ? outcome.answer.value : 'refused';
    }
    throw new Error(
        outcome.kind === 'busy' ? 'another change of the custom statuses stayed under way' : 'the edit could not be applied; nothing of it was kept',
    );
}

const RETRY_MS = 30_000;
const MAX_ATTEMPTS = 5;

/**
 * The job behind the hook: an admin's edit of the text applied, on whichever instance runs it. An
 * edit that could not be applied (nothing of it was kept) is tried again a little later, a few times.
 */
export function customStatusSyncProcessor(app: ChangeApp): IProcessor {
    return {
        id: JobId.CustomStatusSync,
        processor: async (context: IJobContext, read: IRead, modify: IModify, http: IHttp, persis: IPersistence): Promise<void> => {
            const attempt = typeof context.attempt === 'number' ? context.attempt : 1;
            // jobs armed before the value rode along: the value as this instance has it
            const value = 'value' in context ? context.value : await appSettingValue(read, AppSetting.CustomStatuses);
            try {
                if ((await applySettingsEdit({ app, read, modify, http, persis }, value, context.before)) === 'refused') {
                    app.getLogger().warn('custom statuses: an edit of the settings page was refused; the page says why');
                }
            } catch (error) {
                const again = attempt < MAX_ATTEMPTS;
                app.getLogger().error(`custom statuses: applying the settings page failed${again ? ', trying again shortly' : ''}: ${describeError(error)}`);
                if (again) {
                    await modify
                        .getScheduler()
                        .scheduleOnce({
                            id: JobId.CustomStatusSync,
                            when: new Date(Date.now() + RETRY_MS),
                            data: { setting: AppSetting.CustomStatuses, value, before: context.before, attempt: attempt + 1 },
                        })
                        .catch((scheduleError: unknown) => app.getLogger().error(`custom statuses: could not arm the retry: ${describeError(scheduleError)}`));
                }
            }
        },
    };
}
