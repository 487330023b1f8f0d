import { IModify, IPersistence, IRead } from '@rocket.chat/apps-engine/definition/accessors';
import { IUser } from '@rocket.chat/apps-engine/definition/users';

import { fail, Result } from '../core/AppError';
import { decideSetStatus } from '../core/status/setStatusRequest';
import { AppliedStatus, setUserStatus } from './setUserStatus';
import { readStatusSettings, toStatusUser } from './statusContext';

/**
 * Sets the user's own status through the same rules (decideSetStatus) and writer (setUserStatus)
 * as users.setStatus: the one path for the slash command, the picker and custom statuses.
 */
export async function applyOwnStatus(
    read: IRead,
    modify: IModify,
    persistence: IPersistence,
    user: IUser,
    body: { status?: string; message?: string; expiresAt?: Date },
    now = new Date(),
): Promise<Result<AppliedStatus>> {
    const settings = await readStatusSettings(read);
    const request = {
        ...(body.status !== undefined ? { status: body.status } : {}),
        ...(body.message !== undefined ? { message: body.message } : {}),
        ...(body.expiresAt ? { expiresAt: body.expiresAt.toISOString() } : {}),
    };
    const decision = await decideSetStatus(request, { caller: toStatusUser(user), ...settings, now }, async () => undefined);
    if (decision.error) {
        return fail(decision.error);
    }
    return setUserStatus(read, modify, persistence, { user, ...(decision.change ?? {}) });
}
