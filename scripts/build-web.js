#!/usr/bin/env node
// Builds the local workspace's web page (web/src, React + Rocket.Chat's fuselage and UIKit renderer)
// into web/dist with esbuild: one JS bundle, one CSS file, the icon font; nothing is loaded from a CDN.
'use strict';
const fs = require('fs');
const path = require('path');
const esbuild = require('esbuild');

const root = path.resolve(__dirname, '..');
const outdir = path.join(root, 'web', 'dist');

async function build() {
    fs.rmSync(outdir, { recursive: true, force: true });
    fs.mkdirSync(outdir, { recursive: true });
    await esbuild.build({
        absWorkingDir: root,
        entryPoints: { app: 'web/src/main.tsx', styles: 'web/src/styles.css' },
        outdir,
        bundle: true,
        minify: true,
        sourcemap: true,
        format: 'iife',
        platform: 'browser',
        target: ['chrome100', 'firefox100', 'safari15'],
        tsconfig: 'web/tsconfig.json',
        jsx: 'automatic',
        define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
        loader: { '.woff': 'file', '.woff2': 'file', '.ttf': 'file', '.eot': 'file', '.svg': 'file' },
        assetNames: 'assets/[name]-[hash]',
        logLevel: 'warning',
    });
    fs.copyFileSync(path.join(root, 'web', 'index.html'), path.join(outdir, 'index.html'));
}

build().then(
    () => process.stdout.write(`> web page built into ${path.relative(root, outdir)}\n`),
    (err) => {
        process.stderr.write(`web page build failed: ${err && err.message ? err.message : String(err)}\n`);
        process.exit(1);
    },
);
