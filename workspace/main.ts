import * as fs from 'fs';
import * as path from 'path';
import type { AddressInfo } from 'net';
import { readConfig } from './config';
import { Store } from './store/Store';
import { Events } from './services/Events';
import { Users } from './services/Users';
import { Settings } from './services/Settings';
import { Rooms } from './services/Rooms';
import { Presence } from './services/Presence';
import { Permissions } from './services/Permissions';
import { RestRateLimiter } from './http/rateLimiter';
import { FileAppLogStorage, appLogsTtlMs } from './engine/FileAppLogStorage';
import { watchPresenceTroubleshoot } from './services/presenceTroubleshoot';
import { JobStore } from './scheduler/JobStore';
import { ClusterBus } from './instances/ClusterBus';
import { createInstance } from './instances/AppInstance';
import { Cluster } from './instances/Cluster';
import { newDiagnostics } from './instances/Diagnostics';
import { RoundRobin } from './instances/RoundRobin';
import { Router } from './http/Router';
import { createHttpServer } from './http/HttpServer';
import { coreRoutes } from './http/routes/core';
import { userRoutes } from './http/routes/users';
import { presenceRoutes } from './http/routes/presence';
import { permissionRoutes } from './http/routes/permissions';
import { workspaceRoutes } from './http/routes/workspace';
import { perfRoutes } from './http/routes/perf';
import { roomRoutes } from './http/routes/rooms';
import { appRoutes } from './http/routes/apps';
import { webRoutes } from './http/routes/web';
import { DdpServer } from './ddp/DdpServer';
import { ensureAdmin } from './admin';
import type { Workspace } from './Workspace';

const log = (line: string) => process.stdout.write(`[workspace] ${line}\n`);
/** The Apps-Engine this process runs (the project's, or APPS_ENGINE_DIR's in the compatibility run). */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ENGINE_VERSION = (require('@rocket.chat/apps-engine/package.json') as { version: string }).version;

/** The newest dist/user-status_*.zip, when APP_PACKAGE is not given. */
function defaultPackage(): string | undefined {
    const dist = path.resolve(__dirname, '..', 'dist');
    if (!fs.existsSync(dist)) return undefined;
    const zips = fs
        .readdirSync(dist)
        .filter((f) => f.endsWith('.zip'))
        .map((f) => path.join(dist, f))
        .sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs);
    return zips[0];
}

