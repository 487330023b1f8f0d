#!/usr/bin/env node
// Packages the app with the real `rc-apps package`, from a staging folder that holds only
// what Rocket.Chat reads (app.json, icon, i18n, src). rc-apps compiles every .ts file and
// zips every other file of the folder it runs in, so running it at the repo root would
// pack the local workspace, tests and scripts too.
// `node scripts/package.js deploy <rc-apps deploy flags>` (npm run deploy -- ...) runs
// `rc-apps deploy` from the same staging folder, which packages and uploads in one step;
// `node scripts/package.js submit <rc-apps submit flags>` (npm run submit -- ...) runs `rc-apps submit`
// (the Marketplace) from it the same way.
// `node scripts/package.js --app <dir> --out <dir>` packages another app folder the same way
// (the bench's fixture app, bench/fixture) into another folder; the defaults are the root and dist/.
'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

const { REQUIRED_ENGINE_RANGE } = require('./engineRange');
const APP_FILES = ['app.json', 'icon.png', 'i18n', 'src'];

const root = path.resolve(__dirname, '..');
// `deploy` (a workspace) or `submit` (the Marketplace): rc-apps packages and sends from the staging folder
const sending = ['deploy', 'submit'].includes(process.argv[2]) ? process.argv[2] : undefined;
const args = sending ? [] : process.argv.slice(2);
const option = (name) => {
    const i = args.indexOf(name);
    if (i < 0) return undefined;
    if (!args[i + 1]) {
        process.stderr.write(`${name} needs a folder\n`);
        process.exit(2);
    }
    return args[i + 1];
};
const appDir = path.resolve(root, option('--app') || '.');
const outDir = path.resolve(root, option('--out') || 'dist');
// One staging folder per run, so that two runs at once (tests, npm start) do not collide.
const stage = path.join(root, '.package-stage', String(process.pid));
const appInfo = JSON.parse(fs.readFileSync(path.join(appDir, 'app.json'), 'utf8'));
const zipName = `${appInfo.nameSlug}_${appInfo.version}.zip`;

fs.rmSync(stage, { recursive: true, force: true });
fs.mkdirSync(stage, { recursive: true });
for (const entry of APP_FILES) {
    // i18n is optional for an app without translated texts (the fixture)
    if (entry === 'i18n' && !fs.existsSync(path.join(appDir, entry))) continue;
    fs.cpSync(path.join(appDir, entry), path.join(stage, entry), { recursive: true });
}
fs.writeFileSync(
    path.join(stage, 'package.json'),
    JSON.stringify(
        { name: appInfo.nameSlug, version: appInfo.version, private: true, devDependencies: { '@rocket.chat/apps-engine': REQUIRED_ENGINE_RANGE } },
        null,
        2,
    ),
);
fs.symlinkSync(path.join(root, 'node_modules'), path.join(stage, 'node_modules'), 'dir');

const rcApps = path.join(root, 'node_modules', '.bin', 'rc-apps');
if (sending) {
    try {
        execFileSync(rcApps, [sending, ...process.argv.slice(3)], { cwd: stage, stdio: 'inherit' });
    } catch (err) {
        process.exitCode = err.status || 1; // rc-apps has already said what went wrong
    } finally {
        fs.rmSync(stage, { recursive: true, force: true });
    }
    process.exit();
}
try {
    execFileSync(rcApps, ['package'], { cwd: stage, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
} catch (err) {
    fs.rmSync(stage, { recursive: true, force: true });
    process.stderr.write(`rc-apps package failed:\n${err.stdout || ''}${err.stderr || ''}\nRun \`npx tsc --noEmit\` for the full list of compile errors.\n`);
    process.exit(1);
}

fs.mkdirSync(outDir, { recursive: true });
const target = path.join(outDir, zipName);
// Written beside the target and renamed, so a reader never sees a half-written zip.
const partial = `${target}.${process.pid}.partial`;
fs.copyFileSync(path.join(stage, 'dist', zipName), partial);
fs.renameSync(partial, target);
fs.rmSync(stage, { recursive: true, force: true });
process.stdout.write(`Packaged ${path.relative(root, target)}\n`);
