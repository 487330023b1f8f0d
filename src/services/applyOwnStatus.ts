import { IModify, IPersistence, IRead } from '@rocket.chat/apps-engine/definition/accessors';
import { IUser } from '@rocket.chat/apps-engine/definition/users';

import { fail, Result } from '../core/AppError';
import { decideSetStatus } from '../core/status/setStatusRequest';
import { WorkspaceSetting } from '../settings/WorkspaceSetting';
import { rememberRecentStatus } from './recentStatuses';
import { AppliedStatusChange, setUserStatus } from './setUserStatus';
import { toStatusUser, workspaceFlag } from './statusContext';

/**
 * Sets the user's own status through the same rules (decideSetStatus) and writer (setUserStatus)
 * as users.setStatus: the one path for the slash command, the picker and custom statuses. What the
 * user set goes into their recent statuses (unless `remember` is false: a schedule starting).
 */
export async function applyOwnStatus(
    read: IRead,
    modify: IModify,
    persistence: IPersistence,
    user: IUser,
    body: { status?: string; message?: string; expiresAt?: Date },
    now = new Date(),
    options: { remember?: boolean } = {},
): Promise<Result<AppliedStatusChange>> {
    const request = {
        ...(body.status !== undefined ? { status: body.status } : {}),
        ...(body.message !== undefined ? { message: body.message } : {}),
        ...(body.expiresAt ? { expiresAt: body.expiresAt.toISOString() } : {}),
    };
    const [allowStatusMessageChange, allowInvisibleStatus] = await Promise.all([
        workspaceFlag(read, WorkspaceSetting.AllowUserStatusMessageChange),
        body.status === 'offline' ? workspaceFlag(read, WorkspaceSetting.AllowInvisibleStatusOption) : true,
    ]);
    const decision = decideSetStatus(
        request,
        { caller: toStatusUser(user), allowStatusMessageChange, allowInvisibleStatus, editOtherUserStatusRoles: [], now },
        undefined,
    );
    if (!decision.ok) {
        return fail(decision.error);
    }
    const applied = await setUserStatus(read, modify, persistence, { user, ...decision.change });
    if (applied.ok && options.remember !== false) {
        const { status, message } = applied.value;
        await rememberRecentStatus({ read, persis: persistence }, user.id, { ...(status ? { status } : {}), message: message ?? user.statusText ?? '' });
    }
    return applied;
}
