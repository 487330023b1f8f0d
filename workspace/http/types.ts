import type { IncomingMessage, ServerResponse } from 'http';
import type { UserDoc } from '../services/Users';

export interface RequestContext {
    req: IncomingMessage;
    res: ServerResponse;
    method: string;
    path: string;
    query: Record<string, string>;
    /** The query string as sent (without `?`), for parsers that read it as Rocket.Chat's do. */
    rawQuery: string;
    params: Record<string, string>;
    /** Parsed body (JSON or form); undefined when none was sent. */
    body: unknown;
    rawBody: Buffer;
    /** The caller from X-User-Id / X-Auth-Token, when valid. */
    user: UserDoc | null;
    /** Whether auth headers were sent at all. */
    triedAuth: boolean;
    /** The server instance serving this request (its app runtime handles what the request causes). */
    instance: number;
}

/** What a handler answers; `raw` means the handler wrote the response itself. */
export type HandlerResult = { status: number; body: unknown; headers?: Record<string, string> } | { raw: true };

export type Handler = (ctx: RequestContext) => Promise<HandlerResult>;

export class HttpError extends Error {
    constructor(
        public readonly status: number,
        public readonly body: Record<string, unknown>,
    ) {
        super(String(body.error ?? body.message ?? status));
    }
}
