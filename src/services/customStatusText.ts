import { AppError, errorText } from '../core/AppError';
import { CUSTOM_STATUS_NAME_MAX, isCustomStatusType } from '../core/customStatus/CustomUserStatus';
import { CustomStatusMessageKey } from '../i18n/customStatusMessages';
import { Translator } from '../i18n/translate';

/** One localized reason for a custom-status error (settings page, commands, view fields). */
export function customStatusReason(t: Translator<CustomStatusMessageKey>, error: AppError, values: { name?: string; type?: string } = {}): string {
    if (error.kind !== 'rule') {
        return errorText(error);
    }
    switch (error.code) {
        case 'not_authorized':
            return t('reason_not_authorized');
        case 'error-the-field-is-required':
            return t('reason_name_required');
        case 'Custom_User_Status_Error_Name_Already_In_Use':
            return t('reason_name_in_use', { name: values.name ?? '' });
        case 'Custom_User_Status_Error_Invalid_User_Status':
            return t('reason_not_found', { name: values.name ?? '' });
        case 'error-custom-status-line-format':
            return t('reason_line_format');
        case 'error-custom-status-name-too-long':
            return t('reason_name_too_long', { max: CUSTOM_STATUS_NAME_MAX });
        case 'error-app-failure':
        case 'error-app-undoing':
        case 'error-app-busy':
            return t('reason_failed');
        case 'error-input-is-not-a-valid-field':
            return error.reason.endsWith('is not a valid status type')
                ? t('reason_invalid_type', { type: values.type ?? '' })
                : t('reason_invalid_name', { name: values.name ?? '' });
        default:
            return errorText(error);
    }
}

export function presenceLabel(t: Translator<CustomStatusMessageKey>, statusType: string | null | undefined): string {
    return isCustomStatusType(statusType) ? t(`presence_${statusType}` as CustomStatusMessageKey) : t('presence_none');
}
