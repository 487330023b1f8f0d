import type { Users } from './Users';
import type { Events } from './Events';
import type { Settings } from './Settings';
import type { UserDoc } from './UserDoc';

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
 * realtime sessions: every open session counts as a connection; a user with at least one logged-in
 * session is connected (`online` when any of those sessions is online, else `away`). Above
 * MAX_CONNECTIONS without a license it stops broadcasting and sets `Presence_broadcast_disabled`
 * (`validateAvailability`); `toggleBroadcast` refuses above the cap, whichever way it is asked.
 */
export class Presence {
    private readonly sessions = new Map<string, Session>();
    private broadcastEnabled = true;

    constructor(
        private readonly users: Users,
        private readonly events: Events,
        private readonly settings: Settings,
        private readonly hasLicense: boolean,
    ) {}

    /** Presence.started: the setting goes back to false when the server starts. */
    public async start(): Promise<void> {
        await this.settings.set('Presence_broadcast_disabled', false);
    }

    public isBroadcastEnabled(): boolean {
        return this.broadcastEnabled;
    }

    /** Presence.toggleBroadcast: throws above the cap without a license (for either direction, as the source does). */
    public async toggleBroadcast(enabled: boolean): Promise<void> {
        if (!this.hasLicense && this.total() > MAX_CONNECTIONS) {
            throw new Error(BROADCAST_REFUSED);
        }
        this.broadcastEnabled = enabled;
        // only to turn it on: the troubleshooting setting turns broadcast off without touching it
        if (enabled) {
            await this.settings.set('Presence_broadcast_disabled', false);
        }
    }

    public connections(): { current: number; max: number } {
        return { current: this.total(), max: MAX_CONNECTIONS };
    }

    public open(sessionId: string, instance = 0): void {
        this.sessions.set(sessionId, { id: sessionId, instance, connection: 'online' });
    }

    /** The open sessions of each instance (Rocket.Chat's `connsPerInstance`), for diagnostics. */
    public connectionsPerInstance(): Map<number, number> {
        const counts = new Map<number, number>();
        for (const s of this.sessions.values()) counts.set(s.instance, (counts.get(s.instance) ?? 0) + 1);
        return counts;
    }

    /** A closed socket is no logout: the user's status follows their remaining sessions. */
    public async close(sessionId: string): Promise<void> {
        const session = this.sessions.get(sessionId);
        this.sessions.delete(sessionId);
        if (session?.userId) {
            await this.updateUserPresence(session.userId);
        }
        await this.validateAvailability();
    }

    /** A DDP login on this session (any type: server/startup/presence.ts `Presence.newConnection`). */
    public async login(sessionId: string, user: UserDoc): Promise<void> {
        const session = this.sessions.get(sessionId);
        if (!session) {
            return;
        }
        const previous = session.userId;
        session.userId = user._id;
        session.connection = 'online';
        if (previous && previous !== user._id) {
            await this.updateUserPresence(previous);
        }
        await this.updateUserPresence(user._id);
        await this.validateAvailability();
    }

    /** DDP `logout`: the session's connection goes (Accounts.onLogout -> Presence.removeConnection). */
    public async logout(sessionId: string): Promise<void> {
        const session = this.sessions.get(sessionId);
        if (!session?.userId) {
            return;
        }
        const userId = session.userId;
        session.userId = undefined;
        await this.updateUserPresence(userId);
        await this.validateAvailability();
    }

    /** UserPresence:away / UserPresence:online (Presence.setConnectionStatus). */
    public async setConnectionStatus(sessionId: string, connection: 'online' | 'away'): Promise<boolean> {
        const session = this.sessions.get(sessionId);
        if (!session?.userId) {
            return false;
        }
        const changed = session.connection !== connection;
        session.connection = connection;
        await this.updateUserPresence(session.userId);
        return changed;
    }

    /**
     * Presence.setStatus(uid, statusDefault, statusText?): the default status (and the text, when
     * given) with the status recomputed; broadcast only when the stored document changed.
     */
    public async setStatus(userId: string, statusDefault: string, statusText?: string): Promise<boolean> {
        const { connected, statusConnection } = this.connectionOf(userId);
        const status = Presence.processStatus(connected ? statusConnection : 'offline', statusDefault);
        const result = await this.users.writeStatus(userId, { statusDefault, status, statusConnection, statusText });
        if (!result?.modified) {
            return false;
        }
        const { after, before } = result;
        this.broadcast({ _id: userId, username: after.username, status, statusText, roles: after.roles ?? [] }, before.status);
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
    private async updateUserPresence(userId: string): Promise<void> {
        const user = await this.users.findById(userId);
        if (!user) {
            return;
        }
        const { statusConnection } = this.connectionOf(userId);
        const status = Presence.processStatus(statusConnection, user.statusDefault);
        const result = await this.users.writeStatus(userId, { status, statusConnection });
        if (result?.modified) {
            this.broadcast({ _id: userId, username: user.username, status, statusText: user.statusText, roles: user.roles ?? [] }, user.status);
        }
    }

    private broadcast(user: { _id: string; username: string; status: string; statusText?: string; roles: string[] }, previousStatus: string): void {
        if (!this.broadcastEnabled) {
            return;
        }
        this.events.emit('presence.status', { user, previousStatus });
    }

    /** validateAvailability: above the cap without a license, broadcast stops and the setting says so. */
    private async validateAvailability(): Promise<void> {
        if (this.hasLicense || this.total() <= MAX_CONNECTIONS) {
            return;
        }
        this.broadcastEnabled = false;
        await this.settings.set('Presence_broadcast_disabled', true);
    }

    /** getTotalConnections: every instance's sessions (one map here, as all instances share this process). */
    private total(): number {
        return this.sessions.size;
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
