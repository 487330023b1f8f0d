import type { WorkspaceConfig } from './config';
import type { SharedServices } from './engine/HostContext';
import type { AppInstance } from './instances/AppInstance';
import type { JobStore } from './scheduler/JobStore';
import type { Diagnostics } from './instances/Diagnostics';

/** Everything the HTTP and realtime layers reach: the shared services and every instance's app runtime. */
export interface Workspace extends SharedServices {
    config: WorkspaceConfig;
    /** The server instances (INSTANCES, at least one), each with its own app runtime. */
    instances: AppInstance[];
    /** The cluster's jobs (the one collection every instance's scheduler reads). */
    jobs: JobStore;
    /** Local diagnostics: app events, job runs, setting hook runs, per instance. */
    diagnostics: Diagnostics;
    /** The installed app's id (the package this workspace serves), once installed. */
    appId?: string;
}

/** The instance numbered `n`; instance 0 for anything else. */
export function instanceOf(ws: Workspace, n: number | undefined): AppInstance {
    return ws.instances[n ?? 0] ?? ws.instances[0];
}
