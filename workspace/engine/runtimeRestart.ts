import type { AppManager } from '@rocket.chat/apps-engine/server/AppManager';
import { DenoRuntimeSubprocessController } from '@rocket.chat/apps-engine/server/runtime/deno/AppsEngineDenoRuntime';
import mem from 'mem';

const managers = new Set<AppManager>();
/** Runtime controllers in the middle of a restart (the app's status is not settled yet). */
const restarting = new WeakSet<object>();

/** Whether this runtime controller is being restarted by the engine's LivenessManager. */
export function isRestarting(controller: object | undefined): boolean {
    return !!controller && restarting.has(controller);
}

/**
 * ProxiedApp memoizes the app's status for minutes and clears it when the Deno process exits. A
 * status read while the LivenessManager is restarting the process (a scheduled job, an endpoint
 * call) caches the transient status ("initialized"), and the app then refuses commands as "not
 * enabled". After each restart the memo of the app that owns the restarted runtime (on whichever
 * instance's manager) is cleared again, so the restored status is what counts.
 */
export function refreshStatusAfterRuntimeRestart(manager: AppManager): void {
    managers.add(manager);
    const proto = DenoRuntimeSubprocessController.prototype as unknown as { restartApp(): Promise<void>; getAppId(): string; __workspacePatched?: boolean };
    if (proto.__workspacePatched) return;
    const original = proto.restartApp;
    proto.restartApp = async function (this: DenoRuntimeSubprocessController) {
        restarting.add(this);
        try {
            await original.call(this);
        } finally {
            restarting.delete(this);
            for (const m of managers) {
                const app = m.getOneById(this.getAppId());
                if (app && app.getRuntimeController() === this) {
                    mem.clear(app.getStatus as unknown as (...args: unknown[]) => unknown);
                }
            }
        }
    };
    proto.__workspacePatched = true;
}
