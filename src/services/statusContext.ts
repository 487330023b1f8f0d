import { IRead } from '@rocket.chat/apps-engine/definition/accessors';
import { IUser } from '@rocket.chat/apps-engine/definition/users';

import { parseRoleList, StatusUser, TargetRef } from '../core/status/target';
import { AppSetting } from '../settings/AppSetting';
import { WorkspaceSetting } from '../settings/WorkspaceSetting';

export interface StatusSettings {
    allowStatusMessageChange: boolean;
    allowInvisibleStatus: boolean;
    editOtherUserStatusRoles: string[];
    presenceServiceEnabled: boolean;
}

/** A boolean setting; anything but an explicit false (or 'false') keeps Rocket.Chat's default, true. */
const isOn = (value: unknown): boolean => value !== false && value !== 'false';

async function workspaceValue(read: IRead, id: string): Promise<unknown> {
    return read.getEnvironmentReader().getServerSettings().getValueById(id);
}

async function appValue(read: IRead, id: string): Promise<unknown> {
    return read.getEnvironmentReader().getSettings().getValueById(id);
}

/** The workspace and app settings the status rules depend on, read fresh for every request. */
export async function readStatusSettings(read: IRead): Promise<StatusSettings> {
    const [allowChange, allowInvisible, roles, presence] = await Promise.all([
        workspaceValue(read, WorkspaceSetting.AllowUserStatusMessageChange),
        workspaceValue(read, WorkspaceSetting.AllowInvisibleStatusOption),
        appValue(read, AppSetting.RolesEditOtherUserStatus),
        appValue(read, AppSetting.PresenceServiceEnabled),
    ]);
    return {
        allowStatusMessageChange: isOn(allowChange),
        allowInvisibleStatus: isOn(allowInvisible),
        // unset (never saved) means the setting's default, admin; an explicit '' means nobody
        editOtherUserStatusRoles: roles === undefined || roles === null ? ['admin'] : parseRoleList(roles),
        presenceServiceEnabled: isOn(presence),
    };
}

export function toStatusUser(user: IUser): StatusUser {
    return {
        id: user.id,
        username: user.username,
        roles: user.roles ?? [],
        status: user.status,
        statusText: user.statusText,
        statusConnection: user.statusConnection,
    };
}

async function quietly(lookup: () => Promise<IUser | undefined>): Promise<IUser | undefined> {
    try {
        return (await lookup()) ?? undefined;
    } catch {
        // the engine's user reader throws or answers nothing for an unknown user: both mean "no such user"
        return undefined;
    }
}

/** Finds a workspace user by id, or by username (as given, then lower-cased: Rocket.Chat stores usernames as typed). */
export async function findWorkspaceUser(read: IRead, ref: Exclude<TargetRef, { kind: 'self' }>): Promise<IUser | undefined> {
    const users = read.getUserReader();
    if (ref.kind === 'userId') {
        return quietly(() => users.getById(ref.userId));
    }
    const name = ref.username.replace(/^@/, '');
    return (
        (await quietly(() => users.getByUsername(name))) ?? (name.toLowerCase() !== name ? quietly(() => users.getByUsername(name.toLowerCase())) : undefined)
    );
}
