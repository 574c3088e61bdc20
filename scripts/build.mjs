// Bundles the runnable entry points with esbuild. Source is ESM TypeScript; Langium's LSP
// dependencies are CommonJS, so ESM bundles get a `require` for them.
import * as esbuild from 'esbuild';

const cjsShim = "import { createRequire as __cxCreateRequire } from 'node:module'; const require = __cxCreateRequire(import.meta.url);";

const bundles = [
    {
        entryPoints: { cxspec: 'packages/cli/src/main.ts' },
        outdir: 'packages/cli/dist',
        format: 'esm',
        outExtension: { '.js': '.mjs' },
        banner: { js: cjsShim },
        // Native or browser-driving packages stay outside the bundle and load from node_modules.
        external: ['@duckdb/node-api', 'playwright-core', 'pg']
    }
];

await Promise.all(bundles.map(options => esbuild.build({
    bundle: true,
    platform: 'node',
    target: 'node22',
    sourcemap: true,
    logLevel: 'warning',
    ...options
})));
