import type { Server } from 'http';
import { WebSocketServer, WebSocket } from 'ws';
import type { Workspace } from '../Workspace';
import { DdpSession, MethodError } from './DdpSession';
import { ddpMethods } from './methods';
import { Streams } from './streams';
import type { RoundRobin } from '../instances/RoundRobin';

interface DdpMessage {
    msg?: string;
    id?: string;
    method?: string;
    params?: unknown[];
    name?: string;
}

/**
 * DDP over WebSocket at /websocket (Meteor's protocol, Rocket.Chat's methods and streams). Each new
 * connection goes to the next instance (round robin) and stays there.
 */
export class DdpServer {
    private readonly wss: WebSocketServer;
    private readonly sessions = new Set<DdpSession>();
    private readonly methods: ReturnType<typeof ddpMethods>;
    private readonly streams: Streams;

    constructor(
        server: Server,
        private readonly ws: Workspace,
        private readonly instances: RoundRobin,
    ) {
        this.wss = new WebSocketServer({ server, path: '/websocket', maxPayload: 1024 * 1024 });
        this.wss.on('connection', (socket) => this.onConnection(socket));
        this.methods = ddpMethods(ws);
        this.streams = new Streams(ws, () => this.sessions);
    }

    public close(): Promise<void> {
        for (const s of this.sessions) s.socket.terminate();
        return new Promise((resolve) => this.wss.close(() => resolve()));
    }

    private onConnection(socket: WebSocket): void {
        const session = new DdpSession(socket, this.instances.take());
        this.sessions.add(session);
        this.ws.presence.open(session.id, session.instance);
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

    private async onMessage(session: DdpSession, text: string): Promise<void> {
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
                // `instance`: a local addition, so clients and tests can see which instance holds the session
                session.send({ msg: 'connected', session: session.id, instance: session.instance });
            } else {
                session.send({ msg: 'error', reason: 'Must connect first', offendingMessage: message });
            }
            return;
        }
        const params = Array.isArray(message.params) ? message.params : [];
        switch (message.msg) {
            case 'ping':
                session.send({ msg: 'pong', ...(message.id ? { id: message.id } : {}) });
                return;
            case 'pong':
                return;
            case 'method':
                await this.onMethod(session, message.id, message.method, params);
                return;
            case 'sub':
                await this.streams.subscribe(session, message.id ?? '', message.name, params);
                return;
            case 'unsub':
                this.streams.unsubscribe(session, message.id ?? '');
                return;
            default:
                session.send({ msg: 'error', reason: 'Bad request', offendingMessage: message });
        }
    }

    private async onMethod(session: DdpSession, id: string | undefined, name: string | undefined, params: unknown[]): Promise<void> {
        const method = typeof name === 'string' && Object.prototype.hasOwnProperty.call(this.methods, name) ? this.methods[name] : undefined;
        let reply: Record<string, unknown>;
        if (!method) {
            reply = { msg: 'result', id, error: new MethodError(404, `Method '${name}' not found`).toDdp() };
        } else {
            try {
                reply = { msg: 'result', id, result: await method(session, params) };
            } catch (err) {
                const error = err instanceof MethodError ? err : new MethodError(500, 'Internal server error', undefined);
                if (!(err instanceof MethodError)) console.error(`[workspace] method ${name} failed: ${err instanceof Error ? err.message : String(err)}`);
                reply = { msg: 'result', id, error: error.toDdp() };
            }
        }
        session.send(reply);
        session.send({ msg: 'updated', methods: [id] });
    }
}
