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
    /**
     * `SCHEDULER_SCAN=off`: a local diagnostic for benches, not Rocket.Chat's behaviour: no instance
     * scans for or locks jobs by itself, so only `POST /api/workspace/jobs.runDue` runs them.
     */
    schedulerScan: boolean;
    /** `INSTANCES`: server instances over the one store, each with its own app runtime (default 1). */
    instances: number;
    /**
     * Rocket.Chat's timing (each knob may shorten it for tests, never remove it or lengthen it):
     * - `connectionsRefreshMs` (`CONNECTIONS_REFRESH_MS`, 30000): `updateConns`' throttle, how often an
     *   instance publishes its connection count (apps/meteor/server/startup/presence.ts);
     * - `settingsDebounceMs` (`SETTINGS_DEBOUNCE_MS`, 500): the debounce of `settings.watch` callbacks
     *   (apps/meteor/app/settings/server/CachedSettings.ts);
     * - `appLogsTtlMs` (`APP_LOGS_TTL_MS`, unset: the `Apps_Logs_TTL` setting, 30 days) and
     *   `appLogsSweepMs` (`APP_LOGS_SWEEP_MS`, 60000: MongoDB's TTL monitor pass).
     */
    connectionsRefreshMs: number;
    settingsDebounceMs: number;
    appLogsTtlMs?: number;
    appLogsSweepMs: number;
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
        schedulerScan: env.SCHEDULER_SCAN !== 'off',
        instances: positiveInt(env.INSTANCES, 1),
        connectionsRefreshMs: shorterOnly(env.CONNECTIONS_REFRESH_MS, CONNECTIONS_REFRESH_MS),
        settingsDebounceMs: shorterOnly(env.SETTINGS_DEBOUNCE_MS, SETTINGS_DEBOUNCE_MS),
        appLogsTtlMs: env.APP_LOGS_TTL_MS ? shorterOnly(env.APP_LOGS_TTL_MS, APP_LOGS_TTL_MAX_MS) : undefined,
        appLogsSweepMs: shorterOnly(env.APP_LOGS_SWEEP_MS, APP_LOGS_SWEEP_MS),
        rootUrl: env.ROOT_URL || undefined,
        version: WORKSPACE_VERSION,
    };
}

/** Rocket.Chat's delays (see WorkspaceConfig). */
export const CONNECTIONS_REFRESH_MS = 30_000;
export const SETTINGS_DEBOUNCE_MS = 500;
export const APP_LOGS_SWEEP_MS = 60_000;
const APP_LOGS_TTL_MAX_MS = 30 * 86_400_000;

/** A knob that may shorten Rocket.Chat's delay (a positive whole number of ms), never remove or lengthen it. */
function shorterOnly(raw: string | undefined, rocketChat: number): number {
    return Math.min(positiveInt(raw, rocketChat), rocketChat);
}

function positiveInt(raw: string | undefined, fallback: number): number {
    const n = Number(raw);
    return raw !== undefined && raw !== '' && Number.isInteger(n) && n > 0 ? n : fallback;
}
