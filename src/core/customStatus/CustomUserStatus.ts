import { AppError, invalid, ruleError } from '../AppError';
import { USER_PRESENCES } from '../status/presets';

/** The presences a custom status may be tied to (Rocket.Chat's `validStatusTypes`): the presets. */
export const CUSTOM_STATUS_TYPES = USER_PRESENCES;
export type CustomStatusType = (typeof CUSTOM_STATUS_TYPES)[number];

/**
 * The longest name (UTF-16 units): choosing a status makes its name the user's message, which
 * Rocket.Chat cuts at 120; a longer name could never show whole (and would be stored in every
 * list, audit entry and answer).
 */
export const CUSTOM_STATUS_NAME_MAX = 120;

/** A custom status as Rocket.Chat answers it. `statusType` is `null` when created without one (as `insertOrUpdateUserStatus` stores it). */
export interface CustomUserStatus {
    _id: string;
    name: string;
    statusType: string | null;
    /** ISO date */
    _updatedAt: string;
}

export function isCustomStatusType(value: unknown): value is CustomStatusType {
    return typeof value === 'string' && (CUSTOM_STATUS_TYPES as ReadonlyArray<string>).includes(value);
}

/** Rocket.Chat's exact errors for custom statuses (insertOrUpdateUserStatus, deleteCustomUserStatus, the REST routes). */
export const CustomStatusErrors = {
    notAuthorized: (): AppError => ruleError('not_authorized', ''),
    nameRequired: (): AppError => ruleError('error-the-field-is-required', 'The field Name is required'),
    invalidName: (name: string): AppError => ruleError('error-input-is-not-a-valid-field', `${name} is not a valid name`),
    nameTooLong: (): AppError => ruleError('error-custom-status-name-too-long', `A custom status name has at most ${CUSTOM_STATUS_NAME_MAX} characters`),
    nameInUse: (): AppError => ruleError('Custom_User_Status_Error_Name_Already_In_Use', 'The custom user status name is already in use'),
    invalidStatusType: (statusType: string): AppError => ruleError('error-input-is-not-a-valid-field', `${statusType} is not a valid status type`),
    notFoundForUpdate: (id: string): AppError => invalid(`No custom user status found with the id of "${id}".`),
    deleteIdRequired: (): AppError => invalid('The "customUserStatusId" params is required!'),
    invalidForDelete: (): AppError => ruleError('Custom_User_Status_Error_Invalid_User_Status', 'Invalid user status'),
};

/** Rocket.Chat's 17-character random ids (Meteor's alphabet). */
const ID_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTWXYZabcdefghijkmnopqrstuvwxyz';
export function newCustomStatusId(random: () => number = Math.random): string {
    let id = '';
    for (let i = 0; i < 17; i++) {
        id += ID_ALPHABET[Math.floor(random() * ID_ALPHABET.length)];
    }
    return id;
}
