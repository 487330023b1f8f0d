import { IHttp, IModify, IPersistence, IRead } from '@rocket.chat/apps-engine/definition/accessors';
import { ApiEndpoint, IApiEndpointInfo, IApiRequest, IApiResponse } from '@rocket.chat/apps-engine/definition/api';

import { unauthenticated } from '../core/AppError';
import { CustomStatusErrors } from '../core/customStatus/CustomUserStatus';
import { matchStringFields } from '../core/customStatus/matchBody';
import { CustomStatusRepository } from '../storage/CustomStatusRepository';
import { canManageCustomStatuses, saveCustomStatus } from '../services/CustomStatusService';
import { failure, success } from './apiResponse';
import { customStatusAccess } from './customStatusEndpointContext';

/** `POST custom-user-status.update {_id, name, statusType?}`: the id must exist before any rule is checked. */
export class CustomUserStatusUpdateEndpoint extends ApiEndpoint {
    public path = 'custom-user-status.update';

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
        const body = matchStringFields<{ _id: string; name: string; statusType?: string }>(request.content ?? {}, {
            _id: 'required',
            name: 'required',
            statusType: 'maybe',
        });
        if (!body.ok) {
            return failure(body.error);
        }
        const { _id, name, statusType } = body.value;
        if (!(await new CustomStatusRepository(read.getPersistenceReader()).findById(_id))) {
            return failure(CustomStatusErrors.notFoundForUpdate(_id));
        }
        const canManage = await canManageCustomStatuses(read, request.user);
        const saved = await saveCustomStatus(customStatusAccess(this.app, read, persistence), { _id, name, statusType }, canManage);
        return saved.ok ? success({ customUserStatus: saved.value }) : failure(saved.error);
    }
}
