import type { AppManager } from '@rocket.chat/apps-engine/server/AppManager';
import type { Store } from '../store/Store';
import type { Users } from '../services/Users';
import type { Settings } from '../services/Settings';
import type { Rooms } from '../services/Rooms';
import type { Presence } from '../services/Presence';
import type { Permissions } from '../services/Permissions';
import type { Events } from '../services/Events';
import type { Commands } from '../services/Commands';
import type { AppEndpoints } from '../services/AppEndpoints';
import type { Scheduler } from '../scheduler/Scheduler';
import type { ClusterBus } from '../instances/ClusterBus';
import type { UserUpdate } from '../instances/Diagnostics';
import type { SeqLog } from '../diagnostics/SeqLog';
import type { PersistenceCounts } from '../diagnostics/PersistenceCounts';

/** The workspace's services: one per process, shared by every instance (users, settings, rooms, presence, the store). */
export interface SharedServices {
    store: Store;
    users: Users;
    settings: Settings;
    rooms: Rooms;
    presence: Presence;
    events: Events;
    /** which roles hold which permission (Rocket.Chat's defaults, changed by permissions.update) */
    permissions: Permissions;
}

/**
 * What one instance's bridges reach: the shared services, and what each Rocket.Chat instance keeps
 * for itself: its slash command and app endpoint registries, its scheduler (its Agenda), its engine.
 */
export interface HostContext extends SharedServices {
    /** This instance's number (0 .. INSTANCES-1). */
    instance: number;
    commands: Commands;
    endpoints: AppEndpoints;
    scheduler: Scheduler;
    /** The broker events between instances. */
    cluster: ClusterBus;
    /** Local diagnostic: the apps' writes to users (`GET /api/workspace/userUpdates`). */
    userUpdates?: SeqLog<UserUpdate>;
    /** Local diagnostic: the apps' persistence bridge calls, shared by every instance (`GET /api/workspace/stats`). */
    persistenceCounts?: PersistenceCounts;
    manager(): AppManager;
}

export class NotSupportedError extends Error {
    constructor(what: string) {
        super(`${what} is not supported by the local workspace`);
    }
}
