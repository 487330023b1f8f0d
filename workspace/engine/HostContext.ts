import type { AppManager } from '@rocket.chat/apps-engine/server/AppManager';
import type { Store } from '../store/Store';
import type { Users } from '../services/Users';
import type { Settings } from '../services/Settings';
import type { Rooms } from '../services/Rooms';
import type { Presence } from '../services/Presence';
import type { Events } from '../services/Events';
import type { Commands } from '../services/Commands';
import type { AppEndpoints } from '../services/AppEndpoints';
import type { Scheduler } from '../scheduler/Scheduler';

/** What the bridges reach: the workspace's services, and the engine once it exists. */
export interface HostContext {
    store: Store;
    users: Users;
    settings: Settings;
    rooms: Rooms;
    presence: Presence;
    events: Events;
    commands: Commands;
    endpoints: AppEndpoints;
    scheduler: Scheduler;
    manager(): AppManager;
}

export class NotSupportedError extends Error {
    constructor(what: string) {
        super(`${what} is not supported by the local workspace`);
    }
}
