import { IUIKitModalViewParam } from '@rocket.chat/apps-engine/definition/uikit/UIKitInteractionResponder';

import { CustomUserStatus } from '../core/customStatus/CustomUserStatus';
import { UserPresence, USER_PRESENCES } from '../core/status/presets';
import { RecentStatus } from '../core/status/recentStatuses';
import { CUSTOM_STATUS_MESSAGES } from '../i18n/customStatusMessages';
import { translator } from '../i18n/translate';
import { UI_MESSAGES } from '../i18n/uiMessages';
import { presenceLabel } from '../services/customStatusText';
import { Block, plain, section, staticSelect, stateValue, textInput } from './blocks';

/** Ids of the status picker: the view, its blocks and actions. */
export enum StatusPickerId {
    View = 'user-status-picker',
    StatusBlock = 'picker-status',
    StatusAction = 'picker-status-select',
    MessageBlock = 'picker-message',
    MessageAction = 'picker-message-input',
    ClearAfterBlock = 'picker-clear-after',
    ClearAfterAction = 'picker-clear-after-select',
    FromBlock = 'picker-from',
    FromAction = 'picker-from-input',
    ToBlock = 'picker-to',
    ToAction = 'picker-to-input',
    NoticeBlock = 'picker-notice',
    /** the user dropdown's action button */
    OpenButton = 'user-status-open-picker',
}

/** "Clear after" choices: the value is a duration the status core parses (`never` keeps the status). */
export const CLEAR_AFTER = [
    ['never', 'clear_never'],
    ['30m', 'clear_30m'],
    ['1h', 'clear_1h'],
    ['4h', 'clear_4h'],
    ['today', 'clear_today'],
    ['this week', 'clear_week'],
] as const;

export type PickerChoice = { kind: 'preset'; status: string } | { kind: 'custom'; id: string } | { kind: 'recent'; status?: UserPresence; message: string };

export function encodeChoice(choice: PickerChoice): string {
    switch (choice.kind) {
        case 'preset':
            return `preset:${choice.status}`;
        case 'custom':
            return `custom:${choice.id}`;
        case 'recent':
            // the pair itself, not its place in the list: the list may change while the picker is open
            return `recent:${choice.status ?? ''}:${choice.message}`;
    }
}

export function decodeChoice(value: string | undefined): PickerChoice | undefined {
    if (!value) {
        return undefined;
    }
    const [kind, ...rest] = value.split(':');
    const id = rest.join(':');
    if (kind === 'preset' && id) {
        return { kind: 'preset', status: id };
    }
    if (kind === 'recent') {
        const [status, ...message] = rest;
        const presence = USER_PRESENCES.find((p) => p === status);
        return status && !presence ? undefined : { kind: 'recent', ...(presence ? { status: presence } : {}), message: message.join(':') };
    }
    return kind === 'custom' && id ? { kind: 'custom', id } : undefined;
}

/**
 * The picker: the user's recent statuses first, then the presets and custom statuses, in one
 * select; a message; "clear after"; and, to schedule it instead, a start and an end.
 */
export function statusPickerView(
    appId: string,
    language: string | undefined,
    customs: ReadonlyArray<CustomUserStatus>,
    current: { status?: string; statusText?: string },
    notice?: string,
    recent: ReadonlyArray<RecentStatus> = [],
): IUIKitModalViewParam {
    const t = translator(UI_MESSAGES, language);
    const ct = translator(CUSTOM_STATUS_MESSAGES, language);
    const recentLabel = (item: RecentStatus) =>
        `${t('picker_recent')}: ${[item.status ? presenceLabel(ct, item.status) : '', item.message ? `"${item.message}"` : ''].filter(Boolean).join(' ')}`;
    const options = [
        ...recent.map((item) => ({ text: recentLabel(item), value: encodeChoice({ kind: 'recent', ...item }) })),
        ...USER_PRESENCES.map((status) => ({ text: presenceLabel(ct, status), value: encodeChoice({ kind: 'preset', status }) })),
        ...customs.map((s) => ({ text: `${s.name} (${presenceLabel(ct, s.statusType)})`, value: encodeChoice({ kind: 'custom', id: s._id }) })),
    ];
    const currentCustom = customs.find((s) => s.name === current.statusText && (!s.statusType || s.statusType === current.status));
    const initial = currentCustom
        ? encodeChoice({ kind: 'custom', id: currentCustom._id })
        : current.status
          ? encodeChoice({ kind: 'preset', status: current.status })
          : undefined;
    const blocks: Block[] = [
        // the inactive-presence notice, the first time the user opens the picker after a turn-off
        ...(notice ? [section(StatusPickerId.NoticeBlock, notice)] : []),
        staticSelect(appId, StatusPickerId.StatusBlock, StatusPickerId.StatusAction, t('picker_status'), options, initial),
        textInput(appId, StatusPickerId.MessageBlock, StatusPickerId.MessageAction, t('picker_message'), {
            initialValue: current.statusText ?? '',
            placeholder: t('picker_message_placeholder'),
            optional: true,
        }),
        staticSelect(
            appId,
            StatusPickerId.ClearAfterBlock,
            StatusPickerId.ClearAfterAction,
            t('picker_clear_after'),
            CLEAR_AFTER.map(([value, key]) => ({ text: t(key), value })),
            'never',
        ),
        textInput(appId, StatusPickerId.FromBlock, StatusPickerId.FromAction, t('picker_from'), { placeholder: t('picker_time_placeholder'), optional: true }),
        textInput(appId, StatusPickerId.ToBlock, StatusPickerId.ToAction, t('picker_to'), { placeholder: t('picker_time_placeholder'), optional: true }),
    ];
    return {
        id: StatusPickerId.View,
        title: plain(t('picker_title')),
        blocks: blocks as unknown as IUIKitModalViewParam['blocks'],
        submit: { type: 'button', appId, blockId: StatusPickerId.View, actionId: 'submit', text: plain(t('set')) } as unknown as IUIKitModalViewParam['submit'],
        close: { type: 'button', appId, blockId: StatusPickerId.View, actionId: 'close', text: plain(t('cancel')) } as unknown as IUIKitModalViewParam['close'],
    };
}

export interface PickerInput {
    choice?: PickerChoice;
    /** `undefined` when the field was not sent */
    message?: string;
    clearAfter: string;
    /** a schedule: when it starts and ends (`14:00`, `tomorrow 09:00`, `2026-12-24 09:00`); empty: now */
    from: string;
    to: string;
}

export function readPickerState(state: unknown): PickerInput {
    return {
        choice: decodeChoice(stateValue(state, StatusPickerId.StatusBlock, StatusPickerId.StatusAction)),
        message: stateValue(state, StatusPickerId.MessageBlock, StatusPickerId.MessageAction),
        clearAfter: stateValue(state, StatusPickerId.ClearAfterBlock, StatusPickerId.ClearAfterAction) ?? 'never',
        from: (stateValue(state, StatusPickerId.FromBlock, StatusPickerId.FromAction) ?? '').trim(),
        to: (stateValue(state, StatusPickerId.ToBlock, StatusPickerId.ToAction) ?? '').trim(),
    };
}
