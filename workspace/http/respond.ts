import type { HandlerResult } from './types';
import { HttpError } from './types';

/** Rocket.Chat's REST envelope (API.v1.success / failure / unauthorized / forbidden / notFound). */
export const ok = (body: Record<string, unknown> = {}): HandlerResult => ({ status: 200, body: { ...body, success: true } });

export const failure = (error: string, errorType?: string, extra: Record<string, unknown> = {}): HttpError =>
    new HttpError(400, { success: false, error, ...(errorType ? { errorType } : {}), ...extra });

export const unauthorized = (): HttpError =>
    new HttpError(401, { success: false, status: 'error', message: 'You must be logged in to do this.', error: 'You must be logged in to do this.' });

export const forbidden = (): HttpError =>
    new HttpError(403, { success: false, error: 'User does not have the permissions required for this action [error-unauthorized]' });

export const notFound = (error = 'Resource not found'): HttpError => new HttpError(404, { success: false, error });

/**
 * A thrown Meteor.Error as Rocket.Chat's REST wrapper answers it (apps/meteor/app/api/server/api.ts:
 * `API.v1.failure(e.message, e.error, undefined, e)`): the message is `<reason> [<error>]`, `details` when given.
 */
export const meteorError = (error: string, reason: string, details?: Record<string, unknown>): HttpError =>
    new HttpError(400, { success: false, error: `${reason} [${error}]`, errorType: error, ...(details ? { details } : {}) });
