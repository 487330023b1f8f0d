import type { RequestContext } from './types';
import type { UserDoc } from '../services/Users';
import { failure, forbidden, unauthorized } from './respond';

export function requireUser(ctx: RequestContext): UserDoc {
    if (!ctx.user) throw unauthorized();
    return ctx.user;
}

export function requireAdmin(ctx: RequestContext): UserDoc {
    const user = requireUser(ctx);
    if (!user.roles.includes('admin')) throw forbidden();
    return user;
}

/** The JSON body as an object (a missing body is `{}`); anything else is a 400. */
export function bodyObject(ctx: RequestContext): Record<string, unknown> {
    if (ctx.body === undefined) return {};
    if (typeof ctx.body !== 'object' || ctx.body === null || Array.isArray(ctx.body)) {
        throw failure('The request body must be a JSON object [error-invalid-body]');
    }
    return ctx.body as Record<string, unknown>;
}

export function optionalString(value: unknown, name: string): string | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string') throw failure(`Match error: Expected string, got ${typeof value} in field ${name}`);
    return value;
}

export function requiredString(value: unknown, name: string): string {
    const s = optionalString(value, name);
    if (!s) throw failure(`The '${name}' param is required [error-invalid-params]`, 'error-invalid-params');
    return s;
}
