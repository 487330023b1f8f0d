import { IRead } from '@rocket.chat/apps-engine/definition/accessors';
import { IUser } from '@rocket.chat/apps-engine/definition/users';

import { OtherUserRef, StatusUser } from '../core/status/target';
import { appSettingValue, parseBoolean, serverSettingValue } from '../settings/readSettings';
import { WorkspaceSetting } from '../settings/WorkspaceSetting';

/** A workspace boolean setting; Rocket.Chat's default (true) when it cannot be read. */
export async function workspaceFlag(read: IRead, id: WorkspaceSetting): Promise<boolean> {
    return parseBoolean(await serverSettingValue(read, id), true);
}

export { appSettingValue };

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

/**
 * Finds a workspace user by id, or by username: as given, then lower-cased (the engine's lookup
 * is exact, and Rocket.Chat usernames are mostly lower case).
 */
export async function findWorkspaceUser(read: IRead, ref: OtherUserRef): Promise<IUser | undefined> {
    const users = read.getUserReader();
    if (ref.kind === 'userId') {
        return quietly(() => users.getById(ref.userId));
    }
    const name = ref.username;
    return (
        (await quietly(() => users.getByUsername(name))) ?? (name.toLowerCase() !== name ? quietly(() => users.getByUsername(name.toLowerCase())) : undefined)
    );
}
