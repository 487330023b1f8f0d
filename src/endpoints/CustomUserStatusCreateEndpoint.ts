import { IHttp, IModify, IPersistence, IRead } from '@rocket.chat/apps-engine/definition/accessors';
import { ApiEndpoint, IApiEndpointInfo, IApiRequest, IApiResponse } from '@rocket.chat/apps-engine/definition/api';

import { unauthenticated } from '../core/AppError';
import { matchStringFields } from '../core/customStatus/matchBody';
import { canManageCustomStatuses, saveCustomStatus } from '../services/CustomStatusService';
import { failure, success } from './apiResponse';
import { customStatusAccess } from './customStatusEndpointContext';

/** `POST custom-user-status.create {name, statusType?}` → `{customUserStatus, success}`. */
export class CustomUserStatusCreateEndpoint extends ApiEndpoint {
    public path = 'custom-user-status.create';

    public async post(
        request: IApiRequest,
        _endpoint: IApiEndpointInfo,
        read: IRead,
        _modify: IModify,
        _http: IHttp,
        persistence: IPersistence,
    ): Promise<IApiResponse> {
        if (!request.user) {
            return failure(unauthenticated());
        }
        const body = matchStringFields<{ name: string; statusType?: string }>(request.content ?? {}, { name: 'required', statusType: 'maybe' });
        if (!body.ok) {
            return failure(body.error);
        }
        const canManage = await canManageCustomStatuses(read, request.user);
        const saved = await saveCustomStatus(
            customStatusAccess(this.app, read, persistence),
            { name: body.value.name, statusType: body.value.statusType || '' },
            canManage,
        );
        return saved.ok ? success({ customUserStatus: saved.value }) : failure(saved.error);
    }
}
