import { IRead } from '@rocket.chat/apps-engine/definition/accessors';
import { IUser } from '@rocket.chat/apps-engine/definition/users';

import { fail, ok, Result } from '../core/AppError';
import { decideSetStatus, StatusChange } from '../core/status/setStatusRequest';
import { WorkspaceSetting } from '../settings/WorkspaceSetting';
import { ChangeEnv } from './change/ChangeEnv';
import { AppliedStatusChange, setUserStatus } from './setUserStatus';
import { toStatusUser, workspaceFlag } from './statusContext';

/** What a user asks for their own status, checked with the rules of users.setStatus (and the workspace settings they read). */
export async function decideOwnStatus(
    read: IRead,
    user: IUser,
    body: { status?: string; message?: string; expiresAt?: Date },
    now = new Date(),
): Promise<Result<StatusChange>> {
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
    return decision.ok ? ok(decision.change) : fail(decision.error);
}

/**
 * Sets the user's own status through the same rules (decideSetStatus) and writer (setUserStatus)
 * as users.setStatus: the one path for the slash command, the picker and custom statuses. What the
 * user set goes into their recent statuses, in the same change.
 */
export async function applyOwnStatus(
    env: ChangeEnv,
    user: IUser,
    body: { status?: string; message?: string; expiresAt?: Date },
    now = new Date(),
): Promise<Result<AppliedStatusChange>> {
    const decision = await decideOwnStatus(env.read, user, body, now);
    return decision.ok ? setUserStatus(env, { user, ...decision.value }, { recent: { mode: 'add' } }) : decision;
}
