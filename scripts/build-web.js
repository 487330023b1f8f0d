#!/usr/bin/env node
// Builds the local workspace's web page (web/src, React + Rocket.Chat's fuselage and UIKit renderer)
// into web/dist with esbuild; nothing is loaded from a CDN.
//
// ES modules split into chunks: the entry (the login form and what every screen needs), and chunks
// loaded when first used (the logged-in page, the markdown parser, the admins' settings page and
// presence panel). Every file but index.html carries a content hash in its name, so the workspace
// may let browsers cache it for good; index.html names the current entry and stylesheet. Text
// files are also written compressed (`.br`, `.gz`) for the workspace to send by Accept-Encoding.
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const esbuild = require('esbuild');

const root = path.resolve(__dirname, '..');
const outdir = path.join(root, 'web', 'dist');
const PUBLIC_PATH = '/web/';
/** Compressed copies are written for these; of the icon font, browsers fetch only the woff2 (compressed already). */
const COMPRESSIBLE = new Set(['.js', '.css', '.html']);

const publicName = (file) => PUBLIC_PATH + path.relative(outdir, file).split(path.sep).join('/');

/** The output file of an entry point, and the chunks it imports statically (to preload them). */
function entryOutput(metafile, entryPoint) {
    const [file, output] = Object.entries(metafile.outputs).find(([, o]) => o.entryPoint === entryPoint) ?? [];
    if (!file) throw new Error(`no output for ${entryPoint}`);
    return { file: path.resolve(root, file), output };
}

/** The chunks a file imports statically, and theirs (what loads with it). */
function staticClosure(metafile, file, seen = new Set()) {
    for (const i of metafile.outputs[file].imports) {
        if (i.kind !== 'import-statement' || seen.has(i.path)) continue;
        seen.add(i.path);
        staticClosure(metafile, i.path, seen);
    }
    return seen;
}

/**
 * index.html: the stylesheet, the entry with its chunks preloaded (the login form needs them), and
 * the chunks the entry imports on demand (the logged-in page) prefetched: the browser fetches them
 * at idle priority without running them, so the login form does not wait for them.
 */
function indexHtml(metafile) {
    const app = entryOutput(metafile, 'web/src/main.tsx');
    const styles = entryOutput(metafile, 'web/src/styles.css');
    const appKey = path.relative(root, app.file);
    const preloads = staticClosure(metafile, appKey);
    const prefetches = new Set();
    for (const i of metafile.outputs[appKey].imports) {
        if (i.kind !== 'dynamic-import') continue;
        for (const chunk of [i.path, ...staticClosure(metafile, i.path)]) if (!preloads.has(chunk) && chunk !== appKey) prefetches.add(chunk);
    }
    const href = (key) => publicName(path.resolve(root, key));
    const template = fs.readFileSync(path.join(root, 'web', 'index.html'), 'utf8');
    const head = [
        `<link rel="stylesheet" href="${publicName(styles.file)}" />`,
        ...[...preloads].map((p) => `<link rel="modulepreload" href="${href(p)}" />`),
        `<script type="module" src="${publicName(app.file)}"></script>`,
        ...[...prefetches].map((p) => `<link rel="prefetch" href="${href(p)}" as="script" crossorigin />`),
    ].join('\n        ');
    if (!template.includes('<!-- assets -->')) throw new Error('web/index.html has no <!-- assets --> mark');
    return template.replace('<!-- assets -->', head);
}

function compress(dir) {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) {
            compress(file);
            continue;
        }
        if (!COMPRESSIBLE.has(path.extname(entry.name))) continue;
        const body = fs.readFileSync(file);
        fs.writeFileSync(
            `${file}.br`,
            zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
        );
        fs.writeFileSync(`${file}.gz`, zlib.gzipSync(body, { level: 9 }));
    }
}

async function build() {
    fs.rmSync(outdir, { recursive: true, force: true });
    fs.mkdirSync(outdir, { recursive: true });
    const result = await esbuild.build({
        absWorkingDir: root,
        entryPoints: { app: 'web/src/main.tsx', styles: 'web/src/styles.css' },
        outdir,
        bundle: true,
        splitting: true,
        minify: true,
        sourcemap: true,
        metafile: true,
        format: 'esm',
        platform: 'browser',
        target: ['chrome100', 'firefox100', 'safari15'],
        tsconfig: 'web/tsconfig.json',
        jsx: 'automatic',
        define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
        loader: { '.woff': 'file', '.woff2': 'file', '.ttf': 'file', '.eot': 'file', '.svg': 'file' },
        entryNames: '[name]-[hash]',
        chunkNames: 'chunks/[name]-[hash]',
        assetNames: 'assets/[name]-[hash]',
        publicPath: PUBLIC_PATH,
        logLevel: 'warning',
    });
    fs.writeFileSync(path.join(outdir, 'index.html'), indexHtml(result.metafile));
    compress(outdir);
}

build().then(
    () => process.stdout.write(`> web page built into ${path.relative(root, outdir)}\n`),
    (err) => {
        process.stderr.write(`web page build failed: ${err && err.message ? err.message : String(err)}\n`);
        process.exit(1);
    },
);
