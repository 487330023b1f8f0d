import { HttpStatusCode, IHttp, IModify, IPersistence, IRead } from '@rocket.chat/apps-engine/definition/accessors';
import { IApiEndpoint, IApiEndpointInfo, IApiRequest, IApiResponse } from '@rocket.chat/apps-engine/definition/api';
import { IUser } from '@rocket.chat/apps-engine/definition/users';

import { Result, unauthenticated } from '../core/AppError';
import { noteAdmin } from '../services/presence/admins';
import { takeInactiveNotice } from '../services/presence/notices';
import { isConnected, onlineTally } from '../services/presence/OnlineTally';
import { PresenceApp, describeError } from '../services/presence/PresenceApp';
import { readPresenceStateForRequest } from '../services/presence/presenceSwitch';
import { PresenceState } from '../storage/presence/PresenceStateRepository';
import { ChangeEnv } from '../services/change/ChangeEnv';
import { failure, success } from './apiResponse';
import { ChangeErrors } from '../core/change/changeErrors';

/** One call of an app endpoint, with the logged-in caller. */
export interface EndpointCall {
    request: IApiRequest;
    user: IUser;
    read: IRead;
    modify: IModify;
    http: IHttp;
    persistence: IPersistence;
    /** the same accessors with the app, for a change (`services/change/runChange`) */
    env: ChangeEnv;
    /** the presence state, read once per call (started with the call, so it joins the handler's first round of reads) */
    presenceState(): Promise<PresenceState>;
}

/** A handler answers a body (success) or an error value; it may also answer a ready response. */
export type EndpointHandler = (call: EndpointCall) => Promise<Result<Record<string, unknown>> | IApiResponse>;

type Method = 'get' | 'post';

const isResult = (value: Result<Record<string, unknown>> | IApiResponse): value is Result<Record<string, unknown>> => 'ok' in value;

/**
 * Every endpoint of the app goes through here: a missing login is answered in Rocket.Chat's
 * envelope (the endpoints are registered without `authRequired` for that), admins are noted, the
 * caller is observed for the estimate of users online, the inactive-presence notice rides on the first
 * answer after a turn-off (`notice`), and an unexpected failure answers a 400 in Rocket.Chat's
 * format instead of the engine's 500.
 */
export function appEndpoint(app: PresenceApp, path: string, handlers: Partial<Record<Method, EndpointHandler>>): IApiEndpoint {
    const endpoint: IApiEndpoint = { path };
    for (const [method, handler] of Object.entries(handlers) as Array<[Method, EndpointHandler]>) {
        endpoint[method] = async (
            request: IApiRequest,
            _info: IApiEndpointInfo,
            read: IRead,
            modify: IModify,
            http: IHttp,
            persistence: IPersistence,
        ): Promise<IApiResponse> => {
            const user = request.user;
            if (!user) {
                return failure(unauthenticated());
            }
            let state: Promise<PresenceState> | undefined;
            const presenceState = () => (state ??= readPresenceStateForRequest(app, { read }));
            // best effort: what rides along a request never fails it, nor undoes what it did
            const alongside = <T>(what: string, task: () => Promise<T>): Promise<T | undefined> =>
                task().catch((error: unknown) => {
                    app.getLogger().warn(`${path}: ${what} failed: ${describeError(error)}`);
                    return undefined;
                });
            onlineTally.observeRead(user.id, isConnected(user.statusConnection));
            let answer: Result<Record<string, unknown>> | IApiResponse;
            try {
                presenceState().catch(() => undefined);
                [answer] = await Promise.all([
                    handler({ request, user, read, modify, http, persistence, env: { app, read, modify, http, persis: persistence }, presenceState }),
                    alongside('noting an admin', () => noteAdmin({ read, persis: persistence }, user)),
                ]);
            } catch (error) {
                app.getLogger().error(`${method.toUpperCase()} ${path} failed: ${describeError(error)}`);
                return failure(ChangeErrors.nothingChanged());
            }
            if (!isResult(answer)) {
                return answer;
            }
            const notice = await alongside('the presence notice', async () =>
                takeInactiveNotice({ app, read, modify, http, persis: persistence }, user, await presenceState()),
            );
            const extra = notice ? { notice } : {};
            return answer.ok ? success({ ...answer.value, ...extra }) : failure(answer.error, extra);
        };
    }
    for (const method of OTHER_METHODS) {
        endpoint[method] ??= async () => notServed(method);
    }
    return endpoint;
}

const OTHER_METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options'] as const;

/**
 * A method the endpoint does not serve, answered as Rocket.Chat's REST router answers one of its
 * routes (packages/http-router/src/Router.ts, on Hono): `404 Not Found` as text (HEAD: no body),
 * OPTIONS `200 OK`; on a real server the engine would otherwise answer a 500 for it.
 */
function notServed(method: (typeof OTHER_METHODS)[number]): IApiResponse {
    if (method === 'options') {
        return { status: HttpStatusCode.OK, headers: { 'Content-Type': 'text/plain; charset=UTF-8' }, content: 'OK' };
    }
    return {
        status: HttpStatusCode.NOT_FOUND,
        headers: { 'Content-Type': 'text/plain; charset=UTF-8' },
        ...(method === 'head' ? {} : { content: '404 Not Found' }),
    };
}
