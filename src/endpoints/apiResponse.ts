import { HttpStatusCode } from '@rocket.chat/apps-engine/definition/accessors';
import { IApiResponse } from '@rocket.chat/apps-engine/definition/api';

import { AppError, errorText } from '../core/AppError';

const JSON_HEADERS = { 'Content-Type': 'application/json' };

export function success(content: Record<string, unknown> = {}): IApiResponse {
    return { status: HttpStatusCode.OK, headers: JSON_HEADERS, content: { ...content, success: true } };
}

/** The exact failure bodies of Rocket.Chat's REST API (SPEC.md section 2). */
export function failure(error: AppError, extra: Record<string, unknown> = {}): IApiResponse {
    const respond = (status: HttpStatusCode, content: Record<string, unknown>) => ({
        status,
        headers: JSON_HEADERS,
        content: { success: false, ...content, ...extra },
    });
    switch (error.kind) {
        case 'unauthenticated': {
            const message = errorText(error);
            return respond(HttpStatusCode.UNAUTHORIZED, { status: 'error', message, error: message });
        }
        case 'forbidden':
            return respond(HttpStatusCode.FORBIDDEN, { error: errorText(error) });
        case 'rule':
            return respond(HttpStatusCode.BAD_REQUEST, { errorType: error.code, error: errorText(error) });
        case 'invalid':
            return respond(HttpStatusCode.BAD_REQUEST, { error: errorText(error) });
        case 'params':
            return respond(HttpStatusCode.BAD_REQUEST, { errorType: 'error-invalid-params', error: errorText(error) });
    }
}
