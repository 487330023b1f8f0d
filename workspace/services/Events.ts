import { EventEmitter } from 'events';
import type { UserDoc } from './Users';

/** Workspace-internal events: services emit them, the engine and realtime layers listen. */
export interface WorkspaceEvents {
    'user.status': { user: UserDoc; previousStatus: string; previousStatusText?: string };
    'user.loggedIn': { user: UserDoc };
    'user.loggedOut': { user: UserDoc };
    'user.created': { user: UserDoc };
    'notify.user': { userId: string; event: string; args: unknown[] };
}

export class Events {
    private readonly emitter = new EventEmitter();

    constructor() {
        this.emitter.setMaxListeners(100);
    }

    public on<K extends keyof WorkspaceEvents>(name: K, listener: (payload: WorkspaceEvents[K]) => void): void {
        this.emitter.on(name, listener);
    }

    public emit<K extends keyof WorkspaceEvents>(name: K, payload: WorkspaceEvents[K]): void {
        this.emitter.emit(name, payload);
    }
}
