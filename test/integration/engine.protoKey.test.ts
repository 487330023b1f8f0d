/**
 * The engine's own failure behind issue 16's `{"__proto__": ...}` body (no workspace involved): the
 * Apps-Engine 1.62.0 Deno runtime reads its stdin with one msgpack `decodeStream` loop
 * (deno-runtime/main.ts); @msgpack/msgpack 3.0.0-beta2 throws `The key __proto__ is not allowed` for
 * such a key, which ends the loop, and the subprocess exits with code 0. The LivenessManager restarts
 * a subprocess only for a signal or a non-zero code, so the app stays without a runtime until its ping
 * watchdog gives up (4 missed pings, 10 s apart). Rocket.Chat hands an app endpoint `req.body` from
 * express.json, which keeps a JSON `__proto__` key: the same request does the same to a real server.
 */
import { spawn, type ChildProcess } from 'child_process';
import { EventEmitter } from 'events';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { LivenessManager } from '@rocket.chat/apps-engine/server/runtime/deno/LivenessManager';
import { pollUntil } from '../helpers/poll';

const ROOT = path.resolve(__dirname, '..', '..');
const ENGINE = path.dirname(require.resolve('@rocket.chat/apps-engine/package.json'));
// the engine's own codec (msgpack with its extension types) and JSON-RPC library, as its ProcessMessenger uses them
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { newEncoder, newDecoder } = require(path.join(ENGINE, 'server/runtime/deno/codec')) as {
    newEncoder(): { encode(value: unknown): Uint8Array };
    newDecoder(): { decodeStream(stream: NodeJS.ReadableStream): AsyncIterable<unknown> };
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const jsonrpc = require(require.resolve('jsonrpc-lite', { paths: [ENGINE] })) as { request(id: string, method: string, params: unknown[]): unknown };

interface Runtime {
    child: ChildProcess;
    received: unknown[];
    send(message: unknown): void;
    exit: Promise<number | null>;
}

const tempDirs: string[] = [];

/** The runtime started as the engine starts it (AppsEngineDenoRuntime.spawnProcess), from a temp dir linking deno-runtime. */
function startRuntime(): Runtime {
    const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'engine-runtime-'));
    tempDirs.push(temp);
    fs.symlinkSync(path.join(ENGINE, 'deno-runtime'), path.join(temp, 'deno-runtime'), 'dir');
    const child = spawn(
        path.join(ROOT, 'node_modules', '.bin', 'deno'),
        [
            'run',
            '--cached-only',
            `--config=${path.join(ENGINE, 'deno-runtime', 'deno.jsonc')}`,
            `--allow-read=${ENGINE},${path.dirname(path.dirname(ENGINE))},${temp}`,
            '--allow-env=NODE_EXTRA_CA_CERTS',
            path.join(temp, 'deno-runtime', 'main.ts'),
            '--subprocess',
            'proto-key-proof',
            '--spawnId',
            '0',
        ],
        { env: { PATH: process.env.PATH, DENO_DIR: process.env.DENO_DIR ?? path.join(ENGINE, '.deno-cache') }, stdio: ['pipe', 'pipe', 'ignore'] },
    );
    const received: unknown[] = [];
    void (async () => {
        for await (const message of newDecoder().decodeStream(child.stdout!)) received.push(message);
    })().catch(() => undefined);
    const encoder = newEncoder();
    const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    return { child, received, send: (message) => child.stdin!.write(encoder.encode(message)), exit };
}

const isReady = (m: unknown) => typeof m === 'object' && m !== null && (m as { method?: unknown }).method === 'ready';
const pongs = (runtime: Runtime) => runtime.received.filter((m) => m === '_zPONG').length;

describe('Apps-Engine 1.62.0: a request with an own __proto__ key', () => {
    const running: Runtime[] = [];

    afterAll(() => {
        for (const r of running) if (r.child.exitCode === null) r.child.kill('SIGKILL');
        for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
    });

    it('keeps answering pings without it (the control)', async () => {
        const runtime = startRuntime();
        running.push(runtime);
        await pollUntil(async () => runtime.received.some(isReady), Boolean, { what: 'the runtime to be ready' });
        runtime.send('_zPING');
        await pollUntil(
            async () => pongs(runtime),
            (n) => n === 1,
            { what: 'the first pong' },
        );
        runtime.send(jsonrpc.request('harmless', 'api:proof:post', [{ content: { status: 'busy' } }, {}]));
        runtime.send('_zPING');
        await pollUntil(
            async () => pongs(runtime),
            (n) => n === 2,
            { what: 'the second pong' },
        );
        expect(runtime.child.exitCode).toBeNull();
        runtime.child.stdin!.end();
        expect(await runtime.exit).toBe(0);
    });

    it('ends the runtime: its read loop fails on the key, it exits with code 0 and never reads the next message', async () => {
        const runtime = startRuntime();
        running.push(runtime);
        await pollUntil(async () => runtime.received.some(isReady), Boolean, { what: 'the runtime to be ready' });
        runtime.send('_zPING');
        await pollUntil(
            async () => pongs(runtime),
            (n) => n === 1,
            { what: 'the first pong' },
        );

        // what executeApi sends for a JSON body `{"__proto__": {...}}` (JSON.parse keeps the key as an own property)
        const content = JSON.parse('{"__proto__": {"status": "busy"}}') as Record<string, unknown>;
        expect(Object.keys(content)).toEqual(['__proto__']);
        runtime.send(jsonrpc.request('poisoned', 'api:proof:post', [{ content }, {}]));
        runtime.send('_zPING');

        // the stdin stays open: the subprocess leaves by itself
        expect(await runtime.exit).toBe(0);
        const rejection = runtime.received.find((m) => typeof m === 'object' && m !== null && (m as { method?: unknown }).method === 'unhandledRejection') as
            { params: Array<{ reason: string }> } | undefined;
        expect(rejection?.params[0].reason).toBe('The key __proto__ is not allowed');
        expect(pongs(runtime)).toBe(1);
    });

    it('is not restarted by the LivenessManager: it restarts only after a signal or a non-zero exit code', () => {
        const controller = Object.assign(new EventEmitter(), {
            getProcessState: () => 'ready',
            restartApp: jest.fn(async () => undefined),
            stopApp: jest.fn(),
        });
        const subprocess = Object.assign(new EventEmitter(), { pid: 1 });
        const liveness = new LivenessManager({ controller, messenger: { send: () => undefined }, debug: () => undefined } as never);
        liveness.attach(subprocess as never);
        subprocess.emit('exit', 0, null);
        expect(controller.restartApp).not.toHaveBeenCalled();

        const killed = Object.assign(new EventEmitter(), { pid: 2 });
        liveness.attach(killed as never);
        killed.emit('exit', null, 'SIGKILL');
        expect(controller.restartApp).toHaveBeenCalledTimes(1);
        liveness.stop();
    });
});
