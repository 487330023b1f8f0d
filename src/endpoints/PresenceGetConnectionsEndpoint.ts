import { IHttp, IModify, IPersistence, IRead } from '@rocket.chat/apps-engine/definition/accessors';
import { ApiEndpoint, IApiEndpointInfo, IApiRequest, IApiResponse } from '@rocket.chat/apps-engine/definition/api';

import { forbidden, unauthenticated } from '../core/AppError';
import { canManagePresence, currentConnections, noteUser, readPresenceSettings } from '../services/PresenceService';
import { failure, success } from './apiResponse';

/** `GET presence.getConnections`, as Rocket.Chat's: `{current, max}`, `max` being the cap in force. */
export class PresenceGetConnectionsEndpoint extends ApiEndpoint {
    public path = 'presence.getConnections';

    public async get(
        request: IApiRequest,
        _endpoint: IApiEndpointInfo,
        read: IRead,
        modify: IModify,
        http: IHttp,
        persis: IPersistence,
    ): Promise<IApiResponse> {
        if (!request.user) {
            return failure(unauthenticated());
        }
        if (!(await canManagePresence(read, request.user))) {
            return failure(forbidden());
        }
        await noteUser({ read, modify, http, persis }, request.user);
        const [current, settings] = await Promise.all([currentConnections(read), readPresenceSettings(read)]);
        return success({ current, max: settings.cap });
    }
}
