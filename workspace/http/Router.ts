import type { Handler } from './types';

interface Route {
    method: string;
    path: string;
    pattern: RegExp;
    keys: string[];
    handler: Handler;
}

/** A small router: `/api/v1/settings/:id`, `/api/apps/public/:appId/*` (the rest lands in params['*']). */
export class Router {
    private readonly routes: Route[] = [];

    public add(method: string, path: string, handler: Handler): this {
        const keys: string[] = [];
        const source = path
            .split('/')
            .map((seg) => {
                if (seg === '*') {
                    keys.push('*');
                    return '(.*)';
                }
                if (seg.startsWith(':')) {
                    keys.push(seg.slice(1));
                    return '([^/]+)';
                }
                return seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
            })
            .join('/');
        this.routes.push({ method: method.toUpperCase(), path, pattern: new RegExp(`^${source}/?$`), keys, handler });
        return this;
    }

    public get(path: string, handler: Handler): this {
        return this.add('GET', path, handler);
    }

    public post(path: string, handler: Handler): this {
        return this.add('POST', path, handler);
    }

    /** The route for this method and path (`route`: its pattern); `methodMismatch` when the path exists for other methods only. */
    public match(method: string, path: string): { handler: Handler; params: Record<string, string>; route: string } | { methodMismatch: true } | undefined {
        let pathMatched = false;
        for (const route of this.routes) {
            const m = route.pattern.exec(path);
            if (!m) continue;
            if (route.method !== '*' && route.method !== method && !(method === 'HEAD' && route.method === 'GET')) {
                pathMatched = true;
                continue;
            }
            const params: Record<string, string> = {};
            route.keys.forEach((k, i) => {
                try {
                    params[k] = decodeURIComponent(m[i + 1] ?? '');
                } catch {
                    params[k] = m[i + 1] ?? '';
                }
            });
            return { handler: route.handler, params, route: route.path };
        }
        return pathMatched ? { methodMismatch: true } : undefined;
    }
}
