#!/usr/bin/env node
// The compatibility run (CI: `npm run compat`): the package claims the Apps-Engine range in
// scripts/package.js (REQUIRED_ENGINE_RANGE); this checks it on the lowest version of that range and on
// the newest the registry serves, each installed in its own folder (node_modules/.compat/engine-<v>,
// never over the project's engine):
// - an engine that ships its server runtime (server/, deno-runtime/) runs the integration smoke suite
//   (test/integration/compat.smoke.test.ts) in the local workspace on that engine (APPS_ENGINE_DIR);
// - an engine published as type definitions only (1.65 and later on npm) cannot run an app anywhere
//   here: the app's sources are type-checked against its definitions.
// `node scripts/compat-engine.js [<version> ...]` checks the versions given instead.
'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const { REQUIRED_ENGINE_RANGE } = require('./engineRange');

const root = path.resolve(__dirname, '..');
const compatRoot = path.join(root, 'node_modules', '.compat');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const log = (line) => process.stdout.write(`compat: ${line}\n`);

// REQUIRED_ENGINE_RANGE is a caret range on a 1.x version (^1.y.z): 1.y.z and every later 1.x
const [, LOWEST] = /^\^(1\.\d+\.\d+)$/.exec(REQUIRED_ENGINE_RANGE) ?? [];
if (!LOWEST) throw new Error(`compat: expected a caret range on 1.x, found ${REQUIRED_ENGINE_RANGE}`);
const parts = (version) => version.split('.').map(Number);
const claimed = (version) => {
    const [major, minor, patch] = parts(version);
    const [, lowMinor, lowPatch] = parts(LOWEST);
    return major === 1 && (minor > lowMinor || (minor === lowMinor && patch >= lowPatch));
};

function run(command, args, options = {}) {
    execFileSync(command, args, { cwd: root, stdio: 'inherit', ...options });
}

/** The newest version the registry serves (one look-up). */
function newestOnRegistry() {
    return execFileSync(npm, ['view', '@rocket.chat/apps-engine', 'version'], { cwd: root, encoding: 'utf8' }).trim();
}

/** Installs that engine (and `mem`, which its ProxiedApp requires without declaring it) in its own folder. */
function install(version) {
    const home = path.join(compatRoot, `engine-${version}`);
    const engineDir = path.join(home, 'node_modules', '@rocket.chat', 'apps-engine');
    const installed = fs.existsSync(path.join(engineDir, 'package.json')) && JSON.parse(fs.readFileSync(path.join(engineDir, 'package.json'), 'utf8')).version;
    if (installed !== version) {
        fs.rmSync(home, { recursive: true, force: true });
        fs.mkdirSync(home, { recursive: true });
        fs.writeFileSync(path.join(home, 'package.json'), JSON.stringify({ name: `compat-engine-${version}`, private: true }, null, 2));
        // no install scripts (the engine needs none; older ones would download a Deno binary from a host
        // not reachable here); peer dependencies are the project's
        run(npm, [
            'install',
            '--prefix',
            home,
            '--no-audit',
            '--no-fund',
            '--ignore-scripts',
            '--legacy-peer-deps',
            `@rocket.chat/apps-engine@${version}`,
            'mem@8.1.1',
        ]);
    }
    return { home, engineDir, shipsRuntime: fs.existsSync(path.join(engineDir, 'server', 'AppManager.js')) };
}

/** tsc over the app's sources (src/), with @rocket.chat/apps-engine/* taken from that engine's folder. */
function typeCheck(version, engineDir, home) {
    const tsconfig = path.join(home, 'tsconfig.app.json');
    fs.writeFileSync(
        tsconfig,
        JSON.stringify(
            {
                extends: path.join(root, 'tsconfig.json'),
                compilerOptions: { baseUrl: root, paths: { '@rocket.chat/apps-engine/*': [path.join(engineDir, '*')] }, types: ['node'] },
                include: [path.join(root, 'src', '**', '*.ts')],
            },
            null,
            2,
        ),
    );
    log(`type-checking src/ against @rocket.chat/apps-engine ${version}'s definitions`);
    run(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', tsconfig]);
}

/** The integration smoke suite on the local workspace running that engine. */
function smoke(version, home) {
    log(`preparing ${version}'s Deno runtime`);
    run(process.execPath, [path.join(root, 'scripts', 'setup-deno-runtime.js')], { env: { ...process.env, APPS_ENGINE_DIR: home } });
    log(`integration smoke on @rocket.chat/apps-engine ${version}`);
    run(process.execPath, [path.join(root, 'node_modules', 'jest', 'bin', 'jest.js'), '--runInBand', 'test/integration/compat.smoke.test.ts'], {
        env: {
            ...process.env,
            NODE_OPTIONS: [process.env.NODE_OPTIONS, '--experimental-websocket'].filter(Boolean).join(' '),
            APPS_ENGINE_DIR: home,
            EXPECTED_APPS_ENGINE_VERSION: version,
        },
    });
}

function main() {
    const versions = process.argv.slice(2);
    if (!versions.length) {
        const newest = newestOnRegistry();
        log(`the package claims ${REQUIRED_ENGINE_RANGE}: lowest ${LOWEST}, newest on the registry ${newest}`);
        versions.push(...new Set([LOWEST, newest]));
    }
    for (const version of versions) {
        if (!/^\d+\.\d+\.\d+$/.test(version) || !claimed(version)) {
            process.stderr.write(`compat: ${version} is outside the claimed range ${REQUIRED_ENGINE_RANGE}\n`);
            process.exit(1);
        }
        const { home, engineDir, shipsRuntime } = install(version);
        typeCheck(version, engineDir, home);
        if (shipsRuntime) {
            smoke(version, home);
        } else {
            log(`${version} ships type definitions only (no AppManager, no Deno runtime): no app can run on it here; type check only`);
        }
    }
    log('done');
}

main();