async function main(): Promise<void> {
    const config = readConfig();
    log(`data in ${config.dataDir}`);
    const store = new Store(config.dataDir);
    await store.open();
    const events = new Events();
    const users = new Users(store, events);
    await users.load();
    const settings = new Settings(store);
    const createdSettings = await settings.load(config.rootUrl ?? `http://127.0.0.1:${config.port}`);
    settings.createCaches(config.instances, config.settingsDebounceMs);
    const rooms = new Rooms(store);
    await rooms.ensureGeneral();
    const presence = new Presence(users, events, settings, config.license === 'enterprise', config.instances, config.connectionsRefreshMs);
    await presence.start();
    watchPresenceTroubleshoot(settings, presence, config.instances);
    const permissions = new Permissions(store);
    await permissions.load();
    const jobs = new JobStore(store);
    await jobs.open();
    const { admin, generated } = await ensureAdmin(users, config.dataDir, config.adminUsername, config.adminPassword);

    // app logs on disk with Rocket.Chat's time to live (Apps_Logs_TTL; APP_LOGS_TTL_MS may shorten it)
    const appLogs = new FileAppLogStorage(path.join(config.dataDir, 'app_logs'), {
        ttlMs: () => Math.min(appLogsTtlMs(settings.value('Apps_Logs_TTL')), config.appLogsTtlMs ?? Infinity),
        sweepMs: config.appLogsSweepMs,
    });
    await appLogs.open();
    // the earlier format (an nedb collection, held in memory whole): app logs are disposable
    fs.rmSync(path.join(config.dataDir, 'app_logs.db'), { force: true });
    const shared = { store, events, users, settings, rooms, presence, permissions };
    const bus = new ClusterBus();
    const diagnostics = newDiagnostics();
    log(`starting the Apps-Engine${config.instances > 1 ? ` on ${config.instances} instances` : ''}`);
    const instances = Array.from({ length: config.instances }, (_, instance) =>
        createInstance(shared, {
            instance,
            dataDir: config.dataDir,
            schedulerTickMs: config.schedulerTickMs,
            schedulerScan: config.schedulerScan,
            jobs,
            cluster: bus,
            diagnostics,
            appLogs,
        }),
    );
    const cluster = new Cluster(instances, bus);
    const ws: Workspace = { ...shared, config, instances, jobs, diagnostics };
    const started = await cluster.start(config.appPackage ?? defaultPackage(), config.extraAppPackages, admin, (pkg) => path.relative(process.cwd(), pkg));
    ws.appId = started.appId;
    const { extraAppIds } = started;

    const router = new Router();
    coreRoutes(router, ws);
    userRoutes(router, ws);
    presenceRoutes(router, ws);
    permissionRoutes(router, ws);
    workspaceRoutes(router, ws);
    perfRoutes(router, ws);
    roomRoutes(router, ws);
    appRoutes(router, ws);
    webRoutes(router, ws);
    const rateLimiters = instances.map(() => new RestRateLimiter(settings, permissions));
    const server = createHttpServer(router, users, new RoundRobin(instances.length), rateLimiters);
    const ddp = new DdpServer(server, ws, new RoundRobin(instances.length));
    server.keepAliveTimeout = 65_000;
    await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.port, config.host, () => resolve());
    });
    const port = (server.address() as AddressInfo).port;
    const url = `http://127.0.0.1:${port}`;
    // First start without ROOT_URL: the address it listens on (PORT=0 picks one); later starts keep
    // whatever Site_Url holds, an admin's value included.
    if (createdSettings.includes('Site_Url') && !config.rootUrl) await settings.set('Site_Url', url).catch(() => undefined);
    if (generated) {
        log(`first start: admin "${config.adminUsername}" created with password ${generated} (kept in ${path.join(config.dataDir, 'admin-password')})`);
    }
    log(`ready at ${url}`);
    process.stdout.write(
        `WORKSPACE_READY ${JSON.stringify({ url, port, appId: ws.appId ?? null, extraAppIds, admin: config.adminUsername, pid: process.pid, instances: instances.length, engineVersion: ENGINE_VERSION })}\n`,
    );

    let stopping = false;
    const stop = async (signal: string) => {
        if (stopping) return;
        stopping = true;
        log(`${signal}: stopping`);
        const force = setTimeout(() => process.exit(1), 15_000);
        force.unref();
        try {
            cluster.stopSchedulers();
            await ddp.close();
            const closed = new Promise<void>((resolve) => server.close(() => resolve()));
            server.closeAllConnections();
            await closed;
            await cluster.shutdown();
            await appLogs.close();
            await store.flush();
            log('stopped');
            process.exit(0);
        } catch (err) {
            console.error(`[workspace] stop failed: ${err instanceof Error ? err.message : String(err)}`);
            process.exit(1);
        }
    };
    process.on('SIGINT', () => void stop('SIGINT'));
    process.on('SIGTERM', () => void stop('SIGTERM'));
}

process.on('unhandledRejection', (reason) => {
    console.error(`[workspace] unhandled rejection: ${reason instanceof Error ? reason.message : String(reason)}`);
});

// As Rocket.Chat's server (apps/meteor/app/error-handler/server/lib/RocketChat.ErrorHandler.ts counts
// an uncaught exception and carries on): the engine writes to an app's Deno subprocess without an
// error listener on its stdin, so a write after the subprocess died is an unhandled `write EPIPE`;
// the engine's LivenessManager restarts the subprocess, the workspace must not die of it.
process.on('uncaughtException', (error) => {
    console.error(`[workspace] uncaught exception: ${error.message}`);
});

main().catch((err: unknown) => {
    console.error(`[workspace] failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    process.exit(1);
});
