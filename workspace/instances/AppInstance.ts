import type { HostContext, SharedServices } from '../engine/HostContext';
import { Engine } from '../engine/Engine';
import { registerBuiltinCommands } from '../engine/builtinCommands';
import { Commands } from '../services/Commands';
import { AppEndpoints } from '../services/AppEndpoints';
import { Scheduler } from '../scheduler/Scheduler';
import type { JobStore } from '../scheduler/JobStore';
import type { ClusterBus } from './ClusterBus';
import type { Diagnostics } from './Diagnostics';
import type { FileAppLogStorage } from '../engine/FileAppLogStorage';
import { applySettingsFromCluster, recordSettingHooks } from './settingSync';

/**
 * One server instance's app runtime: what each Rocket.Chat instance has for itself (its AppManager
 * and bridges, the app's Deno subprocess, its slash command and app endpoint registries, its Agenda),
 * over the workspace's shared services and store.
 */
export interface AppInstance extends HostContext {
    engine: Engine;
}

export interface InstanceOptions {
    instance: number;
    dataDir: string;
    schedulerTickMs: number;
    /** false: the local bench diagnostic SCHEDULER_SCAN=off (only jobs.runDue runs jobs) */
    schedulerScan?: boolean;
    jobs: JobStore;
    cluster: ClusterBus;
    diagnostics: Diagnostics;
    /** the app logs of the cluster (one collection in Rocket.Chat) */
    appLogs: FileAppLogStorage;
}

export function createInstance(shared: SharedServices, opts: InstanceOptions): AppInstance {
    const inst = {
        ...shared,
        instance: opts.instance,
        commands: new Commands(),
        endpoints: new AppEndpoints(),
        scheduler: new Scheduler(opts.jobs, opts.diagnostics.jobRuns, opts.instance, opts.schedulerTickMs, opts.schedulerScan ?? true),
        cluster: opts.cluster,
        userUpdates: opts.diagnostics.userUpdates,
        persistenceCounts: opts.diagnostics.persistenceCounts,
        manager: () => inst.engine.manager,
    } as Omit<AppInstance, 'engine'> as AppInstance;
    registerBuiltinCommands(inst);
    inst.engine = new Engine(inst, opts.dataDir, opts.diagnostics.appEvents, opts.appLogs);
    inst.scheduler.setReadiness((appId) => inst.engine.runtimeState(appId)?.state === 'ready');
    applySettingsFromCluster(opts.cluster, inst.engine.manager);
    recordSettingHooks(inst.engine.manager, opts.instance, opts.diagnostics.settingHooks);
    return inst;
}
