import { AppError, forbidden, invalid, ruleError } from '../AppError';

/** Rocket.Chat's own codes and texts for the status endpoints (SPEC.md section 2). */
export const StatusErrorCode = {
    NotAllowed: 'error-not-allowed',
    InvalidUser: 'error-invalid-user',
    InvalidStatus: 'error-invalid-status',
    StatusNotAllowed: 'error-status-not-allowed',
    InvalidDate: 'error-invalid-date',
} as const;

export const MATCH_ERROR_TEXT = 'Match error: Failed Match.OneOf, Match.Maybe or Match.Optional validation';

export const StatusErrors = {
    shape: (): AppError => invalid(MATCH_ERROR_TEXT),
    notAllowed: (): AppError => ruleError(StatusErrorCode.NotAllowed, 'Change status is not allowed'),
    unauthorized: (): AppError => forbidden(),
    invalidUser: (): AppError => ruleError(StatusErrorCode.InvalidUser, 'The required "userId" or "username" param provided does not match any users'),
    invalidStatus: (): AppError => ruleError(StatusErrorCode.InvalidStatus, 'Valid status types include online, away, offline, and busy.'),
    invisibleNotAllowed: (): AppError => ruleError(StatusErrorCode.StatusNotAllowed, 'Invisible status is disabled'),
    invalidDate: (): AppError => ruleError(StatusErrorCode.InvalidDate, 'The expiration date must be a valid ISO date in the future'),
};
