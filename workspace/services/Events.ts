import { EventEmitter } from 'events';
import type { PresenceUser, UserDoc } from './UserDoc';
import type { MessageDoc } from './Rooms';

/**
 * The server instance where an event happened (the REST request's or the DDP session's): Rocket.Chat
 * hands such events to the apps of that instance only. None: instance 0.
 */
export interface Origin {
    instance?: number;
}

/** Workspace-internal events: services emit them, the engine and realtime layers listen. */
export interface WorkspaceEvents {
    /** Rocket.Chat's broker event `presence.status`: the apps see it as IPostUserStatusChanged, clients on their streams. */
    'presence.status': { user: PresenceUser; previousStatus: string | undefined };
    /** The `logoutCleanUp` method with the object the client sent (server/methods/logoutCleanUp.ts). */
    'user.loggedOut': { user: Record<string, unknown> } & Origin;
    'user.created': { user: UserDoc } & Origin;
    /** A message stored in a room (stream-room-messages). */
    'message.saved': { message: MessageDoc };
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
