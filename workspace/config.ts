import * as path from 'path';

export interface WorkspaceConfig {
    port: number;
    host: string;
    dataDir: string;
    adminUsername: string;
    adminPassword?: string;
    appPackage?: string;
    /** `EXTRA_APP_PACKAGES=<zip>[,<zip>]`: more packages installed and enabled beside the app (e.g. the bench's fixture app). */
    extraAppPackages: string[];
    /** `LICENSE=enterprise`: a license with the presence module, so no 200-connection cap. */
    license?: 'enterprise';
    /** How often each instance's scheduler looks for due jobs (Agenda's processEvery in Rocket.Chat: 5 s). */
    schedulerTickMs: number;
    /** `INSTANCES`: server instances over the one store, each with its own app runtime (default 1). */
    instances: number;
    /** `ROOT_URL`: the public address, Site_Url's value on the first start (as Rocket.Chat's ROOT_URL). */
    rootUrl?: string;
    version: string;
}

export const WORKSPACE_VERSION = '7.10.0';

export function readConfig(env: NodeJS.ProcessEnv = process.env): WorkspaceConfig {
    const port = Number(env.PORT ?? 3000);
    return {
        port: Number.isInteger(port) && port >= 0 ? port : 3000,
        host: env.HOST ?? '127.0.0.1',
        dataDir: path.resolve(env.DATA_DIR ?? '.data'),
        adminUsername: env.ADMIN_USERNAME || 'admin',
        adminPassword: env.ADMIN_PASSWORD || undefined,
        appPackage: env.APP_PACKAGE ? path.resolve(env.APP_PACKAGE) : undefined,
        extraAppPackages: (env.EXTRA_APP_PACKAGES ?? '')
            .split(',')
            .map((p) => p.trim())
            .filter(Boolean)
            .map((p) => path.resolve(p)),
        license: env.LICENSE === 'enterprise' ? 'enterprise' : undefined,
        schedulerTickMs: positiveInt(env.SCHEDULER_TICK_MS, 5000),
        instances: positiveInt(env.INSTANCES, 1),
        rootUrl: env.ROOT_URL || undefined,
        version: WORKSPACE_VERSION,
    };
}

function positiveInt(raw: string | undefined, fallback: number): number {
    const n = Number(raw);
    return raw !== undefined && raw !== '' && Number.isInteger(n) && n > 0 ? n : fallback;
}
