import { IApiEndpoint } from '@rocket.chat/apps-engine/definition/api';

import { fail, ok } from '../core/AppError';
import { DISABLED_STATUS } from '../core/status/presets';
import { decideSetStatus, hasValidShape, statusReadsFor } from '../core/status/setStatusRequest';
import { StatusErrors } from '../core/status/statusErrors';
import { targetReference } from '../core/status/target';
import { PresenceApp } from '../services/presence/PresenceApp';
import { isServerBroadcastDisabled } from '../services/presence/serverPresence';
import { rolesFor } from '../services/rights';
import { setUserStatus } from '../services/setUserStatus';
import { findWorkspaceUser, toStatusUser, workspaceFlag } from '../services/statusContext';
import { AppSetting } from '../settings/AppSetting';
import { WorkspaceSetting } from '../settings/WorkspaceSetting';
import { RecordStore } from '../storage/records';
import { readUserStatusRecords } from '../storage/UserStatusRecords';
import { appEndpoint } from './appEndpoint';

const CONNECTION_STATES = ['online', 'away', 'busy', 'offline'];

/**
 * `POST users.setStatus`, as Rocket.Chat's (rules and order in `decideSetStatus`). Everything the
 * body may need is read in one round (the settings it depends on, the user it names, the
 * caller's pending expiry), then the change is written.
 */
export function usersSetStatusEndpoint(app: PresenceApp): IApiEndpoint {
    return appEndpoint(app, 'users.setStatus', {
        post: async ({ request, user, read, persistence, env }) => {
            const store = new RecordStore(read.getPersistenceReader(), persistence);
            const body: unknown = request.content;
            const shaped = hasValidShape(body);
            const { ref, needsInvisibleSetting } = statusReadsFor(body, user);
            const other = ref.kind === 'userId' || ref.kind === 'username' ? ref : undefined;
            const self = ref.kind === 'self';
            const [allowStatusMessageChange, allowInvisibleStatus, editOtherUserStatusRoles, otherUser, own] = await Promise.all([
                shaped ? workspaceFlag(read, WorkspaceSetting.AllowUserStatusMessageChange) : true,
                shaped && needsInvisibleSetting ? workspaceFlag(read, WorkspaceSetting.AllowInvisibleStatusOption) : true,
                shaped && !self ? rolesFor(read, AppSetting.RolesEditOtherUserStatus) : [],
                shaped && other ? findWorkspaceUser(read, other) : undefined,
                // the caller's pending expiry and recent statuses, in one read
                shaped && self ? readUserStatusRecords(store, user.id) : undefined,
            ]);
            const decision = decideSetStatus(
                body,
                { caller: toStatusUser(user), allowStatusMessageChange, allowInvisibleStatus, editOtherUserStatusRoles, now: new Date() },
                otherUser && toStatusUser(otherUser),
            );
            if (!decision.ok) {
                return fail(decision.error);
            }
            const { change } = decision;
            if (change.message === undefined && change.status === undefined) {
                return ok({});
            }
            const target = otherUser ?? user;
            const applied = await setUserStatus(
                env,
                { user: target, ...change, ...(self ? { pending: own?.pending ?? null } : {}) },
                self ? { recent: { mode: 'ifNew', records: own?.recent } } : { audit: { source: 'rest', actor: user } },
            );
            if (!applied.ok) {
                return applied;
            }
            return ok({});
        },
    });
}

/**
 * `GET users.getStatus`, as Rocket.Chat's: self -> `{_id, status, connectionStatus}` (from the
 * caller the engine hands over: no read), someone else -> `{_id, status}`; `status` reads
 * `disabled` while the presence service is off.
 */
export function usersGetStatusEndpoint(app: PresenceApp): IApiEndpoint {
    return appEndpoint(app, 'users.getStatus', {
        get: async ({ request, user, read, presenceState }) => {
            const ref = targetReference(request.query ?? {}, user);
            const other = ref.kind === 'userId' || ref.kind === 'username' ? ref : undefined;
            const [state, serverOff, found] = await Promise.all([
                presenceState(),
                isServerBroadcastDisabled(read),
                other ? findWorkspaceUser(read, other) : undefined,
            ]);
            const shown = (status: string | undefined): string => (!state.enabled || serverOff ? DISABLED_STATUS : status || 'offline');
            if (ref.kind === 'self') {
                const connectionStatus = CONNECTION_STATES.includes(user.statusConnection as string) ? user.statusConnection : 'offline';
                return ok({ _id: user.id, status: shown(user.status), connectionStatus });
            }
            if (!found) {
                return fail(StatusErrors.invalidUser());
            }
            return ok({ _id: found.id, status: shown(found.status) });
        },
    });
}
