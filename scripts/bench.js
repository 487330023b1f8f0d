#!/usr/bin/env node
// `npm run bench`: runs every bench/*.bench.ts in turn (each starts what it measures).
'use strict';
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const root = path.resolve(__dirname, '..');
const benchDir = path.join(root, 'bench');
const files = fs.existsSync(benchDir)
    ? fs
          .readdirSync(benchDir)
          .filter((f) => f.endsWith('.bench.ts'))
          .sort()
    : [];
if (!files.length) {
    process.stdout.write('No bench/*.bench.ts files.\n');
    process.exit(0);
}
let failed = 0;
for (const file of files) {
    process.stdout.write(`\n=== ${file} ===\n`);
    const result = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', path.join('bench', file)], { cwd: root, stdio: 'inherit' });
    if (result.status !== 0) {
        failed++;
        process.stdout.write(`${file} failed (exit ${result.status ?? result.signal})\n`);
    }
}
process.exit(failed ? 1 : 0);
