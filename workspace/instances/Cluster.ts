import type { ClusterBus } from './ClusterBus';
import type { AppInstance } from './AppInstance';
import type { UserDoc } from '../services/UserDoc';

const log = (line: string) => process.stdout.write(`[workspace] ${line}\n`);

/**
 * The instances' lifecycle. The package is installed once, by the first instance (the app and its
 * settings in the shared metadata storage, its bot user, `onInstall`); the other instances then load
 * it from storage and enable it, as Rocket.Chat instances that start after an install do (the app is
 * installed only at start here, so Rocket.Chat's `apps.added`/`apps.updated` events between running
 * instances are not needed).
 */
export class Cluster {
    constructor(
        public readonly instances: AppInstance[],
        private readonly bus: ClusterBus,
    ) {}

    /** Starts every instance; installs (or updates) `pkg` and the extra packages on the first. Resolves with the app ids. */
    public async start(
        pkg: string | undefined,
        extras: ReadonlyArray<string>,
        installer: UserDoc,
        describe: (pkg: string) => string,
    ): Promise<{ appId: string | undefined; extraAppIds: string[] }> {
        const [first, ...others] = this.instances;
        await first.engine.load();
        first.scheduler.start();
        let appId: string | undefined;
        if (pkg) {
            log(`installing ${describe(pkg)}`);
            const installed = await first.engine.installPackage(pkg, installer);
            appId = installed.appId;
            log(`app ${appId} ${installed.action} and enabled`);
        } else {
            appId = (await first.engine.apps())[0]?.getID();
            log('no app package given (APP_PACKAGE) and none in dist/');
        }
        const extraAppIds: string[] = [];
        for (const extra of extras) {
            const installed = await first.engine.installPackage(extra, installer);
            extraAppIds.push(installed.appId);
            log(`extra app ${installed.appId} (${describe(extra)}) ${installed.action} and enabled`);
        }
        await Promise.all(
            others.map(async (inst) => {
                await inst.engine.load();
                inst.scheduler.start();
                const app = appId ? inst.engine.app(appId) : undefined;
                log(`instance ${inst.instance}: ${app ? `app ${appId} ${await app.getStatus()}` : 'no app'}`);
            }),
        );
        return { appId, extraAppIds };
    }

    public stopSchedulers(): void {
        for (const inst of this.instances) inst.scheduler.stop();
    }

    /** Going down: no more jobs, the pending broker events handled, then each instance's apps disabled and their runtimes stopped. */
    public async shutdown(): Promise<void> {
        this.stopSchedulers();
        await this.bus.idle();
        for (const inst of this.instances) await inst.engine.shutdown();
    }
}
