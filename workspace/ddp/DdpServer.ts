import type { Server } from 'http';
import { WebSocketServer, WebSocket } from 'ws';
import type { Workspace } from '../Workspace';
import { randomId } from '../store/ids';
import type { UserDoc } from '../services/Users';

/** Rocket.Chat's status numbers on `stream-user-presence` (UserStatus order in core-typings). */
const STATUS_NUMBER: Record<string, number> = { offline: 0, online: 1, away: 2, busy: 3, disabled: 4 };

interface Sub {
    id: string;
    name: string;
    eventName: string;
}

interface DdpMessage {
    msg?: string;
    id?: string;
    method?: string;
    params?: unknown[];
    name?: string;
    version?: string;
}

const LOGGED_OUT = {
    isClientSafe: true,
    error: 403,
    reason: "You've been logged out by the server. Please log in again.",
    message: "You've been logged out by the server. Please log in again. [403]",
    errorType: 'Meteor.Error',
};

/** One realtime session (one socket). */
class Session {
    public readonly id = randomId();
    public userId?: string;
    public readonly subs = new Map<string, Sub>();
    public connected = false;

    constructor(public readonly socket: WebSocket) {}

    public send(message: Record<string, unknown>): void {
        if (this.socket.readyState === WebSocket.OPEN) {
            this.socket.send(JSON.stringify(message));
        }
    }
}

/** DDP over WebSocket at /websocket: connect, ping, login/logout, presence methods and the streams the app's users need. */
export class DdpServer {
    private readonly wss: WebSocketServer;
    private readonly sessions = new Set<Session>();

    constructor(
        server: Server,
        private readonly ws: Workspace,
    ) {
        this.wss = new WebSocketServer({ server, path: '/websocket', maxPayload: 1024 * 1024 });
        this.wss.on('connection', (socket) => this.onConnection(socket));
        ws.events.on('notify.user', ({ userId, event, args }) => this.pushToUser(userId, `${userId}/${event}`, args));
        ws.events.on('user.status', ({ user }) => this.pushPresence(user));
    }

    public close(): Promise<void> {
        for (const s of this.sessions) s.socket.terminate();
        return new Promise((resolve) => this.wss.close(() => resolve()));
    }

    private onConnection(socket: WebSocket): void {
        const session = new Session(socket);
        this.sessions.add(session);
        this.ws.presence.open(session.id);
        socket.on('message', (data) => {
            void this.onMessage(session, data.toString()).catch((err: unknown) => {
                console.error(`[workspace] ddp message failed: ${err instanceof Error ? err.message : String(err)}`);
            });
        });
        socket.on('close', () => {
            this.sessions.delete(session);
            void this.ws.presence.close(session.id).catch(() => undefined);
        });
        socket.on('error', () => socket.terminate());
    }

    private async onMessage(session: Session, text: string): Promise<void> {
        let message: DdpMessage;
        try {
            message = JSON.parse(text) as DdpMessage;
        } catch {
            session.send({ msg: 'error', reason: 'Bad request' });
            return;
        }
        if (!message || typeof message !== 'object') {
            session.send({ msg: 'error', reason: 'Bad request' });
            return;
        }
        if (!session.connected) {
            if (message.msg === 'connect') {
                session.connected = true;
                session.send({ server_id: '0' });
                session.send({ msg: 'connected', session: session.id });
            } else {
                session.send({ msg: 'error', reason: 'Must connect first', offendingMessage: message });
            }
            return;
        }
        switch (message.msg) {
            case 'ping':
                session.send({ msg: 'pong', ...(message.id ? { id: message.id } : {}) });
                return;
            case 'pong':
                return;
            case 'method':
                await this.onMethod(session, message);
                return;
            case 'sub':
                this.onSub(session, message);
                return;
            case 'unsub':
                if (message.id) session.subs.delete(message.id);
                session.send({ msg: 'nosub', id: message.id });
                return;
            default:
                session.send({ msg: 'error', reason: 'Bad request', offendingMessage: message });
        }
    }

