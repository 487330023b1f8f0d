import { IHttp, IModify, IPersistence, IRead } from '@rocket.chat/apps-engine/definition/accessors';
import { ApiEndpoint, IApiEndpointInfo, IApiRequest, IApiResponse } from '@rocket.chat/apps-engine/definition/api';

import { unauthenticated } from '../core/AppError';
import { listCustomStatuses, parseListQuery } from '../core/customStatus/listQuery';
import { listAllCustomStatuses } from '../services/CustomStatusService';
import { failure, success } from './apiResponse';
import { readPagingSettings } from './customStatusEndpointContext';

/** `GET custom-user-status.list` (any logged-in user): `name` substring, `_id`, paging, sort; sorted by name. */
export class CustomUserStatusListEndpoint extends ApiEndpoint {
    public path = 'custom-user-status.list';

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
        const query = parseListQuery(request.query ?? {}, await readPagingSettings(read));
        if (!query.ok) {
            return failure(query.error);
        }
        const page = listCustomStatuses(await listAllCustomStatuses(read), query.value);
        return success({ statuses: page.statuses, count: page.count, offset: page.offset, total: page.total });
    }
}
