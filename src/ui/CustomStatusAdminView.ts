import { IUIKitModalViewParam } from '@rocket.chat/apps-engine/definition/uikit/UIKitInteractionResponder';

import { CUSTOM_STATUS_TYPES, CustomUserStatus } from '../core/customStatus/CustomUserStatus';
import { CUSTOM_STATUS_MESSAGES } from '../i18n/customStatusMessages';
import { translator } from '../i18n/translate';
import { UI_MESSAGES } from '../i18n/uiMessages';
import { presenceLabel } from '../services/customStatusText';
import { actions, Block, button, context, divider, plain, section, staticSelect, stateValue, textInput } from './blocks';

/** Ids of the admin console: one view id for the list and the form; the form's blocks carry the record id. */
export enum CustomStatusAdminId {
    View = 'custom-status-admin',
    SearchBlock = 'cs-admin-search',
    SearchAction = 'cs-admin-search-input',
    ToolbarBlock = 'cs-admin-toolbar',
    NewAction = 'cs-admin-new',
    ReportPresenceAction = 'cs-admin-presence',
    AuditAction = 'cs-admin-audit',
    BackAction = 'cs-admin-back',
    RowBlockPrefix = 'cs-admin-row:',
    EditAction = 'cs-admin-edit',
    DeleteAction = 'cs-admin-delete',
    /** `cs-form-name:<id or new>` */
    NameBlockPrefix = 'cs-form-name:',
    NameAction = 'cs-form-name-input',
    PresenceBlock = 'cs-form-presence',
    PresenceAction = 'cs-form-presence-select',
    /** the action button that opens the console (admins) */
    OpenButton = 'custom-status-open-admin',
}

export const NEW_RECORD = 'new';
const NO_PRESENCE = 'none';

export const adminModal = (appId: string, title: string, blocks: Block[], submit?: string, close?: string): IUIKitModalViewParam => ({
    id: CustomStatusAdminId.View,
    title: plain(title),
    blocks: blocks as unknown as IUIKitModalViewParam['blocks'],
    ...(submit
        ? {
              submit: {
                  type: 'button',
                  appId,
                  blockId: CustomStatusAdminId.View,
                  actionId: 'submit',
                  text: plain(submit),
              } as unknown as IUIKitModalViewParam['submit'],
          }
        : {}),
    ...(close
        ? {
              close: {
                  type: 'button',
                  appId,
                  blockId: CustomStatusAdminId.View,
                  actionId: 'close',
                  text: plain(close),
              } as unknown as IUIKitModalViewParam['close'],
          }
        : {}),
});

/** The list, filtered by a case-insensitive substring of the name. */
export function adminListView(
    appId: string,
    language: string | undefined,
    statuses: ReadonlyArray<CustomUserStatus>,
    query = '',
    /** a line above the list: why the last action did not happen */
    notice?: string,
): IUIKitModalViewParam {
    const t = translator(UI_MESSAGES, language);
    const ct = translator(CUSTOM_STATUS_MESSAGES, language);
    const needle = query.trim().toLowerCase();
    const shown = statuses.filter((s) => s.name.toLowerCase().includes(needle));
    const blocks: Block[] = [
        ...(notice ? [context(notice)] : []),
        textInput(appId, CustomStatusAdminId.SearchBlock, CustomStatusAdminId.SearchAction, t('admin_search'), {
            initialValue: query,
            dispatch: true,
            optional: true,
        }),
        actions(CustomStatusAdminId.ToolbarBlock, [
            button(appId, CustomStatusAdminId.ToolbarBlock, CustomStatusAdminId.NewAction, t('admin_new'), NEW_RECORD, 'primary'),
            button(appId, CustomStatusAdminId.ToolbarBlock, CustomStatusAdminId.ReportPresenceAction, t('admin_presence')),
            button(appId, CustomStatusAdminId.ToolbarBlock, CustomStatusAdminId.AuditAction, t('admin_audit')),
        ]),
        divider(),
    ];
    if (shown.length === 0) {
        blocks.push(context(statuses.length === 0 ? t('admin_empty') : t('admin_no_match', { query })));
    }
    for (const status of shown) {
        const blockId = `${CustomStatusAdminId.RowBlockPrefix}${status._id}`;
        blocks.push(section(`${blockId}:text`, `*${status.name}* · ${presenceLabel(ct, status.statusType)}`));
        blocks.push(
            actions(blockId, [
                button(appId, blockId, CustomStatusAdminId.EditAction, t('admin_edit'), status._id),
                button(appId, blockId, CustomStatusAdminId.DeleteAction, t('admin_delete'), status._id, 'danger'),
            ]),
        );
    }
    return adminModal(appId, t('admin_title'), blocks, undefined, t('close'));
}

/** The form for a new status or an existing one. */
export function adminFormView(appId: string, language: string | undefined, record?: CustomUserStatus): IUIKitModalViewParam {
    const t = translator(UI_MESSAGES, language);
    const ct = translator(CUSTOM_STATUS_MESSAGES, language);
    const presences = [
        { text: t('form_presence_none'), value: NO_PRESENCE },
        ...CUSTOM_STATUS_TYPES.map((type) => ({ text: presenceLabel(ct, type), value: type })),
    ];
    const blocks: Block[] = [
        textInput(appId, `${CustomStatusAdminId.NameBlockPrefix}${record?._id ?? NEW_RECORD}`, CustomStatusAdminId.NameAction, t('form_name'), {
            initialValue: record?.name ?? '',
        }),
        staticSelect(
            appId,
            CustomStatusAdminId.PresenceBlock,
            CustomStatusAdminId.PresenceAction,
            t('form_presence'),
            presences,
            record ? record.statusType || NO_PRESENCE : 'online',
        ),
    ];
    return adminModal(appId, record ? t('form_edit_title') : t('form_new_title'), blocks, t('save'), t('cancel'));
}

export interface AdminFormInput {
    /** undefined: a new status */
    id?: string;
    nameBlockId: string;
    name: string;
    statusType: string;
}

/** Reads the form out of a submitted view's state; `undefined` when the state holds no form (the list has no submit). */
export function readAdminForm(state: unknown): AdminFormInput | undefined {
    const blocks = Object.keys((state as Record<string, unknown>) ?? {});
    const nameBlockId = blocks.find((id) => id.startsWith(CustomStatusAdminId.NameBlockPrefix));
    if (!nameBlockId) {
        return undefined;
    }
    const id = nameBlockId.slice(CustomStatusAdminId.NameBlockPrefix.length);
    const presence = stateValue(state, CustomStatusAdminId.PresenceBlock, CustomStatusAdminId.PresenceAction) ?? '';
    return {
        ...(id && id !== NEW_RECORD ? { id } : {}),
        nameBlockId,
        name: stateValue(state, nameBlockId, CustomStatusAdminId.NameAction) ?? '',
        statusType: presence === NO_PRESENCE ? '' : presence,
    };
}
