#!/usr/bin/env node
// `npm run bench [-- <name> ...]`: runs every bench/*.bench.ts in turn (or only those whose file
// name contains one of the names, e.g. `npm run bench -- host`), each in its own node process
// (it starts what it measures), and ends with the summary of all of them.
//
// The summary convention: a bench prints each of its figures once as a line
//     SUMMARY <name> <value> [<label> <value> ...]
// e.g. `SUMMARY setStatus.rps 412 fixture 780 ratio 0.53` (bench/lib/summary.ts writes them).
// Everything a bench prints is shown as it comes; the SUMMARY lines are also collected and printed
// together at the end, without the `SUMMARY ` prefix, in the order the benches ran. A bench that
// fails (exit code not 0) is named there too, and `npm run bench` then exits 1.
// What each figure means, and the environment variables: bench/README.md.
'use strict';
const fs = require('fs');
const path = require('path');
const { spawn } = require('child_process');

const PREFIX = 'SUMMARY ';
const root = path.resolve(__dirname, '..');
const benchDir = path.join(root, 'bench');
const wanted = process.argv.slice(2);
const files = (fs.existsSync(benchDir) ? fs.readdirSync(benchDir) : [])
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => !wanted.length || wanted.some((w) => f.includes(w)))
    .sort();
if (!files.length) {
    process.stdout.write(`No bench/*.bench.ts files${wanted.length ? ` matching ${wanted.join(', ')}` : ''}.\n`);
    process.exit(wanted.length ? 1 : 0);
}

/** Runs one bench; resolves with its exit code and its SUMMARY lines. */
function run(file) {
    return new Promise((resolve) => {
        const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', path.join('bench', file)], {
            cwd: root,
            env: { ...process.env, TS_NODE_TRANSPILE_ONLY: 'true' },
            stdio: ['ignore', 'pipe', 'inherit'],
        });
        const summary = [];
        let buffer = '';
        const take = (line) => {
            process.stdout.write(`${line}\n`);
            if (line.startsWith(PREFIX)) summary.push(line.slice(PREFIX.length).trim());
        };
        child.stdout.on('data', (chunk) => {
            buffer += chunk.toString('utf8');
            let nl;
            while ((nl = buffer.indexOf('\n')) >= 0) {
                take(buffer.slice(0, nl));
                buffer = buffer.slice(nl + 1);
            }
        });
        child.on('close', (code, signal) => {
            if (buffer) take(buffer);
            resolve({ code: code ?? signal, summary });
        });
    });
}

async function main() {
    const lines = [];
    let failed = 0;
    for (const file of files) {
        process.stdout.write(`\n=== ${file} ===\n`);
        const { code, summary } = await run(file);
        lines.push(...summary);
        if (code !== 0) {
            failed++;
            lines.push(`${file} failed (exit ${code})`);
            process.stdout.write(`${file} failed (exit ${code})\n`);
        }
    }
    process.stdout.write(`\n=== summary (${files.join(', ')}) ===\n${lines.join('\n')}\n`);
    process.exit(failed ? 1 : 0);
}

main();
