import type { Users } from './Users';
import type { Events } from './Events';
import type { Settings } from './Settings';
import type { UserDoc } from './UserDoc';
import { throttle } from './throttle';

/** ee/packages/presence/src/Presence.ts: the Community cap on connections (all instances summed). */
export const MAX_CONNECTIONS = 200;
export const BROADCAST_REFUSED = `Cannot enable broadcast when there are more than ${MAX_CONNECTIONS} connections`;

interface Session {
    id: string;
    /** The server instance the session is connected to. */
    instance: number;
    userId?: string;
    connection: 'online' | 'away';
}

/**
 * Rocket.Chat's presence service (ee/packages/presence/src/Presence.ts, 7.x) over the workspace's
 * realtime sessions, one service per server instance (apps/meteor/server/startup/localServices.ts: in
 * a monolith cluster each process runs its own): each has its own `broadcastEnabled`, so
 * `toggleBroadcast` acts on the instance that runs it, and a status change is broadcast only when the
 * service of the instance that handles it broadcasts.
 *
 * The count is what each instance last published, not the open sockets: an instance publishes its
 * number of sessions through `updateConns` (apps/meteor/server/startup/presence.ts), throttled to once
 * per `refreshMs` (30 s) and called only after a login has been handled (the apps' IPostUserLoggedIn
 * has run by then), a logout and a closed socket; every instance's service then stores it
 * (`watch.instanceStatus`, `connsPerInstance`) and checks the cap (`validateAvailability`). The users'
 * sessions (UsersSessions) are shared. Above MAX_CONNECTIONS without a license a service stops
 * broadcasting and sets `Presence_broadcast_disabled`; `toggleBroadcast` refuses above the cap,
 * whichever way it is asked.
 */
export class Presence {
    private readonly sessions = new Map<string, Session>();
    /** each instance's service: whether it broadcasts */
    private readonly broadcastEnabled: boolean[];
    /** connsPerInstance: the count each instance last published (the same in every instance's service) */
    private readonly published = new Map<number, number>();
    /** each instance's throttled `updateConns` */
    private readonly updateConns: Array<ReturnType<typeof throttle>>;

    constructor(
        private readonly users: Users,
        private readonly events: Events,
        private readonly settings: Settings,
        private readonly hasLicense: boolean,
        instances = 1,
        refreshMs = 30_000,
    ) {
        this.broadcastEnabled = Array.from({ length: instances }, () => true);
        this.updateConns = Array.from({ length: instances }, (_, instance) => throttle(() => this.publish(instance), refreshMs));
    }

    /** Presence.started: the setting goes back to false when the server starts. */
    public async start(): Promise<void> {
        await this.settings.set('Presence_broadcast_disabled', false);
    }

    /** Whether the presence service of `instance` broadcasts. */
    public isBroadcastEnabled(instance = 0): boolean {
        return this.broadcastEnabled[instance] ?? false;
    }

    /**
     * Presence.toggleBroadcast on the service of `instance` (the one that runs it): throws above the
     * cap without a license (for either direction, as the source does).
     */
    public async toggleBroadcast(enabled: boolean, instance = 0): Promise<void> {
        if (!this.hasLicense && this.total() > MAX_CONNECTIONS) {
            throw new Error(BROADCAST_REFUSED);
        }
        this.broadcastEnabled[instance] = enabled;
        // only to turn it on: the troubleshooting setting turns broadcast off without touching it
        if (enabled) {
            await this.settings.set('Presence_broadcast_disabled', false);
        }
    }

    /** Presence.getConnectionCount: the counts the instances last published, summed. */
    public connections(): { current: number; max: number } {
        return { current: this.total(), max: MAX_CONNECTIONS };
    }

    /** The count each instance last published (its `extraInformation.conns`), for diagnostics. */
    public publishedPerInstance(): Map<number, number> {
        return new Map(this.published);
    }

    public open(sessionId: string, instance = 0): void {
        this.sessions.set(sessionId, { id: sessionId, instance, connection: 'online' });
    }

    /** The open sessions of each instance now (what its next `updateConns` will publish), for diagnostics. */
    public connectionsPerInstance(): Map<number, number> {
        const counts = new Map<number, number>();
        for (const s of this.sessions.values()) counts.set(s.instance, (counts.get(s.instance) ?? 0) + 1);
        return counts;
    }

    /** A closed socket is no logout: the user's status follows their remaining sessions. */
    public async close(sessionId: string): Promise<void> {
        const session = this.sessions.get(sessionId);
        this.sessions.delete(sessionId);
        if (!session) return;
        if (session.userId) {
            await this.updateUserPresence(session.userId, session.instance);
        }
        this.updateConns[session.instance]?.();
    }

    /**
     * A DDP login on this session, once the login was handled (Accounts.onLogin, any type:
     * server/startup/presence.ts `Presence.newConnection`, then `updateConns`).
     */
    public async login(sessionId: string, user: UserDoc): Promise<void> {
        const session = this.sessions.get(sessionId);
        if (!session) {
            return;
        }
        const previous = session.userId;
        session.userId = user._id;
        session.connection = 'online';
        if (previous && previous !== user._id) {
            await this.updateUserPresence(previous, session.instance);
        }
        await this.updateUserPresence(user._id, session.instance);
        this.updateConns[session.instance]?.();
    }

