import { AppManager } from '@rocket.chat/apps-engine/server/AppManager';

type AppManagerOptions = ConstructorParameters<typeof AppManager>[0];

/**
 * An `AppManager` for one instance. The engine expects one per process (`AppManager.Instance`: its
 * constructor refuses a second), as each Rocket.Chat instance is its own process; here the instances
 * share one process, so the marker is cleared for each new manager and then set back to the first.
 * The engine reads `AppManager.Instance` only for an app's granted permissions
 * (`getPermissionsByAppId`): every instance runs the same package with the same grants, and the first
 * instance is the one that installs it, so its copy is never older than another's.
 */
export function createAppManager(options: AppManagerOptions): AppManager {
    const first = AppManager.Instance as AppManager | undefined;
    (AppManager as { Instance?: AppManager }).Instance = undefined;
    try {
        return new AppManager(options);
    } finally {
        if (first) AppManager.Instance = first;
    }
}
