import qs from 'qs';
import { HttpError } from './types';

/*
 * Rocket.Chat parses a request with express 4's parsers before a route sees it
 * (apps/meteor/app/api/server/api.ts: `express.json({limit:'50mb'})`,
 * `express.urlencoded({extended:true, limit:'50mb'})`, `express.query({})`; the apps API bridge,
 * apps/meteor/app/apps/server/bridges/api.ts, is a plain `express()` app). Both query and form
 * parsers are `qs` with `allowPrototypes: true`, which still drops a `__proto__` key: an app never
 * receives one from the query string or a form body. A JSON body keeps it (JSON.parse).
 */

/** The query an app endpoint gets as `request.query` (express 4's extended query parser). */
export function expressQuery(rawQuery: string): Record<string, unknown> {
    return qs.parse(rawQuery, { allowPrototypes: true }) as Record<string, unknown>;
}

const FORM_PARAMETER_LIMIT = 1000;
const FORM_DEPTH = 32;

/**
 * A form body as body-parser 1.20's extended urlencoded parser reads it: over 1,000 parameters is a
 * 413, nesting deeper than 32 a 400.
 */
export function urlencodedBody(text: string): Record<string, unknown> {
    const parameters = text.split('&').length;
    if (parameters > FORM_PARAMETER_LIMIT) {
        throw new HttpError(413, { success: false, error: 'too many parameters [error-payload-too-large]' });
    }
    try {
        return qs.parse(text, {
            allowPrototypes: true,
            arrayLimit: Math.max(100, parameters),
            depth: FORM_DEPTH,
            strictDepth: true,
            parameterLimit: FORM_PARAMETER_LIMIT,
        }) as Record<string, unknown>;
    } catch (err) {
        if (err instanceof RangeError) throw new HttpError(400, { success: false, error: 'The input exceeded the depth [error-invalid-body]' });
        throw err;
    }
}

/**
 * The query the workspace's own routes read: one string per name (the last wins). Rocket.Chat's REST
 * router parses with `qs` too (packages/http-router/src/parseQueryParams.ts), which drops `__proto__`.
 */
export function coreQuery(params: URLSearchParams): Record<string, string> {
    const query: Record<string, string> = {};
    for (const [key, value] of params) {
        if (key === '__proto__') continue;
        query[key] = value;
    }
    return query;
}
