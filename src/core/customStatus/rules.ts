import { Result, fail, ok } from '../AppError';
import { CUSTOM_STATUS_NAME_MAX, CustomStatusErrors, CustomUserStatus, isCustomStatusType } from './CustomUserStatus';

/** What an admin asks to store: a new status (no `_id`) or a change to an existing one. */
export interface CustomStatusDraft {
    _id?: string;
    name: string;
    /** `undefined` on update keeps the stored type; `''` or `null` means "no type" */
    statusType?: string | null;
}

/** Rocket.Chat allows every character in a name except these. */
export const FORBIDDEN_NAME_CHARACTERS = /[><&"']/;

/**
 * Beyond Rocket.Chat's rule: a line break or a leading `#` would break the settings page's copy
 * (one `name: presence` per line, `#` starts a comment), so such a name is refused the same way.
 */
export function breaksSettingsText(name: string): boolean {
    return /[\r\n]/.test(name) || name.trim().startsWith('#');
}

/** The name-in-use rule: an exact match, the record itself excluded on update. */
export function isNameInUse(name: string, existing: ReadonlyArray<Pick<CustomUserStatus, '_id' | 'name'>>, exceptId?: string): boolean {
    return existing.some((status) => status.name === name && status._id !== exceptId);
}

/**
 * The rules of `insertOrUpdateUserStatus`, in Rocket.Chat's order: the right to manage, a name
 * that is not empty after trimming, no `> < & " '` in it, not in use, a status type (when one is
 * given) among online/away/busy/offline.
 */
export function checkCustomStatus(
    draft: CustomStatusDraft,
    context: { canManage: boolean; existing: ReadonlyArray<Pick<CustomUserStatus, '_id' | 'name'>> },
): Result<CustomStatusDraft> {
    if (!context.canManage) {
        return fail(CustomStatusErrors.notAuthorized());
    }
    return checkCustomStatusFields(draft, context.existing);
}

/** The same rules without the right (the settings page and the admin console are only reachable by admins). */
export function checkCustomStatusFields(draft: CustomStatusDraft, existing: ReadonlyArray<Pick<CustomUserStatus, '_id' | 'name'>>): Result<CustomStatusDraft> {
    if (draft.name.trim() === '') {
        return fail(CustomStatusErrors.nameRequired());
    }
    if (draft.name.length > CUSTOM_STATUS_NAME_MAX) {
        return fail(CustomStatusErrors.nameTooLong());
    }
    if (FORBIDDEN_NAME_CHARACTERS.test(draft.name) || breaksSettingsText(draft.name)) {
        return fail(CustomStatusErrors.invalidName(draft.name));
    }
    if (isNameInUse(draft.name, existing, draft._id)) {
        return fail(CustomStatusErrors.nameInUse());
    }
    if (draft.statusType && !isCustomStatusType(draft.statusType)) {
        return fail(CustomStatusErrors.invalidStatusType(draft.statusType));
    }
    return ok(draft);
}
