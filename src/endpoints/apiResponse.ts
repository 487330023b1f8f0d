import { HttpStatusCode } from '@rocket.chat/apps-engine/definition/accessors';
import { IApiResponse } from '@rocket.chat/apps-engine/definition/api';

import { AppError, errorText } from '../core/AppError';

const JSON_HEADERS = { 'Content-Type': 'application/json' };

export function success(content: Record<string, unknown> = {}): IApiResponse {
    return { status: HttpStatusCode.OK, headers: JSON_HEADERS, content: { ...content, success: true } };
}

/** The exact failure bodies of Rocket.Chat's REST API (SPEC.md section 2). */
export function failure(error: AppError): IApiResponse {
    switch (error.kind) {
        case 'unauthenticated': {
            const message = errorText(error);
            return { status: HttpStatusCode.UNAUTHORIZED, headers: JSON_HEADERS, content: { success: false, status: 'error', message, error: message } };
        }
        case 'forbidden':
            return { status: HttpStatusCode.FORBIDDEN, headers: JSON_HEADERS, content: { success: false, error: errorText(error) } };
        case 'rule':
            return { status: HttpStatusCode.BAD_REQUEST, headers: JSON_HEADERS, content: { success: false, errorType: error.code, error: errorText(error) } };
        case 'invalid':
            return { status: HttpStatusCode.BAD_REQUEST, headers: JSON_HEADERS, content: { success: false, error: errorText(error) } };
    }
}
