import { WebSocket } from 'ws';
import { randomId } from '../store/ids';

/** A stream subscription on one session. */
export interface StreamSub {
    id: string;
    name: string;
    eventName: string;
}

/** One realtime session (one socket), held by one server instance for its whole life. */
export class DdpSession {
    public readonly id = randomId();
    public userId?: string;
    public connected = false;
    public readonly subs = new Map<string, StreamSub>();
    /** stream-user-presence: the user ids this session listens to (one listener set per connection, as Rocket.Chat). */
    public presenceSubId?: string;
    public readonly presenceListeners = new Set<string>();

    constructor(
        public readonly socket: WebSocket,
        /** The instance the load balancer gave the connection to: it handles what the session causes. */
        public readonly instance = 0,
    ) {}

    public send(message: Record<string, unknown>): void {
        if (this.socket.readyState === WebSocket.OPEN) {
            this.socket.send(JSON.stringify(message));
        }
    }
}

/** A Meteor.Error as DDP sends it. */
export class MethodError extends Error {
    constructor(
        public readonly error: string | number,
        public readonly reason?: string,
        public readonly details?: Record<string, unknown>,
    ) {
        super(reason ? `${reason} [${error}]` : `[${error}]`);
    }

    public toDdp(): Record<string, unknown> {
        return {
            isClientSafe: true,
            error: this.error,
            ...(this.reason !== undefined ? { reason: this.reason } : {}),
            message: this.message,
            ...(this.details ? { details: this.details } : {}),
            errorType: 'Meteor.Error',
        };
    }
}

/** What Meteor answers when `check()` fails inside a method. */
export const matchFailed = () => new MethodError(400, 'Match failed');
