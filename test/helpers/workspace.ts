/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies and DDP messages are whatever JSON the workspace sends (the contract's `body: any`) */
/**
 * Test helper for the local workspace: starts it as a child process (the packaged app in the real
 * Apps-Engine runtime) on a free port with a fresh DATA_DIR, and talks to it over REST and DDP.
 */
import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';
import { randomBytes } from 'crypto';
import WebSocket from 'ws';
import { ensurePackage } from './appPackage';
import { pollUntil } from './poll';

export interface Creds {
    userId: string;
    authToken: string;
    username: string;
    password?: string;
    /**
     * The loopback address this user's REST calls come from (each user created by the helper has
     * its own, as real users come from their own machines): Rocket.Chat's rate limiter counts each
     * route's calls per client address. The admin's calls come from 127.0.0.1.
     */
    address?: string;
}

export interface WorkspaceResponse {
    status: number;
    body: any;
    text: string;
    headers: Record<string, string>;
}

/** A DDP message as received (`msg`, and the fields of that message). */
export type DdpMessage = Record<string, any> & { msg?: string };

export interface DdpSession {
    /** The server's session id (from `connected`). */
    readonly sessionId: string;
    /** The logged-in user, when the session logged in. */
    readonly userId?: string;
    /** Every message received, in order. */
    readonly messages: DdpMessage[];
    /** Calls a DDP method; resolves with `result`, rejects with the DDP error. */
    call(method: string, ...params: unknown[]): Promise<any>;
    /** `login` with `[{resume: token}]`. */
    login(creds: Creds): Promise<void>;
    /** Subscribes; resolves on `ready`, rejects on `nosub`. */
    subscribe(name: string, ...params: unknown[]): Promise<string>;
    /** Sends `ping` and waits for the `pong`. */
    ping(): Promise<void>;
    /** Resolves with the first message (already received or coming) matching the predicate. */
    waitFor(predicate: (msg: DdpMessage) => boolean, timeoutMs?: number): Promise<DdpMessage>;
    /** The `args` of every `changed` message received for a stream event, e.g. `<userId>/message`. */
    events(eventName: string): unknown[][];
    /** Closes the socket and waits until it is closed. */
    close(): Promise<void>;
}

/** An event the app's listeners received: `event` is the AppInterface name, `data` what the app got (JSON). */
export interface AppEvent {
    seq: number;
    event: string;
    data: any;
    /** The server instance whose app runtime got it. */
    instance: number;
}

/** One server instance as the local diagnostic shows it. */
export interface InstanceState {
    instance: number;
    connections: number;
    publishedConnections: number;
    broadcastEnabled: boolean;
}

export interface TestWorkspace {
    url: string;
    appId: string;
    /** the ids of the packages installed from `EXTRA_APP_PACKAGES` (env), in order */
    extraAppIds: string[];
    /** the workspace's process id */
    pid: number;
    /** the version of the Apps-Engine the workspace runs */
    engineVersion: string;
    dataDir: string;
    admin: Creds;
    /** A REST call as `creds` (from their address), or anonymous; `address`: the loopback address it comes from (default: the user's, else 127.0.0.1). */
    request(method: string, path: string, body?: unknown, creds?: Creds, address?: string): Promise<WorkspaceResponse>;
    /** A request with a body sent as given (a string) under `contentType`. */
    requestAs(contentType: string, method: string, path: string, body: string, creds?: Creds): Promise<WorkspaceResponse>;
    /**
     * A JSON request that declares `declaredBytes` of body in its Content-Length and sends the first
     * 16 KB only, answered as soon as the workspace refuses it by the declared length (then dropped).
     */
    requestDeclaring(method: string, path: string, declaredBytes: number, creds?: Creds): Promise<WorkspaceResponse>;
    /** Calls /api/apps/public/<appId>/<endpoint>; a GET's body goes to the query string. */
    app(method: string, endpoint: string, body?: unknown, creds?: Creds): Promise<WorkspaceResponse>;
    /**
     * Creates a user (users.create as admin), then logs in by REST with the password from the user's
     * own address, as a real user does once. Roles: `user` and `bot` unless given: `bot` holds
     * `api-bypass-rate-limit` (as admin and app do), so a test's calls to core routes are not rate
     * limited, as a test against a real server gives its test users that role (or an admin's login).
     */
    createUser(username: string, opts?: { roles?: string[]; password?: string; verified?: boolean }): Promise<Creds>;
    /** REST password login (`POST /api/v1/login`, from a new client address): Rocket.Chat fires IPostUserLoggedIn for it. */
    loginRest(username: string, password: string): Promise<Creds>;
    /** The user events the workspace handed to the app after `afterSeq` (GET /api/workspace/appEvents). */
    appEvents(afterSeq?: number): Promise<AppEvent[]>;
    /**
     * Every instance now (GET /api/workspace/instances): its open sessions, the connection count it
     * last published, whether its presence service broadcasts.
     */
    instances(): Promise<InstanceState[]>;
    /** Polls until every instance's presence service broadcasts (`true`) or does not (`false`): a settings watcher acts after its debounce. */
    waitForBroadcast(enabled: boolean): Promise<void>;
    /** Runs due-or-not jobs now (POST /api/workspace/jobs.runDue) and resolves with how many ran. */
    runJobsNow(processorId?: string): Promise<number>;
    /**
     * POST /api/v1/commands.run as `creds`, in `roomId` (Rocket.Chat requires one), by default the
     * caller's direct-message room with the app's bot (as a client typing in that DM).
     */
    command(creds: Creds, command: string, params: string, roomId?: string): Promise<WorkspaceResponse>;
    /** The caller's direct-message room with the app's bot user (`<nameSlug>.bot`), created when missing. */
    botRoomId(creds: Creds): Promise<string>;
    /** A realtime session; with `creds` it logs in with their token (`resume`: no IPostUserLoggedIn, as on a real client). */
    openSession(creds?: Creds): Promise<DdpSession>;
    setAppSettings(settings: Record<string, unknown>): Promise<void>;
    setWorkspaceSetting(id: string, value: unknown): Promise<void>;
    /** SIGKILLs the app's Deno subprocess on `instance` (default 0) and waits until its engine has started a new one. */
    killAppRuntime(instance?: number): Promise<void>;
    /** Stops (SIGTERM) and starts again on the same port and DATA_DIR. */
    restart(): Promise<void>;
    stop(): Promise<void>;
}

const ROOT = path.resolve(__dirname, '..', '..');

/** The roles of a user the helper creates unless a test gives them: `bot` bypasses the REST rate limiter. */
export const TEST_USER_ROLES = ['user', 'bot'];

let addresses = 0;
/** A loopback address of its own for each user's REST calls (127.0.1.1, 127.0.1.2, ...). */
function nextClientAddress(): string {
    const n = addresses++;
    return `127.0.${1 + Math.floor(n / 250)}.${1 + (n % 250)}`;
}
const START_TIMEOUT_MS = 90_000;
const children = new Set<ChildProcess>();
const tempDirs = new Set<string>();

process.on('exit', () => {
    for (const child of children) child.kill('SIGKILL');
    for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

/** The package of the current sources: the one the global setup built, else built (or checked) here. */
function appPackage(): string {
    return process.env.USER_STATUS_APP_PACKAGE ?? ensurePackage();
}

interface Running {
    child: ChildProcess;
    url: string;
    port: number;
    appId: string;
    extraAppIds: string[];
    pid: number;
    engineVersion: string;
    output: string[];
}

function spawnWorkspace(env: Record<string, string>): Promise<Running> {
    return new Promise((resolve, reject) => {
        const child = spawn(
            process.execPath,
            [
                ...(process.env.WORKSPACE_NODE_ARGS ? process.env.WORKSPACE_NODE_ARGS.split(' ') : []),
                '-r',
                path.join(ROOT, 'scripts', 'register-ts.js'),
                path.join('workspace', 'main.ts'),
            ],
            {
                cwd: ROOT,
                env: { ...process.env, TS_NODE_TRANSPILE_ONLY: 'true', ...env },
                stdio: ['ignore', 'pipe', 'pipe'],
            },
        );
        children.add(child);
        const output: string[] = [];
        let settled = false;
        const fail = (why: string) => {
            if (settled) return;
            settled = true;
            clearTimeout(timer);
            child.kill('SIGKILL');
            reject(new Error(`${why}\n--- workspace output ---\n${output.slice(-60).join('\n')}`));
        };
        const timer = setTimeout(() => fail(`The workspace did not get ready within ${START_TIMEOUT_MS} ms`), START_TIMEOUT_MS);
        let buffer = '';
        child.stdout!.on('data', (chunk: Buffer) => {
            buffer += chunk.toString('utf8');
            let nl: number;
            while ((nl = buffer.indexOf('\n')) >= 0) {
                const line = buffer.slice(0, nl);
                buffer = buffer.slice(nl + 1);
                output.push(line);
                if (output.length > 500) output.shift();
                if (!settled && line.startsWith('WORKSPACE_READY ')) {
                    settled = true;
                    clearTimeout(timer);
                    const ready = JSON.parse(line.slice('WORKSPACE_READY '.length)) as {
                        url: string;
                        port: number;
                        appId: string | null;
                        extraAppIds?: string[];
                        pid: number;
                        engineVersion: string;
                    };
                    if (!ready.appId) {
                        child.kill('SIGKILL');
                        reject(new Error('The workspace started without an app'));
                        return;
                    }
                    resolve({
                        child,
                        url: ready.url,
                        port: ready.port,
                        appId: ready.appId,
                        extraAppIds: ready.extraAppIds ?? [],
                        pid: ready.pid,
                        engineVersion: ready.engineVersion,
                        output,
                    });
                }
            }
        });
        child.stderr!.on('data', (chunk: Buffer) => {
            output.push(...chunk.toString('utf8').split('\n').filter(Boolean));
            while (output.length > 500) output.shift();
        });
        child.on('exit', (code, signal) => {
            children.delete(child);
            fail(`The workspace exited before it was ready (code ${code}, signal ${signal})`);
        });
    });
}

function stopChild(child: ChildProcess): Promise<void> {
    return new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) {
            resolve();
            return;
        }
        const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
        child.once('exit', () => {
            clearTimeout(timer);
            children.delete(child);
            resolve();
        });
        child.kill('SIGTERM');
    });
}

