import { IHttp, IModify, IPersistence, IRead } from '@rocket.chat/apps-engine/definition/accessors';
import { ApiEndpoint, IApiEndpointInfo, IApiRequest, IApiResponse } from '@rocket.chat/apps-engine/definition/api';

import { unauthenticated } from '../core/AppError';
import { CustomStatusErrors } from '../core/customStatus/CustomUserStatus';
import { canManageCustomStatuses, deleteCustomStatus } from '../services/CustomStatusService';
import { failure, success } from './apiResponse';
import { customStatusAccess } from './customStatusEndpointContext';

/** `POST custom-user-status.delete {customUserStatusId}` → `{success}`. Users showing it keep their status. */
export class CustomUserStatusDeleteEndpoint extends ApiEndpoint {
    public path = 'custom-user-status.delete';

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
        const id: unknown = (request.content ?? {}).customUserStatusId;
        if (!id) {
            return failure(CustomStatusErrors.deleteIdRequired());
        }
        const canManage = await canManageCustomStatuses(read, request.user);
        const deleted = await deleteCustomStatus(customStatusAccess(this.app, read, persistence), String(id), canManage);
        return deleted.ok ? success() : failure(deleted.error);
    }
}
