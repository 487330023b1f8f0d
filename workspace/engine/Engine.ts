import * as fs from 'fs';
import * as path from 'path';
import { createHash } from 'crypto';
import type { AppManager } from '@rocket.chat/apps-engine/server/AppManager';
import type { ProxiedApp } from '@rocket.chat/apps-engine/server/ProxiedApp';
import { AppInterface } from '@rocket.chat/apps-engine/definition/metadata';
import { AppStatusUtils } from '@rocket.chat/apps-engine/definition/AppStatus';
import type { HostContext } from './HostContext';
import { WorkspaceBridges } from '../bridges/WorkspaceBridges';
import { FileAppSourceStorage, NedbAppMetadataStorage } from './storage';
import type { FileAppLogStorage } from './FileAppLogStorage';
import { userToApp } from './converters';
import { createAppManager } from './createAppManager';
import { isRestarting, refreshStatusAfterRuntimeRestart } from './runtimeRestart';
import type { SeqLog } from '../diagnostics/SeqLog';
import type { Origin } from '../services/Events';
import type { UserDoc } from '../services/Users';

type ListenerRunner = { executeListener(int: AppInterface, data: unknown): Promise<unknown> };

/** An event handed to an instance's app listeners, kept for the local diagnostic `GET /api/workspace/appEvents`. */
export interface FiredAppEvent {
    event: string;
    data: unknown;
    /** The server instance whose app runtime got it. */
    instance: number;
}

/** One instance's real Apps-Engine `AppManager`, with its bridges and the shared storage, the app in its own Deno subprocess. */
export class Engine {
    public readonly manager: AppManager;
    constructor(
        private readonly ctx: HostContext,
        dataDir: string,
        private readonly fired: SeqLog<FiredAppEvent>,
        /** App logs on disk with their time to live, one storage for every instance (see FileAppLogStorage). */
        public readonly logStorage: FileAppLogStorage,
    ) {
        ensureDenoOnPath();
        const tempFilePath = path.join(dataDir, 'tmp');
        fs.mkdirSync(tempFilePath, { recursive: true });
        this.manager = createAppManager({
            metadataStorage: new NedbAppMetadataStorage(ctx.store),
            logStorage: this.logStorage,
            bridges: new WorkspaceBridges(ctx, dataDir),
            sourceStorage: new FileAppSourceStorage(path.join(dataDir, 'apps')),
            tempFilePath,
        });
        this.wireUserEvents();
        refreshStatusAfterRuntimeRestart(this.manager);
    }

    /** Loads the installed apps from storage and starts the ones that were enabled. */
    public async load(): Promise<void> {
        await this.manager.load();
        await this.manager.enableAll();
    }

    /**
     * Installs the package, or replaces the installed one when the package changed (by content).
     * Returns the app id.
     */
    public async installPackage(zipPath: string, installer: UserDoc): Promise<{ appId: string; action: 'installed' | 'updated' | 'unchanged' }> {
        const zip = await fs.promises.readFile(zipPath);
        const hash = createHash('sha256').update(zip).digest('hex');
        const { info } = await this.manager.getParser().unpackageApp(zip);
        // The admin accepts what the package's app.json asks for, as Rocket.Chat's install dialog does
        // (without a grant the engine falls back to its small default permission set).
        const permissionsGranted = info.permissions ?? [];
        const existing = this.manager.getOneById(info.id);
        const meta = await this.ctx.store.col('meta').findOneAsync({ _id: `package:${info.id}` });
        const user = userToApp(installer);
        const granted = JSON.stringify(existing?.getStorageItem().permissionsGranted ?? null) === JSON.stringify(permissionsGranted);
        if (existing && meta?.hash === hash && granted) {
            if (!AppStatusUtils.isEnabled(await existing.getStatus())) {
                await this.manager.enable(existing.getID());
            }
            return { appId: existing.getID(), action: 'unchanged' };
        }
        let action: 'installed' | 'updated';
        let id: string;
        if (existing) {
            const aff = await this.manager.update(zip, permissionsGranted, { loadApp: true, user });
            assertFulfilled(aff);
            id = existing.getID();
            action = 'updated';
        } else {
            const aff = await this.manager.add(zip, { enable: true, user, permissionsGranted });
            assertFulfilled(aff);
            id = aff.getApp().getID();
            action = 'installed';
        }
        const app = this.manager.getOneById(id);
        if (!AppStatusUtils.isEnabled(await app.getStatus())) {
            await this.manager.enable(id);
        }
        await this.ctx.store.col('meta').updateAsync({ _id: `package:${id}` }, { _id: `package:${id}`, hash }, { upsert: true });
        return { appId: id, action };
    }

    public apps(): Promise<ProxiedApp[]> {
        return this.manager.get();
    }

