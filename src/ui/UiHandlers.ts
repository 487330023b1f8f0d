import { IHttp, IModify, IPersistence, IRead } from '@rocket.chat/apps-engine/definition/accessors';
import { IApp } from '@rocket.chat/apps-engine/definition/IApp';
import {
    IUIKitResponse,
    UIKitActionButtonInteractionContext,
    UIKitBlockInteractionContext,
    UIKitViewSubmitInteractionContext,
} from '@rocket.chat/apps-engine/definition/uikit';
import { IUser } from '@rocket.chat/apps-engine/definition/users';

import { parseDuration } from '../core/status/duration';
import { fail } from '../core/AppError';
import { CUSTOM_STATUS_MESSAGES } from '../i18n/customStatusMessages';
import { STATUS_MESSAGES } from '../i18n/statusMessages';
import { languageOf, translator } from '../i18n/translate';
import { UI_MESSAGES } from '../i18n/uiMessages';
import { errorLine } from '../i18n/format';
import { noteAdmin } from '../services/presence/admins';
import { takeInactiveNotice } from '../services/presence/notices';
import { canManageUserStatus } from '../services/rights';
import { RecordStore } from '../storage/records';
import { applyOwnStatus } from '../services/applyOwnStatus';
import { ChangeEnv } from '../services/change/ChangeEnv';
import { readRecentStatuses } from '../services/recentStatuses';
import { scheduleOwnStatus } from '../services/scheduledStatus';
import { CustomStatusErrors, CustomUserStatus } from '../core/customStatus/CustomUserStatus';
import { isUserPresence, UserPresence } from '../core/status/presets';
import { chooseCustomStatus, deleteCustomStatus, findCustomStatus, listAllCustomStatuses, saveCustomStatus } from '../services/CustomStatusService';
import { customStatusReason } from '../services/customStatusText';
import { latestAuditLines } from '../services/reports/auditText';
import { presenceReport } from '../services/reports/presenceReport';
import { CustomStatusRepository, toCustomUserStatus } from '../storage/CustomStatusRepository';
import { adminFormView, adminListView, CustomStatusAdminId, NEW_RECORD, readAdminForm } from './CustomStatusAdminView';
import { auditReportView, presenceReportView } from './AdminReportViews';
import { readPickerSpan } from './pickerSchedule';
import { readPickerState, StatusPickerId, statusPickerView } from './StatusPickerView';

const SPAN_ERROR_KEYS = { past: 'error_past_span', order: 'error_span_order', 'too-far': 'error_span_too_far' } as const;

export async function openStatusPicker(app: IApp, read: IRead, persistence: IPersistence, user: IUser) {
    const [customs, notice, recent] = await Promise.all([
        listAllCustomStatuses(read),
        takeInactiveNotice({ app, read, persis: persistence }, user),
        readRecentStatuses(read, user.id),
    ]);
    return statusPickerView(app.getID(), languageOf(user), customs, { status: user.status, statusText: user.statusText }, notice, recent);
}

export async function openAdminConsole(app: IApp, read: IRead, user: IUser) {
    return adminListView(app.getID(), languageOf(user), await listAllCustomStatuses(read));
}

/** The user dropdown's "Set status" and the admins' "Custom statuses" buttons. */
export async function handleActionButton(
    app: IApp,
    context: UIKitActionButtonInteractionContext,
    read: IRead,
    persistence: IPersistence,
): Promise<IUIKitResponse> {
    const { actionId, user } = context.getInteractionData();
    const responder = context.getInteractionResponder();
    await noteAdmin({ read, persis: persistence }, user);
    if (actionId === StatusPickerId.OpenButton) {
        return responder.openModalViewResponse(await openStatusPicker(app, read, persistence, user));
    }
    if (actionId === CustomStatusAdminId.OpenButton) {
        if (!(await canManageUserStatus(read, user))) {
            return responder.errorResponse();
        }
        return responder.openModalViewResponse(await openAdminConsole(app, read, user));
    }
    return responder.successResponse();
}

