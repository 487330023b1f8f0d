import { IRead } from '@rocket.chat/apps-engine/definition/accessors';
import { IUser } from '@rocket.chat/apps-engine/definition/users';

import { hasAnyRole } from '../core/status/target';
import { AppSetting } from '../settings/AppSetting';
import { parseRoles, requiredAppSettingValue } from '../settings/readSettings';

const DEFAULT_ROLES = ['admin'];

/**
 * The roles in an app setting that stands in for a Rocket.Chat permission (apps cannot read
 * permissions). A setting that cannot be read fails the request: it never grants by default.
 */
export async function rolesFor(read: IRead, setting: AppSetting.RolesManageUserStatus | AppSetting.RolesEditOtherUserStatus): Promise<string[]> {
    return parseRoles(await requiredAppSettingValue(read, setting), DEFAULT_ROLES);
}

/** `manage-user-status`: custom statuses, the presence service, the audit trail and the history. */
export async function canManageUserStatus(read: IRead, user: Pick<IUser, 'roles'> | undefined): Promise<boolean> {
    return !!user && hasAnyRole({ roles: user.roles ?? [] }, await rolesFor(read, AppSetting.RolesManageUserStatus));
}
