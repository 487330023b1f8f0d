import { IHttp, IModify, IPersistence, IRead } from '@rocket.chat/apps-engine/definition/accessors';
import { ApiEndpoint, IApiEndpointInfo, IApiRequest, IApiResponse } from '@rocket.chat/apps-engine/definition/api';
import { IUser } from '@rocket.chat/apps-engine/definition/users';

import { unauthenticated } from '../core/AppError';
import { decideSetStatus } from '../core/status/setStatusRequest';
import { StatusUser } from '../core/status/target';
import { setUserStatus } from '../services/setUserStatus';
import { findWorkspaceUser, readStatusSettings, toStatusUser } from '../services/statusContext';
import { failure, success } from './apiResponse';

/**
 * `POST users.setStatus`, as Rocket.Chat's. Registered without authRequired so a missing login is
 * answered in Rocket.Chat's JSON envelope; the rules and their order live in `decideSetStatus`.
 */
export class UsersSetStatusEndpoint extends ApiEndpoint {
    public path = 'users.setStatus';

    public async post(
        request: IApiRequest,
        _endpoint: IApiEndpointInfo,
        read: IRead,
        modify: IModify,
        _http: IHttp,
        persistence: IPersistence,
    ): Promise<IApiResponse> {
        if (!request.user) {
            return failure(unauthenticated());
        }
        const settings = await readStatusSettings(read);
        const found = new Map<string, IUser>();
        const decision = await decideSetStatus(
            request.content,
            { caller: toStatusUser(request.user), ...settings, now: new Date() },
            async (ref): Promise<StatusUser | undefined> => {
                const user = await findWorkspaceUser(read, ref);
                if (user) {
                    found.set(user.id, user);
                }
                return user && toStatusUser(user);
            },
        );
        if (decision.target && decision.change && (decision.change.message !== undefined || decision.change.status !== undefined)) {
            const user = found.get(decision.target.id) ?? (await read.getUserReader().getById(decision.target.id)) ?? request.user;
            const applied = await setUserStatus(read, modify, persistence, { user, ...decision.change });
            if (!applied.ok) {
                return failure(applied.error);
            }
        }
        return decision.error ? failure(decision.error) : success();
    }
}