    /** DDP `logout`: the session's connection goes (Accounts.onLogout -> Presence.removeConnection). */
    public async logout(sessionId: string): Promise<void> {
        const session = this.sessions.get(sessionId);
        if (!session?.userId) {
            return;
        }
        const userId = session.userId;
        session.userId = undefined;
        await this.updateUserPresence(userId, session.instance);
        this.updateConns[session.instance]?.();
    }

    /** UserPresence:away / UserPresence:online (Presence.setConnectionStatus). */
    public async setConnectionStatus(sessionId: string, connection: 'online' | 'away'): Promise<boolean> {
        const session = this.sessions.get(sessionId);
        if (!session?.userId) {
            return false;
        }
        const changed = session.connection !== connection;
        session.connection = connection;
        await this.updateUserPresence(session.userId, session.instance);
        return changed;
    }

    /**
     * Presence.setStatus(uid, statusDefault, statusText?) on the service of `instance` (the one that
     * handles the request): the default status (and the text, when given) with the status
     * recomputed; broadcast only when the stored document changed and that service broadcasts.
     */
    public async setStatus(userId: string, statusDefault: string, statusText?: string, instance = 0): Promise<boolean> {
        const { connected, statusConnection } = this.connectionOf(userId);
        const status = Presence.processStatus(connected ? statusConnection : 'offline', statusDefault);
        const result = await this.users.writeStatus(userId, { statusDefault, status, statusConnection, statusText });
        if (!result?.modified) {
            return false;
        }
        const { after, before } = result;
        this.broadcast({ _id: userId, username: after.username, status, statusText, roles: after.roles ?? [] }, before.status, instance);
        return true;
    }

    public isConnected(userId: string): boolean {
        return this.connectionOf(userId).connected;
    }

    public userSessions(userId: string): number {
        let n = 0;
        for (const s of this.sessions.values()) if (s.userId === userId) n++;
        return n;
    }

    /** processPresenceAndStatus: offline stays offline, an `online` default shows the connection, any other default sticks. */
    public static processStatus(statusConnection: string, statusDefault: string | undefined): string {
        if (statusConnection === 'offline') return 'offline';
        if (!statusDefault || statusDefault === 'online') return statusConnection;
        return statusDefault;
    }

    /** Presence.updateUserPresence: status and connection status from the sessions; broadcast when stored values changed. */
    private async updateUserPresence(userId: string, instance: number): Promise<void> {
        const user = await this.users.findById(userId);
        if (!user) {
            return;
        }
        const { statusConnection } = this.connectionOf(userId);
        const status = Presence.processStatus(statusConnection, user.statusDefault);
        const result = await this.users.writeStatus(userId, { status, statusConnection });
        if (result?.modified) {
            this.broadcast({ _id: userId, username: user.username, status, statusText: user.statusText, roles: user.roles ?? [] }, user.status, instance);
        }
    }

    private broadcast(
        user: { _id: string; username: string; status: string; statusText?: string; roles: string[] },
        previousStatus: string,
        instance: number,
    ): void {
        if (!this.isBroadcastEnabled(instance)) {
            return;
        }
        this.events.emit('presence.status', { user, previousStatus });
    }

    /**
     * `updateConns` of one instance (`InstanceStatus.updateConnections(Meteor.server.sessions.size)`):
     * its open sessions now, every socket (logged in or not); every instance's service stores the
     * count and checks the cap.
     */
    private publish(instance: number): void {
        let count = 0;
        for (const s of this.sessions.values()) if (s.instance === instance) count++;
        this.published.set(instance, count);
        for (let service = 0; service < this.broadcastEnabled.length; service++) {
            void this.validateAvailability(service).catch((err: unknown) =>
                console.error(`[workspace] checking the presence cap failed: ${err instanceof Error ? err.message : String(err)}`),
            );
        }
    }

    /** validateAvailability on one instance's service: above the cap without a license, it stops broadcasting and the setting says so. */
    private async validateAvailability(instance: number): Promise<void> {
        if (this.hasLicense || this.total() <= MAX_CONNECTIONS) {
            return;
        }
        this.broadcastEnabled[instance] = false;
        await this.settings.set('Presence_broadcast_disabled', true);
    }

    /** getTotalConnections: the published counts of every instance, summed. */
    private total(): number {
        let sum = 0;
        for (const n of this.published.values()) sum += n;
        return sum;
    }

    private connectionOf(userId: string): { connected: boolean; statusConnection: 'online' | 'away' | 'offline' } {
        let connected = false;
        let online = false;
        for (const s of this.sessions.values()) {
            if (s.userId === userId) {
                connected = true;
                online = online || s.connection === 'online';
            }
        }
        return { connected, statusConnection: connected ? (online ? 'online' : 'away') : 'offline' };
    }
}
