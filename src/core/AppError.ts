/**
 * Errors are values. Each kind maps to one of Rocket.Chat's REST failure shapes
 * (see SPEC.md section 2); adapters turn them into a REST body, an ephemeral line
 * or a modal field error.
 */
export type AppError =
    /** not logged in: 401 with Rocket.Chat's "You must be logged in to do this." */
    | { kind: 'unauthenticated' }
    /** lacks the right to act on another user: 403 `{error: 'unauthorized'}` */
    | { kind: 'forbidden' }
    /** a named rule broken: 400 `{errorType: code, error: '<reason> [<code>]'}` */
    | { kind: 'rule'; code: string; reason: string }
    /** a body of the wrong shape or a plain-text failure: 400 `{error: text}` */
    | { kind: 'invalid'; text: string }
    /** parameters a route's schema refuses: 400 `{errorType: 'error-invalid-params', error: text}` (Rocket.Chat's router) */
    | { kind: 'params'; text: string };

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(error: AppError): Result<T> => ({ ok: false, error });

export const unauthenticated = (): AppError => ({ kind: 'unauthenticated' });
export const forbidden = (): AppError => ({ kind: 'forbidden' });
export const ruleError = (code: string, reason: string): AppError => ({ kind: 'rule', code, reason });
export const invalid = (text: string): AppError => ({ kind: 'invalid', text });
export const invalidParams = (text: string): AppError => ({ kind: 'params', text });

/** Rocket.Chat's Meteor.Error text: "<reason> [<code>]", or "[<code>]" when there is no reason. */
export function errorText(error: AppError): string {
    switch (error.kind) {
        case 'unauthenticated':
            return 'You must be logged in to do this.';
        case 'forbidden':
            return 'unauthorized';
        case 'rule':
            return error.reason ? `${error.reason} [${error.code}]` : `[${error.code}]`;
        case 'invalid':
        case 'params':
            return error.text;
    }
}