    private async onMethod(session: Session, message: DdpMessage): Promise<void> {
        const id = message.id;
        const params = Array.isArray(message.params) ? message.params : [];
        const reply = (result: unknown, error?: Record<string, unknown>) => {
            session.send(error ? { msg: 'result', id, error } : { msg: 'result', id, result });
            session.send({ msg: 'updated', methods: [id] });
        };
        switch (message.method) {
            case 'login': {
                const arg = (params[0] ?? {}) as { resume?: unknown; user?: { username?: string; email?: string }; password?: unknown };
                let user: UserDoc | null = null;
                let token: string | undefined;
                if (typeof arg.resume === 'string') {
                    user = await this.ws.users.resolveToken(arg.resume);
                    token = arg.resume;
                } else if (arg.user && arg.password) {
                    const name = arg.user.username ?? arg.user.email ?? '';
                    const pw = arg.password as string | { digest?: string };
                    const result =
                        typeof pw === 'string'
                            ? await this.ws.users.loginWithPassword(name, pw)
                            : typeof pw.digest === 'string'
                              ? await this.ws.users.loginWithPassword(name, pw.digest, true)
                              : null;
                    user = result?.user ?? null;
                    token = result?.token;
                }
                if (!user || !token) {
                    reply(
                        undefined,
                        typeof arg.resume === 'string'
                            ? LOGGED_OUT
                            : { isClientSafe: true, error: 403, reason: 'User not found', message: 'User not found [403]', errorType: 'Meteor.Error' },
                    );
                    return;
                }
                session.userId = user._id;
                await this.ws.presence.login(session.id, user);
                reply({ id: user._id, token, tokenExpires: { $date: Date.now() + 90 * 86_400_000 }, type: arg.resume ? 'resume' : 'password' });
                return;
            }
            case 'logout':
                await this.ws.presence.logout(session.id);
                session.userId = undefined;
                session.subs.clear();
                reply(null);
                return;
            case 'UserPresence:away':
            case 'UserPresence:online': {
                if (!session.userId) {
                    reply(undefined, {
                        isClientSafe: true,
                        error: 'error-not-allowed',
                        reason: 'Not allowed',
                        message: 'Not allowed [error-not-allowed]',
                        errorType: 'Meteor.Error',
                    });
                    return;
                }
                const state = message.method === 'UserPresence:away' ? 'away' : 'online';
                reply(await this.ws.presence.setConnectionStatus(session.id, state));
                return;
            }
            default:
                reply(undefined, {
                    isClientSafe: true,
                    error: 404,
                    reason: `Method '${message.method}' not found`,
                    message: `Method '${message.method}' not found [404]`,
                    errorType: 'Meteor.Error',
                });
        }
    }

    private onSub(session: Session, message: DdpMessage): void {
        const id = message.id ?? '';
        const params = Array.isArray(message.params) ? message.params : [];
        const eventName = typeof params[0] === 'string' ? params[0] : '';
        const nosub = (reason: string) =>
            session.send({
                msg: 'nosub',
                id,
                error: { isClientSafe: true, error: 'not-allowed', reason, message: `${reason} [not-allowed]`, errorType: 'Meteor.Error' },
            });
        switch (message.name) {
            case 'stream-notify-user':
                if (!session.userId || !eventName.startsWith(`${session.userId}/`)) {
                    nosub('Not allowed');
                    return;
                }
                break;
            case 'stream-user-presence':
                if (!session.userId) {
                    nosub('Not allowed');
                    return;
                }
                break;
            default:
                session.send({
                    msg: 'nosub',
                    id,
                    error: {
                        isClientSafe: true,
                        error: 404,
                        reason: `Subscription '${message.name}' not found`,
                        message: `Subscription '${message.name}' not found [404]`,
                        errorType: 'Meteor.Error',
                    },
                });
                return;
        }
        session.subs.set(id, { id, name: message.name, eventName });
        session.send({ msg: 'ready', subs: [id] });
    }

    private pushToUser(userId: string, eventName: string, args: unknown[]): void {
        for (const session of this.sessions) {
            if (session.userId !== userId) continue;
            for (const sub of session.subs.values()) {
                if (sub.name === 'stream-notify-user' && sub.eventName === eventName) {
                    session.send({ msg: 'changed', collection: 'stream-notify-user', id: 'id', fields: { eventName, args } });
                }
            }
        }
    }

    /** Presence changes go to `stream-user-presence` subscribers, unless presence broadcast is disabled. */
    private pushPresence(user: UserDoc): void {
        if (this.ws.settings.presenceBroadcastDisabled()) return;
        const args = [[user.username, STATUS_NUMBER[user.status] ?? 0, user.statusText ?? '']];
        for (const session of this.sessions) {
            if (!session.userId) continue;
            for (const sub of session.subs.values()) {
                if (sub.name === 'stream-user-presence' && (sub.eventName === '' || sub.eventName === user._id)) {
                    session.send({ msg: 'changed', collection: 'stream-user-presence', id: 'id', fields: { eventName: user._id, args } });
                }
            }
        }
    }
}
