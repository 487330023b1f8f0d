import { IApp } from '@rocket.chat/apps-engine/definition/IApp';
import { IApiEndpoint } from '@rocket.chat/apps-engine/definition/api';

import { fail, ok } from '../core/AppError';
import { CustomStatusErrors } from '../core/customStatus/CustomUserStatus';
import { listCustomStatuses, parseListQuery } from '../core/customStatus/listQuery';
import { matchStringFields } from '../core/customStatus/matchBody';
import { deleteCustomStatus, listAllCustomStatuses, saveCustomStatus } from '../services/CustomStatusService';
import { canManageUserStatus } from '../services/rights';
import { CustomStatusRepository } from '../storage/CustomStatusRepository';
import { RecordStore } from '../storage/records';
import { appEndpoint } from './appEndpoint';
import { readPagingSettings } from './pagingSettings';

/** `GET custom-user-status.list` (any logged-in user): `name` substring, `_id`, paging, sort; sorted by name. */
export function customUserStatusListEndpoint(app: IApp): IApiEndpoint {
    return appEndpoint(app, 'custom-user-status.list', {
        get: async ({ request, read }) => {
            const query = parseListQuery(request.query ?? {}, await readPagingSettings(read));
            if (!query.ok) {
                return query;
            }
            const page = listCustomStatuses(await listAllCustomStatuses(read), query.value);
            return ok({ statuses: page.statuses, count: page.count, offset: page.offset, total: page.total });
        },
    });
}

/** `POST custom-user-status.create {name, statusType?}` → `{customUserStatus, success}`. */
export function customUserStatusCreateEndpoint(app: IApp): IApiEndpoint {
    return appEndpoint(app, 'custom-user-status.create', {
        post: async ({ request, user, read, env }) => {
            const body = matchStringFields<{ name: string; statusType?: string }>(request.content ?? {}, { name: 'required', statusType: 'maybe' });
            if (!body.ok) {
                return body;
            }
            const canManage = await canManageUserStatus(read, user);
            const saved = await saveCustomStatus(
                env,
                { source: 'rest', actor: user },
                { name: body.value.name, statusType: body.value.statusType || null },
                canManage,
            );
            return saved.ok ? ok({ customUserStatus: saved.value }) : saved;
        },
    });
}

/** `POST custom-user-status.update {_id, name, statusType?}`: the id must exist before any rule is checked. */
export function customUserStatusUpdateEndpoint(app: IApp): IApiEndpoint {
    return appEndpoint(app, 'custom-user-status.update', {
        post: async ({ request, user, read, env }) => {
            const body = matchStringFields<{ _id: string; name: string; statusType?: string }>(request.content ?? {}, {
                _id: 'required',
                name: 'required',
                statusType: 'maybe',
            });
            if (!body.ok) {
                return body;
            }
            const { _id, name, statusType } = body.value;
            if (!(await new CustomStatusRepository(new RecordStore(read.getPersistenceReader())).findById(_id))) {
                return fail(CustomStatusErrors.notFoundForUpdate(_id));
            }
            const canManage = await canManageUserStatus(read, user);
            const saved = await saveCustomStatus(env, { source: 'rest', actor: user }, { _id, name, statusType }, canManage);
            return saved.ok ? ok({ customUserStatus: saved.value }) : saved;
        },
    });
}

/** `POST custom-user-status.delete {customUserStatusId}` → `{success}`. Users showing it keep their status. */
export function customUserStatusDeleteEndpoint(app: IApp): IApiEndpoint {
    return appEndpoint(app, 'custom-user-status.delete', {
        post: async ({ request, user, read, env }) => {
            const id: unknown = (request.content ?? {}).customUserStatusId;
            if (!id) {
                return fail(CustomStatusErrors.deleteIdRequired());
            }
            const canManage = await canManageUserStatus(read, user);
            if (typeof id !== 'string') {
                // Rocket.Chat looks the id up as given: an array or an object names no record
                return fail(canManage ? CustomStatusErrors.invalidForDelete() : CustomStatusErrors.notAuthorized());
            }
            const deleted = await deleteCustomStatus(env, { source: 'rest', actor: user }, id, canManage);
            return deleted.ok ? ok({}) : deleted;
        },
    });
}
