import { AppError, invalid, Result, fail, ok } from '../AppError';

/**
 * A small copy of Meteor's `check(value, {key: String, other: Match.Maybe(String)})` for plain
 * objects of strings, with its exact error texts: Rocket.Chat answers a failed check with
 * 400 `{success:false, error:'Match error: ...'}`. Inside an object pattern Meteor tests a
 * `Match.Maybe(String)` key against `String` alone, so `null` fails there too.
 */
export type StringFieldPattern = Record<string, 'required' | 'maybe'>;

const JS_KEYWORDS = new Set([
    'do',
    'if',
    'in',
    'for',
    'let',
    'new',
    'try',
    'var',
    'case',
    'else',
    'enum',
    'eval',
    'false',
    'null',
    'this',
    'true',
    'void',
    'with',
    'break',
    'catch',
    'class',
    'const',
    'super',
    'throw',
    'while',
    'yield',
    'delete',
    'export',
    'import',
    'public',
    'return',
    'static',
    'switch',
    'typeof',
    'default',
    'extends',
    'finally',
    'package',
    'private',
    'continue',
    'debugger',
    'function',
    'arguments',
    'interface',
    'protected',
    'implements',
    'instanceof',
]);

function fieldPath(key: string): string {
    if (/^[0-9]+$/.test(key)) {
        return `[${key}]`;
    }
    if (!/^[a-z_$][0-9a-z_$]*$/i.test(key) || JS_KEYWORDS.has(key)) {
        return JSON.stringify([key]);
    }
    return key;
}

const typeName = (value: unknown): string => (value === null ? 'null' : typeof value);

function isPlainObject(value: unknown): value is Record<string, unknown> {
    if (typeof value !== 'object' || value === null) {
        return false;
    }
    const proto = Object.getPrototypeOf(value);
    return proto === Object.prototype || proto === null;
}

function matchError(message: string, path = ''): AppError {
    return invalid(`Match error: ${message}${path ? ` in field ${path}` : ''}`);
}

export function matchStringFields<T>(body: unknown, pattern: StringFieldPattern): Result<T> {
    if (typeof body !== 'object') {
        return fail(matchError(`Expected object, got ${typeof body}`));
    }
    if (body === null) {
        return fail(matchError('Expected object, got null'));
    }
    if (!isPlainObject(body)) {
        return fail(matchError('Expected plain object'));
    }
    const required = new Set(Object.keys(pattern).filter((key) => pattern[key] === 'required'));
    for (const key of Object.keys(body)) {
        if (!Object.prototype.hasOwnProperty.call(pattern, key)) {
            return fail(matchError('Unknown key', key));
        }
        const value = body[key];
        if (typeof value !== 'string') {
            return fail(matchError(`Expected string, got ${typeName(value)}`, fieldPath(key)));
        }
        required.delete(key);
    }
    const [missing] = [...required];
    if (missing !== undefined) {
        return fail(matchError(`Missing key '${missing}'`));
    }
    return ok(body as T);
}
