import type { WorkspaceConfig } from './config';
import type { HostContext } from './engine/HostContext';
import type { Engine } from './engine/Engine';

/** Everything the HTTP and realtime layers reach. */
export interface Workspace extends HostContext {
    config: WorkspaceConfig;
    engine: Engine;
    /** The installed app's id (the package this workspace serves), once installed. */
    appId?: string;
}
