import { IHttp, IModify, IPersistence, IRead } from '@rocket.chat/apps-engine/definition/accessors';
import { ApiEndpoint, IApiEndpointInfo, IApiRequest, IApiResponse } from '@rocket.chat/apps-engine/definition/api';

import { unauthenticated } from '../core/AppError';
import { DISABLED_STATUS } from '../core/status/presets';
import { StatusErrors } from '../core/status/statusErrors';
import { targetReference } from '../core/status/target';
import { findWorkspaceUser, readStatusSettings } from '../services/statusContext';
import { failure, success } from './apiResponse';

/**
 * `GET users.getStatus`, as Rocket.Chat's: self -> `{_id, status, connectionStatus}`, someone else ->
 * `{_id, status}`; `status` reads `disabled` while the presence service is off.
 */
export class UsersGetStatusEndpoint extends ApiEndpoint {
    public path = 'users.getStatus';

    public async get(
        request: IApiRequest,
        _endpoint: IApiEndpointInfo,
        read: IRead,
        _modify: IModify,
        _http: IHttp,
        _persistence: IPersistence,
    ): Promise<IApiResponse> {
        if (!request.user) {
            return failure(unauthenticated());
        }
        const { presenceServiceEnabled } = await readStatusSettings(read);
        const shown = (status: string | undefined): string => (presenceServiceEnabled ? status || 'offline' : DISABLED_STATUS);
        const ref = targetReference(request.query ?? {}, request.user);
        if (ref.kind === 'self') {
            const me = (await findWorkspaceUser(read, { kind: 'userId', userId: request.user.id })) ?? request.user;
            return success({ _id: me.id, status: shown(me.status), connectionStatus: me.statusConnection || 'offline' });
        }
        const user = await findWorkspaceUser(read, ref);
        if (!user) {
            return failure(StatusErrors.invalidUser());
        }
        return success({ _id: user.id, status: shown(user.status) });
    }
}
