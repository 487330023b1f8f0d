import type { Users, UserDoc } from './Users';
import type { Events } from './Events';

interface Session {
    id: string;
    userId?: string;
    connection: 'online' | 'away';
}

/**
 * Realtime sessions and the presence they give users: every open session counts as a connection;
 * a user with at least one logged-in session is connected, `online` when any of those sessions is
 * online, else `away` (Rocket.Chat's presence service).
 */
export class Presence {
    private readonly sessions = new Map<string, Session>();

    constructor(
        private readonly users: Users,
        private readonly events: Events,
        public readonly maxConnections: number,
    ) {}

    public open(sessionId: string): void {
        this.sessions.set(sessionId, { id: sessionId, connection: 'online' });
    }

    public async close(sessionId: string): Promise<void> {
        const session = this.sessions.get(sessionId);
        this.sessions.delete(sessionId);
        if (session?.userId) {
            // as in Rocket.Chat: a closed socket is no logout; the user's status follows their sessions
            await this.refresh(session.userId);
        }
    }

    public connections(): { current: number; max: number } {
        return { current: this.sessions.size, max: this.maxConnections };
    }

    public userSessions(userId: string): number {
        let n = 0;
        for (const s of this.sessions.values()) {
            if (s.userId === userId) n++;
        }
        return n;
    }

    public async login(sessionId: string, user: UserDoc): Promise<void> {
        const session = this.sessions.get(sessionId);
        if (!session) {
            return;
        }
        const previous = session.userId;
        session.userId = user._id;
        session.connection = 'online';
        if (previous && previous !== user._id) {
            await this.afterLogout(previous);
        }
        await this.refresh(user._id);
        const fresh = (await this.users.findById(user._id)) ?? user;
        this.events.emit('user.loggedIn', { user: fresh });
    }

    public async logout(sessionId: string): Promise<void> {
        const session = this.sessions.get(sessionId);
        if (!session?.userId) {
            return;
        }
        const userId = session.userId;
        session.userId = undefined;
        await this.afterLogout(userId);
    }

    public async setConnectionStatus(sessionId: string, connection: 'online' | 'away'): Promise<boolean> {
        const session = this.sessions.get(sessionId);
        if (!session?.userId) {
            return false;
        }
        session.connection = connection;
        await this.refresh(session.userId);
        return true;
    }

    /** Recomputes a user's connection state from their sessions. */
    public async refresh(userId: string): Promise<void> {
        let connected = false;
        let online = false;
        for (const s of this.sessions.values()) {
            if (s.userId === userId) {
                connected = true;
                online = online || s.connection === 'online';
            }
        }
        await this.users.setStatusFields(userId, { connected, statusConnection: connected ? (online ? 'online' : 'away') : 'offline' });
    }

    public isConnected(userId: string): boolean {
        return this.userSessions(userId) > 0;
    }

    private async afterLogout(userId: string): Promise<void> {
        await this.refresh(userId);
        const user = await this.users.findById(userId);
        if (user) {
            this.events.emit('user.loggedOut', { user });
        }
    }
}
