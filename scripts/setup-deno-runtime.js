#!/usr/bin/env node
// Makes the Apps-Engine's Deno runtime start offline (see ../shared/TOOLCHAIN.md):
// the runtime imports three jsr: modules that no reachable registry serves, so they are
// replaced by small local equivalents; then its module graph is cached for `--cached-only`.
// Idempotent; runs from postinstall and before tests (`npm ci` wipes node_modules).
'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

const root = path.resolve(__dirname, '..');
// APPS_ENGINE_DIR=<folder>: the engine installed in <folder>/node_modules (the compatibility run's
// other engine versions, scripts/compat-engine.js); the project's own engine otherwise.
const engineHome = process.env.APPS_ENGINE_DIR ? path.resolve(process.env.APPS_ENGINE_DIR) : root;
const engineDir = path.join(engineHome, 'node_modules', '@rocket.chat', 'apps-engine');
const runtimeDir = path.join(engineDir, 'deno-runtime');
const shimDir = path.join(runtimeDir, 'offline-std');
const denoBin = path.join(root, 'node_modules', '.bin', 'deno');

const SHIMS = {
    'io.ts': `// Local stand-in for jsr:@std/io writeAll.
export async function writeAll(writer: { write(p: Uint8Array): Promise<number> }, data: Uint8Array): Promise<void> {
    let written = 0;
    while (written < data.length) {
        written += await writer.write(data.subarray(written));
    }
}
`,
    'streams.ts': `// Local stand-in for jsr:@std/streams toArrayBuffer.
export async function toArrayBuffer(readable: ReadableStream<Uint8Array>): Promise<ArrayBuffer> {
    const chunks: Uint8Array[] = [];
    let length = 0;
    for await (const chunk of readable) {
        chunks.push(chunk);
        length += chunk.length;
    }
    const out = new Uint8Array(length);
    let offset = 0;
    for (const chunk of chunks) {
        out.set(chunk, offset);
        offset += chunk.length;
    }
    return out.buffer;
}
`,
    'parse_args.ts': `// Local stand-in for jsr:@std/cli parseArgs: the runtime is started with
// "--subprocess <appId> --spawnId <n>" and optional "--metricsReportFrequencyInMs <n>".
export function parseArgs(args: string[]): Record<string, unknown> {
    const out: Record<string, unknown> = { _: [] as unknown[] };
    for (let i = 0; i < args.length; i++) {
        const arg = args[i];
        if (!arg.startsWith('--')) {
            (out._ as unknown[]).push(arg);
            continue;
        }
        const eq = arg.indexOf('=');
        const key = arg.slice(2, eq === -1 ? undefined : eq);
        let value: unknown;
        if (eq !== -1) {
            value = arg.slice(eq + 1);
        } else if (i + 1 < args.length && !args[i + 1].startsWith('--')) {
            value = args[++i];
        } else {
            value = true;
        }
        out[key] = typeof value === 'string' && /^-?\\d+(\\.\\d+)?$/.test(value) ? Number(value) : value;
    }
    return out;
}
`,
};

function writeIfChanged(file, content) {
    if (fs.existsSync(file) && fs.readFileSync(file, 'utf8') === content) return false;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
    return true;
}

function stripJsonComments(text) {
    return text.replace(/^\s*\/\/.*$/gm, '');
}

function patchImportMap() {
    const file = path.join(runtimeDir, 'deno.jsonc');
    const config = JSON.parse(stripJsonComments(fs.readFileSync(file, 'utf8')));
    delete config.imports['@std/cli'];
    config.imports['@std/cli/parse-args'] = './offline-std/parse_args.ts';
    config.imports['@std/io'] = './offline-std/io.ts';
    config.imports['@std/streams'] = './offline-std/streams.ts';
    // Without this, Deno would manage (and rebuild) the project's node_modules.
    config.nodeModulesDir = 'none';
    writeIfChanged(file, JSON.stringify(config, null, '\t') + '\n');
}

function patchLockFile() {
    const file = path.join(runtimeDir, 'deno.lock');
    if (!fs.existsSync(file)) return;
    const lock = JSON.parse(fs.readFileSync(file, 'utf8'));
    delete lock.jsr;
    for (const key of Object.keys(lock.specifiers || {})) {
        if (key.startsWith('jsr:')) delete lock.specifiers[key];
    }
    if (lock.workspace && Array.isArray(lock.workspace.dependencies)) {
        lock.workspace.dependencies = lock.workspace.dependencies.filter((d) => !d.startsWith('jsr:'));
    }
    writeIfChanged(file, JSON.stringify(lock, null, 2) + '\n');
}

function provideEngineSourceException() {
    // handlers/app/handleUploadEvents.ts statically imports this from the engine's TS sources,
    // which the npm package does not ship; re-export the compiled class instead.
    const file = path.join(engineDir, 'src', 'definition', 'exceptions', 'AppsEngineException.ts');
    writeIfChanged(file, "export { AppsEngineException } from '../../../definition/exceptions/AppsEngineException.js';\n");
}

function cacheRuntime() {
    const env = { ...process.env, DENO_DIR: process.env.DENO_DIR || path.join(engineDir, '.deno-cache'), DENO_NO_UPDATE_CHECK: '1' };
    execFileSync(denoBin, ['cache', `--config=${path.join(runtimeDir, 'deno.jsonc')}`, path.join(runtimeDir, 'main.ts')], {
        cwd: runtimeDir,
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
    });
}

function main() {
    if (!fs.existsSync(runtimeDir)) {
        process.stdout.write('setup-deno-runtime: @rocket.chat/apps-engine is not installed yet, skipped\n');
        return;
    }
    for (const [name, content] of Object.entries(SHIMS)) writeIfChanged(path.join(shimDir, name), content);
    patchImportMap();
    patchLockFile();
    provideEngineSourceException();
    try {
        cacheRuntime();
    } catch (err) {
        process.stderr.write(`setup-deno-runtime: deno cache failed\n${err.stdout || ''}${err.stderr || err.message}\n`);
        process.exit(1);
    }
    process.stdout.write('setup-deno-runtime: Apps-Engine Deno runtime ready (offline)\n');
}

main();
