import type { AppApi } from '@rocket.chat/apps-engine/server/managers/AppApi';

interface Registered {
    api: AppApi;
    pattern: RegExp;
    paramNames: string[];
}

/** The app endpoints registered through the API bridge, matched like Rocket.Chat's express router. */
export class AppEndpoints {
    private readonly byApp = new Map<string, Registered[]>();

    public register(appId: string, api: AppApi): void {
        const list = (this.byApp.get(appId) ?? []).filter((r) => r.api.endpoint.path !== api.endpoint.path);
        const paramNames: string[] = [];
        const source = api.endpoint.path
            .replace(/^\/+|\/+$/g, '')
            .split('/')
            .map((segment) => {
                if (segment.startsWith(':')) {
                    paramNames.push(segment.slice(1).replace(/\?$/, ''));
                    return '([^/]+)';
                }
                return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
            })
            .join('/');
        list.push({ api, pattern: new RegExp(`^${source}/?$`), paramNames });
        this.byApp.set(appId, list);
    }

    public unregisterAll(appId: string): void {
        this.byApp.delete(appId);
    }

    public match(appId: string, subPath: string): { api: AppApi; params: Record<string, string> } | undefined {
        const clean = subPath.replace(/^\/+/, '');
        for (const r of this.byApp.get(appId) ?? []) {
            const m = r.pattern.exec(clean);
            if (m) {
                const params: Record<string, string> = {};
                r.paramNames.forEach((name, i) => {
                    params[name] = decodeURIComponent(m[i + 1]);
                });
                return { api: r.api, params };
            }
        }
        return undefined;
    }
}
