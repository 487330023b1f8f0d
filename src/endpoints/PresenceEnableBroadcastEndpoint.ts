import { IHttp, IModify, IPersistence, IRead } from '@rocket.chat/apps-engine/definition/accessors';
import { ApiEndpoint, IApiEndpointInfo, IApiRequest, IApiResponse } from '@rocket.chat/apps-engine/definition/api';

import { forbidden, unauthenticated } from '../core/AppError';
import { PresenceApp, canManagePresence, enablePresence, noteUser } from '../services/PresenceService';
import { failure, success } from './apiResponse';

/**
 * `POST presence.enableBroadcast`, as Rocket.Chat's: turns the presence service back on;
 * refused while over the cap (400 `Cannot enable broadcast when there are more than <cap> connections`).
 */
export class PresenceEnableBroadcastEndpoint extends ApiEndpoint {
    public path = 'presence.enableBroadcast';

    constructor(private readonly presenceApp: PresenceApp & ConstructorParameters<typeof ApiEndpoint>[0]) {
        super(presenceApp);
    }

    public async post(
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
        const access = { read, modify, http, persis };
        await noteUser(access, request.user);
        const result = await enablePresence(this.presenceApp, access);
        return result.ok ? success() : failure(result.error);
    }
}
