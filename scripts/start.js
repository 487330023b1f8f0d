#!/usr/bin/env node
// `npm start`: packages the app (the real `rc-apps package`), starts the local workspace with the
// package installed and enabled (replacing the installed one when the package changed), prints
// the URL of the web page, the app id and the admin login, and stops cleanly on Ctrl-C.
'use strict';
const fs = require('fs');
const path = require('path');
const { spawn, execFileSync } = require('child_process');

const root = path.resolve(__dirname, '..');
const say = (line) => process.stdout.write(`${line}\n`);

say('> packaging the app (npm run package)');
try {
    execFileSync(process.execPath, [path.join(root, 'scripts', 'package.js')], { cwd: root, stdio: 'inherit' });
} catch {
    process.exit(1);
}

say('> building the web page (scripts/build-web.js)');
try {
    execFileSync(process.execPath, [path.join(root, 'scripts', 'build-web.js')], { cwd: root, stdio: 'inherit' });
} catch {
    process.exit(1);
}

const appInfo = JSON.parse(fs.readFileSync(path.join(root, 'app.json'), 'utf8'));
const zip = path.join(root, 'dist', `${appInfo.nameSlug}_${appInfo.version}.zip`);
if (!fs.existsSync(zip)) {
    process.stderr.write(`No package at ${path.relative(root, zip)}\n`);
    process.exit(1);
}

const env = {
    ...process.env,
    PORT: process.env.PORT || '3000',
    DATA_DIR: path.resolve(root, process.env.DATA_DIR || '.data'),
    ADMIN_USERNAME: process.env.ADMIN_USERNAME || 'admin',
    APP_PACKAGE: zip,
};
say(`> starting the local workspace (data in ${path.relative(root, env.DATA_DIR) || '.'}, port ${env.PORT})`);
// the light loader (scripts/register-ts.js): the TypeScript compiler stays out of the long-running process
const child = spawn(process.execPath, ['-r', path.join(root, 'scripts', 'register-ts.js'), path.join('workspace', 'main.ts')], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
});

let buffer = '';
child.stdout.on('data', (chunk) => {
    buffer += chunk.toString('utf8');
    let nl;
    while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        if (line.startsWith('WORKSPACE_READY ')) {
            printReady(JSON.parse(line.slice('WORKSPACE_READY '.length)));
        } else {
            say(line);
        }
    }
});

function printReady({ url, appId, admin, instances }) {
    const passwordHint = process.env.ADMIN_PASSWORD
        ? 'the ADMIN_PASSWORD you set'
        : `printed above on the first start; kept in ${path.join(path.relative(root, env.DATA_DIR) || '.', 'admin-password')}`;
    say('');
    say(`Local workspace ready at ${url}`);
    say(`  web page:    ${url}/  (log in as ${admin}; "Create a test user" makes a second user)`);
    say(`  app id:      ${appId}`);
    say(`  admin login: ${admin} (password: ${passwordHint})`);
    if (instances > 1) say(`  instances:   ${instances} (X-Instance-Id on each response names the one that served it)`);
    say('');
    say('Try it:');
    say(`  curl -s ${url}/api/v1/login -H 'Content-Type: application/json' -d '{"user":"${admin}","password":"<password>"}'`);
    say(`  curl -s -X POST ${url}/api/apps/public/${appId}/users.setStatus \\`);
    say(`       -H 'X-User-Id: <data.userId>' -H 'X-Auth-Token: <data.authToken>' -H 'Content-Type: application/json' \\`);
    say(`       -d '{"status":"busy","message":"In a meeting"}'`);
    say('');
    say('Ctrl-C stops it.');
}

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
        if (stopping) return;
        stopping = true;
        child.kill('SIGTERM');
    });
}
child.on('exit', (code, signal) => {
    process.exit(code ?? (signal ? 1 : 0));
});
