import { noticeOf } from './notice';

/** Rocket.Chat's REST API as its clients call it: `X-User-Id` / `X-Auth-Token`, JSON bodies. */
export interface Credentials {
    userId: string;
    authToken: string;
}

export class RestError extends Error {
    constructor(
        public readonly status: number,
        public readonly body: unknown,
    ) {
        super(RestError.describe(status, body));
    }

    private static describe(status: number, body: unknown): string {
        if (body && typeof body === 'object') {
            const b = body as { error?: unknown; message?: unknown };
            if (typeof b.error === 'string') return b.error;
            if (typeof b.message === 'string') return b.message;
        }
        return typeof body === 'string' && body ? body : `HTTP ${status}`;
    }
}

export type Query = Record<string, string | number | undefined>;

export class Rest {
    private credentials?: Credentials;
    private readonly noticeListeners = new Set<(notice: string) => void>();

    constructor(private readonly baseUrl = '') {}

    public setCredentials(credentials: Credentials | undefined): void {
        this.credentials = credentials;
    }

    public get userId(): string | undefined {
        return this.credentials?.userId;
    }

    /** Called with the `notice` an app endpoint's answer carries (given once per user and turn-off, so never lost). */
    public onNotice(listener: (notice: string) => void): () => void {
        this.noticeListeners.add(listener);
        return () => {
            this.noticeListeners.delete(listener);
        };
    }

    public get<T = Record<string, unknown>>(path: string, query?: Query): Promise<T> {
        return this.request<T>('GET', path, undefined, query);
    }

    public post<T = Record<string, unknown>>(path: string, body?: unknown): Promise<T> {
        return this.request<T>('POST', path, body ?? {});
    }

    public async request<T>(method: string, path: string, body?: unknown, query?: Query): Promise<T> {
        const qs = query
            ? Object.entries(query)
                  .filter(([, v]) => v !== undefined)
                  .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
                  .join('&')
            : '';
        const headers: Record<string, string> = {};
        if (this.credentials) {
            headers['X-User-Id'] = this.credentials.userId;
            headers['X-Auth-Token'] = this.credentials.authToken;
        }
        if (body !== undefined) headers['Content-Type'] = 'application/json';
        const res = await fetch(`${this.baseUrl}${path}${qs ? `?${qs}` : ''}`, {
            method,
            headers,
            body: body === undefined ? undefined : JSON.stringify(body),
        });
        const text = await res.text();
        let parsed: unknown = text;
        if ((res.headers.get('content-type') ?? '').includes('json') && text) {
            try {
                parsed = JSON.parse(text);
            } catch {
                parsed = text;
            }
        }
        const notice = noticeOf(path, parsed);
        if (notice) for (const listener of this.noticeListeners) listener(notice);
        if (!res.ok) throw new RestError(res.status, parsed);
        return parsed as T;
    }
}