/** Block actions of the admin console: search, new, edit, delete, the Presence and Audit trail reports, back (each re-checks the right). */
export async function handleBlockAction(
    app: IApp,
    context: UIKitBlockInteractionContext,
    read: IRead,
    http: IHttp,
    persistence: IPersistence,
    modify: IModify,
): Promise<IUIKitResponse> {
    const { actionId, user, value } = context.getInteractionData();
    const responder = context.getInteractionResponder();
    const language = languageOf(user);
    const appId = app.getID();
    const adminActions: string[] = [
        CustomStatusAdminId.SearchAction,
        CustomStatusAdminId.NewAction,
        CustomStatusAdminId.EditAction,
        CustomStatusAdminId.DeleteAction,
        CustomStatusAdminId.ReportPresenceAction,
        CustomStatusAdminId.AuditAction,
        CustomStatusAdminId.BackAction,
    ];
    if (!adminActions.includes(actionId)) {
        return responder.successResponse();
    }
    const canManage = await canManageUserStatus(read, user);
    if (!canManage) {
        return responder.errorResponse();
    }
    switch (actionId) {
        case CustomStatusAdminId.SearchAction:
            return responder.updateModalViewResponse(adminListView(appId, language, await listAllCustomStatuses(read), value ?? ''));
        case CustomStatusAdminId.NewAction:
            return responder.updateModalViewResponse(adminFormView(appId, language));
        case CustomStatusAdminId.BackAction:
            return responder.updateModalViewResponse(adminListView(appId, language, await listAllCustomStatuses(read)));
        case CustomStatusAdminId.ReportPresenceAction: {
            const report = await presenceReport(app, { read, modify, http, persis: persistence }, language, new Date());
            return responder.updateModalViewResponse(presenceReportView(appId, language, report));
        }
        case CustomStatusAdminId.AuditAction: {
            const lines = await latestAuditLines(read, user);
            return responder.updateModalViewResponse(auditReportView(appId, language, lines, translator(STATUS_MESSAGES, language)('audit_empty')));
        }
        case CustomStatusAdminId.EditAction: {
            const record =
                value && value !== NEW_RECORD ? await new CustomStatusRepository(new RecordStore(read.getPersistenceReader())).findById(value) : undefined;
            return responder.updateModalViewResponse(
                record ? adminFormView(appId, language, toCustomUserStatus(record)) : adminListView(appId, language, await listAllCustomStatuses(read)),
            );
        }
        case CustomStatusAdminId.DeleteAction: {
            // the button's value is a record id: anything else names no record (as Rocket.Chat's delete by id)
            const deleted =
                typeof value === 'string' && value !== ''
                    ? await deleteCustomStatus({ app, read, modify, http, persis: persistence }, { source: 'console', actor: user }, value, canManage)
                    : fail(CustomStatusErrors.invalidForDelete());
            const gone = !deleted.ok && deleted.error.kind === 'rule' && deleted.error.code === 'Custom_User_Status_Error_Invalid_User_Status';
            const notice = deleted.ok || gone ? undefined : customStatusReason(translator(CUSTOM_STATUS_MESSAGES, language), deleted.error);
            return responder.updateModalViewResponse(adminListView(appId, language, await listAllCustomStatuses(read), '', notice));
        }
    }
    return responder.successResponse();
}

