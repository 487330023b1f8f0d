import * as http from 'http';
import type { IncomingMessage, ServerResponse } from 'http';
import type { Router } from './Router';
import type { RequestContext, HandlerResult } from './types';
import { HttpError } from './types';
import type { Users } from '../services/Users';
import type { RoundRobin } from '../instances/RoundRobin';
import type { RestRateLimiter } from './rateLimiter';
import { coreQuery, urlencodedBody } from './expressParsers';

/** express.json / express.urlencoded `limit: '50mb'` (apps/meteor/app/api/server/api.ts). */
export const MAX_BODY_BYTES = 50 * 1024 * 1024;

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage): Promise<Buffer> {
    return new Promise((resolve, reject) => {
        const declared = Number(req.headers['content-length'] ?? 0);
        if (declared > MAX_BODY_BYTES) {
            reject(new BodyTooLarge());
            req.resume();
            return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        let tooLarge = false;
        req.on('data', (chunk: Buffer) => {
            if (tooLarge) return;
            size += chunk.length;
            if (size > MAX_BODY_BYTES) {
                tooLarge = true;
                reject(new BodyTooLarge());
                return;
            }
            chunks.push(chunk);
        });
        req.on('end', () => {
            if (!tooLarge) resolve(Buffer.concat(chunks));
        });
        req.on('error', reject);
    });
}

function parseBody(raw: Buffer, contentType: string): unknown {
    if (!raw.length) return undefined;
    const text = raw.toString('utf8');
    if (contentType.includes('application/x-www-form-urlencoded')) {
        return urlencodedBody(text);
    }
    if (contentType.includes('json') || !contentType) {
        try {
            return JSON.parse(text);
        } catch {
            throw new HttpError(400, { success: false, error: 'Invalid JSON body: the request body could not be parsed [error-invalid-body]' });
        }
    }
    return text;
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    if (res.headersSent) {
        res.end();
        return;
    }
    const hasType = Object.keys(headers).some((h) => h.toLowerCase() === 'content-type');
    let payload: string | Buffer;
    if (Buffer.isBuffer(body)) {
        payload = body;
    } else if (typeof body === 'string') {
        payload = body;
        if (!hasType) headers['Content-Type'] = 'text/plain; charset=utf-8';
    } else if (body === undefined || body === null) {
        payload = '';
    } else {
        payload = JSON.stringify(body);
        if (!hasType) headers['Content-Type'] = 'application/json';
    }
    res.writeHead(status, { ...headers, 'Content-Length': Buffer.byteLength(payload) });
    res.end(payload);
}

/**
 * The REST server: parsing, auth headers, routing, and Rocket.Chat-style errors (never a crash for bad
 * input). Each request is served by the next instance (`instances`, a load balancer's round robin),
 * named in the `X-Instance-Id` response header.
 */
export function createHttpServer(router: Router, users: Users, instances: RoundRobin, rateLimiters: RestRateLimiter[] = []): http.Server {
    return http.createServer((req, res) => {
        const instance = instances.take();
        res.setHeader('X-Instance-Id', String(instance));
        void handle(router, users, req, res, instance, rateLimiters[instance]);
    });
}

/** Core REST routes that answer without a login (the rest answer 401 before the rate limiter counts the call). */
const ANONYMOUS_CORE_ROUTES = new Set(['POST /api/v1/login']);

async function handle(router: Router, users: Users, req: IncomingMessage, res: ServerResponse, instance: number, rateLimiter?: RestRateLimiter): Promise<void> {
    try {
        const url = new URL(req.url ?? '/', 'http://localhost');
        const method = (req.method ?? 'GET').toUpperCase();
        const path = url.pathname.replace(/\/{2,}/g, '/');
        const matched = router.match(method, path);
        if (!matched) {
            req.resume();
            send(res, 404, { success: false, error: `Unknown path: ${method} ${path} [error-not-found]` });
            return;
        }
        if ('methodMismatch' in matched) {
            req.resume();
            send(res, 405, { success: false, error: `Method ${method} is not allowed on ${path} [error-method-not-allowed]` });
            return;
        }
        let rawBody: Buffer;
        try {
            rawBody = await readBody(req);
        } catch (err) {
            if (err instanceof BodyTooLarge) {
                send(
                    res,
                    413,
                    { success: false, error: `Request body larger than ${MAX_BODY_BYTES} bytes [error-payload-too-large]` },
                    { Connection: 'close' },
                );
                return;
            }
            throw err;
        }
        const body = parseBody(rawBody, String(req.headers['content-type'] ?? '').toLowerCase());
        const userId = req.headers['x-user-id'];
        const token = req.headers['x-auth-token'];
        const triedAuth = userId !== undefined || token !== undefined;
        const user = triedAuth && typeof userId === 'string' && typeof token === 'string' ? await users.resolveToken(token, userId) : null;
        // Rocket.Chat's core routes (API.v1) count the call against the route's rate limit, after the
        // login check and before anything else (apps/meteor/app/api/server/api.ts `enforceRateLimit`)
        const routeKey = `${method} ${matched.route}`;
        if (rateLimiter && matched.route.startsWith('/api/v1/') && (user || ANONYMOUS_CORE_ROUTES.has(routeKey))) {
            const verdict = rateLimiter.check(routeKey, req.socket.remoteAddress ?? '', user);
            if (verdict) {
                for (const [name, value] of Object.entries(verdict.headers)) res.setHeader(name, value);
                if (verdict.refused) throw verdict.refused;
            }
        }
        const ctx: RequestContext = {
            req,
            res,
            method,
            path,
            query: coreQuery(url.searchParams),
            rawQuery: url.search.slice(1),
            params: matched.params,
            body,
            rawBody,
            user,
            triedAuth,
            instance,
        };
        const result: HandlerResult = await matched.handler(ctx);
        if ('raw' in result) return;
        send(res, result.status, result.body, result.headers);
    } catch (err) {
        if (err instanceof HttpError) {
            send(res, err.status, err.body);
            return;
        }
        console.error(`[workspace] ${req.method} ${req.url?.split('?')[0]} failed: ${err instanceof Error ? err.message : String(err)}`);
        send(res, 500, { success: false, error: 'Internal server error' });
    }
}
