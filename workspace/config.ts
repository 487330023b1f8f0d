import * as path from 'path';

export interface WorkspaceConfig {
    port: number;
    host: string;
    dataDir: string;
    adminUsername: string;
    adminPassword?: string;
    appPackage?: string;
    maxConnections: number;
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
        maxConnections: Number(env.MAX_CONNECTIONS ?? 200) || 200,
        version: WORKSPACE_VERSION,
    };
}