/** Submits: the picker sets the user's status; the console's form saves a custom status, with field errors in the view. */
export async function handleViewSubmit(
    app: IApp,
    context: UIKitViewSubmitInteractionContext,
    read: IRead,
    http: IHttp,
    persistence: IPersistence,
    modify: IModify,
): Promise<IUIKitResponse> {
    const { view, user } = context.getInteractionData();
    const responder = context.getInteractionResponder();
    const env: ChangeEnv = { app, read, modify, http, persis: persistence };
    const language = languageOf(user);
    const ui = translator(UI_MESSAGES, language);
    const viewId = view.id;

    if (viewId === StatusPickerId.View) {
        const input = readPickerState(view.state);
        // Rocket.Chat's UIKit renderer finds a field's error under the field's action id
        const fieldError = (actionId: string, text: string) => responder.viewErrorResponse({ viewId, errors: { [actionId]: text } });
        if (!input.choice) {
            return fieldError(StatusPickerId.StatusAction, ui('error_choose_status'));
        }
        const statusT = translator(STATUS_MESSAGES, language);
        const span = readPickerSpan(input.from, input.to, new Date(), user.utcOffset ?? 0);
        if (span.kind === 'error') {
            const field = span.field === 'from' ? StatusPickerId.FromAction : StatusPickerId.ToAction;
            const text =
                span.reason === 'incomplete'
                    ? ui('error_schedule_incomplete')
                    : span.reason === 'invalid'
                      ? ui('error_schedule_invalid')
                      : statusT(SPAN_ERROR_KEYS[span.reason], { span: span.text });
            return fieldError(field, text);
        }
        let wanted: { status?: UserPresence; message: string; custom?: CustomUserStatus };
        if (input.choice.kind === 'custom') {
            const custom = await findCustomStatus(read, input.choice.id);
            if (!custom) {
                return fieldError(StatusPickerId.StatusAction, ui('error_status_gone'));
            }
            wanted = { ...(isUserPresence(custom.statusType) ? { status: custom.statusType } : {}), message: custom.name, custom };
        } else if (input.choice.kind === 'recent') {
            wanted = { ...(input.choice.status ? { status: input.choice.status } : {}), message: input.choice.message };
        } else {
            const preset = input.choice.status;
            wanted = { ...(isUserPresence(preset) ? { status: preset } : {}), message: input.message ?? '' };
        }
        const fresh = (await read.getUserReader().getById(user.id)) ?? user;
        if (span.kind === 'span') {
            // a schedule ends at its own end: "clear after" does not apply
            const scheduled = await scheduleOwnStatus(env, fresh, {
                ...(wanted.status ? { status: wanted.status } : {}),
                message: wanted.message,
                start: span.start,
                end: span.end,
            });
            return scheduled.ok ? responder.successResponse() : fieldError(StatusPickerId.StatusAction, errorLine(statusT, scheduled.error));
        }
        let expiresAt: Date | undefined;
        if (input.clearAfter !== 'never') {
            const parsed = parseDuration(input.clearAfter, new Date(), user.utcOffset ?? 0);
            if (!parsed.ok) {
                return fieldError(StatusPickerId.ClearAfterAction, statusT('error_invalid_duration', { duration: input.clearAfter }));
            }
            expiresAt = parsed.until;
        }
        const applied = wanted.custom
            ? await chooseCustomStatus(env, fresh, wanted.custom, { expiresAt })
            : await applyOwnStatus(env, fresh, {
                  ...(wanted.status ? { status: wanted.status } : {}),
                  message: wanted.message,
                  expiresAt,
              });
        if (!applied.ok) {
            const field =
                applied.error.kind === 'rule' && applied.error.code === 'error-invalid-date' ? StatusPickerId.ClearAfterAction : StatusPickerId.StatusAction;
            return fieldError(field, errorLine(statusT, applied.error));
        }
        return responder.successResponse();
    }

    if (viewId === CustomStatusAdminId.View) {
        const form = readAdminForm(view.state);
        if (!form) {
            return responder.successResponse();
        }
        const t = translator(CUSTOM_STATUS_MESSAGES, language);
        const canManage = await canManageUserStatus(read, user);
        const saved = await saveCustomStatus(
            env,
            { source: 'console', actor: user },
            { ...(form.id ? { _id: form.id } : {}), name: form.name, statusType: form.statusType },
            canManage,
        );
        if (!saved.ok) {
            const error = saved.error;
            const onPresence = error.kind === 'rule' && error.reason.endsWith('is not a valid status type');
            return responder.viewErrorResponse({
                viewId,
                errors: {
                    [onPresence ? CustomStatusAdminId.PresenceAction : CustomStatusAdminId.NameAction]: customStatusReason(t, error, {
                        name: form.name,
                        type: form.statusType,
                    }),
                },
            });
        }
        return responder.updateModalViewResponse(adminListView(app.getID(), language, await listAllCustomStatuses(read)));
    }
    return responder.successResponse();
}
