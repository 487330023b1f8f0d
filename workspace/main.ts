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
import { watchPresenceTroubleshoot } from './services/presenceTroubleshoot';
import { Commands } from './services/Commands';
import { AppEndpoints } from './services/AppEndpoints';
import { Scheduler } from './scheduler/Scheduler';
import { Engine } from './engine/Engine';
import { registerBuiltinCommands } from './engine/builtinCommands';
import { Router } from './http/Router';
import { createHttpServer } from './http/HttpServer';
import { coreRoutes } from './http/routes/core';
import { userRoutes } from './http/routes/users';
import { presenceRoutes } from './http/routes/presence';
import { workspaceRoutes } from './http/routes/workspace';
import { perfRoutes } from './http/routes/perf';
import { roomRoutes } from './http/routes/rooms';
import { appRoutes } from './http/routes/apps';
import { webRoutes } from './http/routes/web';
import { DdpServer } from './ddp/DdpServer';
import { ensureAdmin } from './admin';
import type { Workspace } from './Workspace';

const log = (line: string) => process.stdout.write(`[workspace] ${line}\n`);

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
    await settings.load(`http://localhost:${config.port}`);
    const rooms = new Rooms(store);
    await rooms.ensureGeneral();
    const presence = new Presence(users, events, settings, config.license === 'enterprise');
    await presence.start();
    await watchPresenceTroubleshoot(settings, presence);
    const scheduler = new Scheduler(store, config.schedulerTickMs);
    await scheduler.load();
    const { admin, generated } = await ensureAdmin(users, config.dataDir, config.adminUsername, config.adminPassword);

    const ws = {
        config,
        store,
        events,
        users,
        settings,
        rooms,
        presence,
        scheduler,
        commands: new Commands(),
        endpoints: new AppEndpoints(),
    } as Partial<Workspace> as Workspace;
    ws.manager = () => ws.engine.manager;
    registerBuiltinCommands(ws);
    log('starting the Apps-Engine');
    ws.engine = new Engine(ws, config.dataDir);
    await ws.engine.load();
    scheduler.setReadiness((appId) => ws.engine.runtimeState(appId)?.state === 'ready');
    scheduler.start();

    const pkg = config.appPackage ?? defaultPackage();
    if (pkg) {
        log(`installing ${path.relative(process.cwd(), pkg)}`);
        const { appId, action } = await ws.engine.installPackage(pkg, admin);
        ws.appId = appId;
        log(`app ${appId} ${action} and enabled`);
    } else {
        const first = (await ws.engine.apps())[0];
        ws.appId = first?.getID();
        log('no app package given (APP_PACKAGE) and none in dist/');
    }
    const extraAppIds: string[] = [];
    for (const extra of config.extraAppPackages) {
        const { appId, action } = await ws.engine.installPackage(extra, admin);
        extraAppIds.push(appId);
        log(`extra app ${appId} (${path.relative(process.cwd(), extra)}) ${action} and enabled`);
    }

    const router = new Router();
    coreRoutes(router, ws);
    userRoutes(router, ws);
    presenceRoutes(router, ws);
    workspaceRoutes(router, ws);
    perfRoutes(router, ws);
    roomRoutes(router, ws);
    appRoutes(router, ws);
    webRoutes(router, ws);
    const server = createHttpServer(router, users);
    const ddp = new DdpServer(server, ws);
    server.keepAliveTimeout = 65_000;
    await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.port, config.host, () => resolve());
    });
    const port = (server.address() as AddressInfo).port;
    const url = `http://127.0.0.1:${port}`;
    await settings.set('Site_Url', url).catch(() => undefined);
    if (generated) {
        log(`first start: admin "${config.adminUsername}" created with password ${generated} (kept in ${path.join(config.dataDir, 'admin-password')})`);
    }
    log(`ready at ${url}`);
    process.stdout.write(
        `WORKSPACE_READY ${JSON.stringify({ url, port, appId: ws.appId ?? null, extraAppIds, admin: config.adminUsername, pid: process.pid })}\n`,
    );

    let stopping = false;
    const stop = async (signal: string) => {
        if (stopping) return;
        stopping = true;
        log(`${signal}: stopping`);
        const force = setTimeout(() => process.exit(1), 15_000);
        force.unref();
        try {
            scheduler.stop();
            await ddp.close();
            const closed = new Promise<void>((resolve) => server.close(() => resolve()));
            server.closeAllConnections();
            await closed;
            await ws.engine.shutdown();
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

main().catch((err: unknown) => {
    console.error(`[workspace] failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    process.exit(1);
});