function httpRequest(
    base: string,
    method: string,
    urlPath: string,
    body?: unknown,
    creds?: Creds,
    address = creds?.address,
    contentType = 'application/json',
): Promise<WorkspaceResponse> {
    return new Promise((resolve, reject) => {
        const url = new URL(urlPath, base);
        const headers: Record<string, string> = {};
        let payload: string | undefined;
        if (body !== undefined) {
            payload = typeof body === 'string' ? body : JSON.stringify(body);
            headers['Content-Type'] = contentType;
            headers['Content-Length'] = String(Buffer.byteLength(payload));
        }
        if (creds) {
            headers['X-User-Id'] = creds.userId;
            headers['X-Auth-Token'] = creds.authToken;
        }
        const req = http.request(url, { method: method.toUpperCase(), headers, agent: false, ...(address ? { localAddress: address } : {}) }, (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('error', reject);
            res.on('end', () => {
                const text = Buffer.concat(chunks).toString('utf8');
                let parsed: unknown = text;
                if ((res.headers['content-type'] ?? '').includes('json')) {
                    try {
                        parsed = JSON.parse(text);
                    } catch {
                        parsed = text;
                    }
                }
                const resHeaders: Record<string, string> = {};
                for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) resHeaders[k] = Array.isArray(v) ? v.join(', ') : v;
                resolve({ status: res.statusCode ?? 0, body: parsed, text, headers: resHeaders });
            });
        });
        req.on('error', reject);
        if (payload !== undefined) req.write(payload);
        req.end();
    });
}