    public app(appId: string): ProxiedApp | undefined {
        return this.manager.getOneById(appId);
    }

    /** The pid of an app's Deno subprocess (for diagnostics and the liveness test). */
    public runtimeState(appId: string): { pid?: number; state?: string; restarting: boolean } | undefined {
        const controller = this.manager.getOneById(appId)?.getRuntimeController() as unknown as
            { deno?: { pid?: number }; getProcessState?(): string } | undefined;
        if (!controller) return undefined;
        return { pid: controller.deno?.pid, state: controller.getProcessState?.(), restarting: isRestarting(controller) };
    }

    public listener(): ListenerRunner {
        return this.manager.getListenerManager() as unknown as ListenerRunner;
    }

    /**
     * Going down: every app is disabled (onDisable runs, its commands and endpoints go away) and its
     * Deno subprocess is stopped; the stored status is then put back, so the next start enables the
     * apps that were enabled (a shutdown is not an admin disabling the app).
     */
    public async shutdown(): Promise<void> {
        const storage = this.manager.getStorage();
        const before = await storage.retrieveAll();
        await this.manager.unload(false);
        for (const item of before.values()) {
            await storage.updateStatus(item.id, item.status);
        }
        await this.logStorage.flush();
    }

    /**
     * IPostUserLoggedIn for a login this instance handles, awaited: Rocket.Chat awaits
     * `Apps.triggerEvent(IPostUserLoggedIn)` inside `validateLoginAttempt`
     * (apps/meteor/app/authentication/server/startup/index.js), so the login answers only once the
     * apps' listeners have run, and the new connection is counted only after that. A listener's
     * failure is logged, never the login's.
     */
    public async postUserLoggedIn(user: UserDoc): Promise<void> {
        await this.fire(AppInterface.IPostUserLoggedIn, userToApp(user));
    }

    private fire(int: AppInterface, data: unknown): Promise<void> {
        if (!this.manager.areAppsLoaded()) return Promise.resolve();
        this.fired.record({ event: int, data: JSON.parse(JSON.stringify(data ?? null)) as unknown, instance: this.ctx.instance });
        return this.listener()
            .executeListener(int, data)
            .then(
                () => undefined,
                (err: unknown) => console.error(`[workspace] ${int} listener failed: ${err instanceof Error ? err.message : String(err)}`),
            );
    }

    /**
     * Rocket.Chat's events for apps (IPostUserLoggedIn, awaited by the login, is `postUserLoggedIn`):
     * IPostUserLoggedOut from the `logoutCleanUp` method,
     * IPostUserStatusChanged from the broker's `presence.status` (server/services/apps-engine/service.ts),
     * each user through the users converter (app/apps/server/bridges/listeners.ts).
     *
     * Which instances' apps get them: a login, a logout or a new user is handled by the instance that
     * served the request or holds the session, and only its apps hear of it; `presence.status` is a
     * broker broadcast (`api.broadcast`), which reaches every instance, and every instance's
     * AppsEngineService hands it to its own apps: with several instances, each copy of the app gets it.
     */
    private wireUserEvents(): void {
        const mine = (origin: Origin) => (origin.instance ?? 0) === this.ctx.instance;
        this.ctx.events.on('user.loggedOut', (e) => {
            if (mine(e)) void this.fire(AppInterface.IPostUserLoggedOut, userToApp(e.user as unknown as UserDoc));
        });
        this.ctx.events.on('presence.status', ({ user, previousStatus }) => {
            void this.fire(AppInterface.IPostUserStatusChanged, { user: userToApp(user), currentStatus: user.status, previousStatus });
        });
        this.ctx.events.on('user.created', (e) => {
            if (mine(e) && e.user.type === 'user') void this.fire(AppInterface.IPostUserCreated, { user: userToApp(e.user) });
        });
    }
}

function assertFulfilled(aff: {
    getApp(): ProxiedApp | undefined;
    getStorageError(): string;
    getAppUserError(): unknown;
    hasStorageError(): boolean;
    hasAppUserError(): boolean;
}): void {
    if (aff.hasStorageError()) throw new Error(`Installing the app failed: ${aff.getStorageError()}`);
    if (aff.hasAppUserError()) throw new Error(`Installing the app failed: ${JSON.stringify(aff.getAppUserError())}`);
    if (!aff.getApp()) throw new Error('Installing the app failed');
}

/** The engine spawns plain `deno`: the project's node_modules/.bin must be on PATH. */
function ensureDenoOnPath(): void {
    const bin = path.resolve(__dirname, '..', '..', 'node_modules', '.bin');
    const parts = (process.env.PATH ?? '').split(path.delimiter);
    if (!parts.includes(bin)) {
        process.env.PATH = [bin, ...parts].join(path.delimiter);
    }
}
