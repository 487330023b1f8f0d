// A light TypeScript loader for the workspace process: `node -r ./scripts/register-ts.js workspace/main.ts`.
// Each .ts file is transpiled on require by esbuild (type-only, as ts-node's transpile-only does, files
// in place so __dirname stays right), without loading the TypeScript compiler into the process: that
// alone costs the long-running workspace about 90 MB of resident memory. Type checking is `npm run typecheck`.
'use strict';
const fs = require('fs');
const esbuild = require('esbuild');

const compile = (module, filename) => {
    const { code } = esbuild.transformSync(fs.readFileSync(filename, 'utf8'), {
        loader: 'ts',
        format: 'cjs',
        platform: 'node',
        target: 'node20',
        sourcefile: filename,
        sourcemap: 'inline',
        tsconfigRaw: { compilerOptions: { experimentalDecorators: true, useDefineForClassFields: false } },
    });
    module._compile(code, filename);
};
require.extensions['.ts'] = compile;
process.setSourceMapsEnabled(true);
// esbuild's sync API runs in a worker thread (about 8 MB): the workspace's imports are all static, so
// once the main module has been evaluated it is not needed any more (a later require starts it again).
setTimeout(() => esbuild.stop(), 0).unref();

// `APPS_ENGINE_DIR=<folder>`: the Apps-Engine is taken from `<folder>/node_modules` instead of the
// project's (the compatibility run installs other engine versions there, scripts/compat-engine.js);
// the engine's own dependencies then resolve from its folder too.
if (process.env.APPS_ENGINE_DIR) {
    const Module = require('module');
    const path = require('path');
    const engineHome = path.resolve(process.env.APPS_ENGINE_DIR);
    const resolve = Module._resolveFilename;
    Module._resolveFilename = function (request, parent, isMain, options) {
        if (request === '@rocket.chat/apps-engine' || request.startsWith('@rocket.chat/apps-engine/')) {
            return resolve.call(this, request, parent, isMain, { ...options, paths: [engineHome] });
        }
        return resolve.call(this, request, parent, isMain, options);
    };
}