function declaringRequest(base: string, method: string, urlPath: string, declaredBytes: number, creds?: Creds): Promise<WorkspaceResponse> {
    return new Promise((resolve, reject) => {
        const headers: Record<string, string> = { 'Content-Type': 'application/json', 'Content-Length': String(declaredBytes) };
        if (creds) {
            headers['X-User-Id'] = creds.userId;
            headers['X-Auth-Token'] = creds.authToken;
        }
        const req = http.request(new URL(urlPath, base), { method: method.toUpperCase(), headers, agent: false }, (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => {
                const text = Buffer.concat(chunks).toString('utf8');
                const resHeaders: Record<string, string> = {};
                for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) resHeaders[k] = Array.isArray(v) ? v.join(', ') : v;
                let body: unknown = text;
                try {
                    body = JSON.parse(text);
                } catch {
                    // not JSON
                }
                req.destroy();
                resolve({ status: res.statusCode ?? 0, body, text, headers: resHeaders });
            });
        });
        // the workspace may close the connection before the (partial) body is written: only the answer matters
        req.on('error', (err) => (req.destroyed ? undefined : reject(err)));
        req.write('{"padding":"' + 'x'.repeat(16 * 1024));
    });
}

/** A real DDP client over `ws`. */
async function connectDdp(baseUrl: string, creds?: Creds): Promise<DdpSession> {
    const socket = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/websocket`);
    const messages: DdpMessage[] = [];
    const waiters: Array<{ predicate: (m: DdpMessage) => boolean; resolve: (m: DdpMessage) => void }> = [];
    let nextId = 1;
    let sessionId = '';
    let userId: string | undefined;
    socket.on('message', (data) => {
        let msg: DdpMessage;
        try {
            msg = JSON.parse(data.toString()) as DdpMessage;
        } catch {
            return;
        }
        if (msg.msg === 'ping') socket.send(JSON.stringify({ msg: 'pong', ...(msg.id ? { id: msg.id } : {}) }));
        messages.push(msg);
        for (const w of [...waiters]) {
            if (w.predicate(msg)) {
                waiters.splice(waiters.indexOf(w), 1);
                w.resolve(msg);
            }
        }
    });
    const waitFor = (predicate: (m: DdpMessage) => boolean, timeoutMs = 10_000): Promise<DdpMessage> => {
        const seen = messages.find(predicate);
        if (seen) return Promise.resolve(seen);
        return new Promise((resolve, reject) => {
            const waiter = {
                predicate,
                resolve: (m: DdpMessage) => {
                    clearTimeout(timer);
                    resolve(m);
                },
            };
            const timer = setTimeout(() => {
                waiters.splice(waiters.indexOf(waiter), 1);
                reject(new Error(`No matching DDP message within ${timeoutMs} ms`));
            }, timeoutMs);
            waiters.push(waiter);
        });
    };
    const send = (msg: Record<string, unknown>) => socket.send(JSON.stringify(msg));
    await new Promise<void>((resolve, reject) => {
        socket.once('open', () => resolve());
        socket.once('error', reject);
    });
    send({ msg: 'connect', version: '1', support: ['1'] });
    sessionId = String((await waitFor((m) => m.msg === 'connected')).session);

    const call = async (method: string, ...params: unknown[]): Promise<any> => {
        const id = String(nextId++);
        const pending = waitFor((m) => m.msg === 'result' && m.id === id);
        send({ msg: 'method', method, params, id });
        const result = await pending;
        if (result.error) {
            const err = new Error(String(result.error.message ?? result.error.reason ?? 'DDP error')) as Error & { ddpError?: unknown };
            err.ddpError = result.error;
            throw err;
        }
        return result.result;
    };
    const session: DdpSession = {
        get sessionId() {
            return sessionId;
        },
        get userId() {
            return userId;
        },
        messages,
        call,
        async login(c: Creds) {
            const result = (await call('login', { resume: c.authToken })) as { id: string };
            userId = result.id;
        },
        async subscribe(name: string, ...params: unknown[]) {
            const id = `sub${nextId++}`;
            const pending = waitFor((m) => (m.msg === 'ready' && Array.isArray(m.subs) && m.subs.includes(id)) || (m.msg === 'nosub' && m.id === id));
            send({ msg: 'sub', id, name, params });
            const answer = await pending;
            if (answer.msg === 'nosub') throw new Error(`Subscription ${name} refused: ${JSON.stringify(answer.error ?? {})}`);
            return id;
        },
        async ping() {
            const id = `ping${nextId++}`;
            const pending = waitFor((m) => m.msg === 'pong' && m.id === id);
            send({ msg: 'ping', id });
            await pending;
        },
        waitFor,
        events(eventName: string) {
            return messages.filter((m) => m.msg === 'changed' && m.fields?.eventName === eventName).map((m) => m.fields.args as unknown[]);
        },
        close() {
            return new Promise<void>((resolve) => {
                if (socket.readyState === WebSocket.CLOSED) {
                    resolve();
                    return;
                }
                socket.once('close', () => resolve());
                socket.close();
                setTimeout(() => {
                    socket.terminate();
                }, 2_000).unref();
            });
        },
    };
    if (creds) await session.login(creds);
    return session;
}

export async function startWorkspace(opts: { dataDir?: string; env?: Record<string, string> } = {}): Promise<TestWorkspace> {
    const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'user-status-ws-'));
    if (!opts.dataDir) tempDirs.add(dataDir);
    const zip = appPackage();
    const adminPassword = opts.env?.ADMIN_PASSWORD ?? randomBytes(12).toString('base64url');
    const adminUsername = opts.env?.ADMIN_USERNAME ?? 'admin';
    const baseEnv: Record<string, string> = {
        PORT: '0',
        DATA_DIR: dataDir,
        ADMIN_USERNAME: adminUsername,
        APP_PACKAGE: zip,
        // fast by default (a test may ask for Rocket.Chat's own: 5000, 30000, 500); never zero
        SCHEDULER_TICK_MS: '100',
        CONNECTIONS_REFRESH_MS: '1000',
        SETTINGS_DEBOUNCE_MS: '100',
        ...opts.env,
        ADMIN_PASSWORD: adminPassword,
    };
    let running = await spawnWorkspace(baseEnv);

    const login = async (username: string, password: string, address?: string): Promise<Creds> => {
        const res = await httpRequest(running.url, 'POST', '/api/v1/login', { user: username, password }, undefined, address);
        if (res.status !== 200) throw new Error(`Login as ${username} failed: ${res.status} ${res.text}`);
        return { userId: res.body.data.userId, authToken: res.body.data.authToken, username, password, ...(address ? { address } : {}) };
    };
    const expectOk = (res: WorkspaceResponse, what: string) => {
        if (res.status !== 200) throw new Error(`${what} failed: ${res.status} ${res.text}`);
    };

    // the app's bot user and each caller's DM room with it, for commands.run
    let botUsername: string | undefined;
    const botRooms = new Map<string, string>();

    const ws: TestWorkspace = {
        url: running.url,
        appId: running.appId,
        extraAppIds: running.extraAppIds,
        pid: running.pid,
        engineVersion: running.engineVersion,
        dataDir,
        admin: await login(adminUsername, adminPassword),
        request: (method, urlPath, body, creds, address) => httpRequest(running.url, method, urlPath, body, creds, address ?? creds?.address),
        requestAs: (contentType, method, urlPath, body, creds) => httpRequest(running.url, method, urlPath, body, creds, creds?.address, contentType),
        requestDeclaring: (method, urlPath, declaredBytes, creds) => declaringRequest(running.url, method, urlPath, declaredBytes, creds),
        app(method, endpoint, body, creds) {
            let urlPath = `/api/apps/public/${running.appId}/${endpoint.replace(/^\/+/, '')}`;
            if (method.toUpperCase() === 'GET' && body && typeof body === 'object') {
                const pairs: Array<[string, string]> = Object.entries(body as Record<string, unknown>).map(([k, v]) => [k, String(v)]);
                const qs = new URLSearchParams(pairs);
                urlPath += (urlPath.includes('?') ? '&' : '?') + qs.toString();
                body = undefined;
            }
            return httpRequest(running.url, method, urlPath, body, creds);
        },
        async createUser(username, userOpts = {}) {
            const password = userOpts.password ?? randomBytes(9).toString('base64url');
            const res = await httpRequest(
                running.url,
                'POST',
                '/api/v1/users.create',
                {
                    username,
                    email: `${username}@example.com`,
                    name: username,
                    password,
                    roles: userOpts.roles ?? TEST_USER_ROLES,
                    ...(userOpts.verified !== undefined ? { verified: userOpts.verified } : {}),
                },
                ws.admin,
            );
            expectOk(res, `Creating user ${username}`);
            return login(username, password, nextClientAddress());
        },
        loginRest: (username, password) => login(username, password, nextClientAddress()),
        async appEvents(afterSeq = 0) {
            const res = await httpRequest(running.url, 'GET', `/api/workspace/appEvents?after=${afterSeq}`, undefined, ws.admin);
            expectOk(res, 'Reading app events');
            return res.body.events as AppEvent[];
        },
        async instances() {
            const res = await httpRequest(running.url, 'GET', '/api/workspace/instances', undefined, ws.admin);
            expectOk(res, 'Reading the instances');
            return res.body.instances as InstanceState[];
        },
        async waitForBroadcast(enabled) {
            await pollUntil(
                () => ws.instances(),
                (list) => list.every((i) => i.broadcastEnabled === enabled),
                { what: `every instance's presence broadcast ${enabled ? 'on' : 'off'}` },
            );
        },
        async runJobsNow(processorId) {
            const res = await httpRequest(running.url, 'POST', '/api/workspace/jobs.runDue', processorId === undefined ? {} : { processorId }, ws.admin);
            expectOk(res, 'Running jobs');
            return res.body.ran as number;
        },
        async command(creds, command, params, roomId) {
            const rid = roomId ?? (await ws.botRoomId(creds));
            return httpRequest(running.url, 'POST', '/api/v1/commands.run', { command, params, roomId: rid }, creds);
        },
        async botRoomId(creds) {
            const known = botRooms.get(creds.userId);
            if (known) return known;
            if (!botUsername) {
                const apps = await httpRequest(running.url, 'GET', '/api/apps', undefined, ws.admin);
                expectOk(apps, 'Listing the apps');
                const app = (apps.body.apps as Array<{ id: string; nameSlug: string }>).find((a) => a.id === running.appId);
                if (!app) throw new Error('The app is not in GET /api/apps');
                botUsername = `${app.nameSlug}.bot`;
            }
            const dm = await httpRequest(running.url, 'POST', '/api/v1/im.create', { username: botUsername }, creds);
            expectOk(dm, `Opening ${creds.username}'s direct messages with ${botUsername}`);
            botRooms.set(creds.userId, dm.body.room._id as string);
            return dm.body.room._id as string;
        },
        openSession: (creds) => connectDdp(running.url, creds),
        async setAppSettings(settings) {
            const res = await httpRequest(
                running.url,
                'POST',
                `/api/apps/${running.appId}/settings`,
                { settings: Object.entries(settings).map(([id, value]) => ({ id, value })) },
                ws.admin,
            );
            expectOk(res, 'Updating app settings');
        },
        async setWorkspaceSetting(id, value) {
            expectOk(await httpRequest(running.url, 'POST', `/api/v1/settings/${encodeURIComponent(id)}`, { value }, ws.admin), `Setting ${id}`);
        },
        async killAppRuntime(instance = 0) {
            const runtime = async () => {
                const res = await httpRequest(running.url, 'GET', `/api/workspace/apps/${running.appId}/runtime?instance=${instance}`, undefined, ws.admin);
                if (res.status !== 200) throw new Error(`Reading the app runtime failed: ${res.status} ${res.text}`);
                return res.body.runtime as { pid?: number; state?: string; restarting?: boolean };
            };
            const before = await runtime();
            if (!before.pid) throw new Error('The app has no Deno subprocess');
            process.kill(before.pid, 'SIGKILL');
            // ready: a new process, and the engine done restoring the app on it
            await pollUntil(runtime, (now) => Boolean(now.pid && now.pid !== before.pid && now.state === 'ready' && !now.restarting), {
                what: 'the engine to restart the app runtime',
                timeoutMs: 60_000,
                intervalMs: 100,
            });
        },
        async restart() {
            await stopChild(running.child);
            running = await spawnWorkspace({ ...baseEnv, PORT: String(running.port) });
            ws.url = running.url;
            ws.appId = running.appId;
            ws.extraAppIds = running.extraAppIds;
            ws.pid = running.pid;
            ws.engineVersion = running.engineVersion;
        },
        async stop() {
            await stopChild(running.child);
        },
    };
    return ws;
}
