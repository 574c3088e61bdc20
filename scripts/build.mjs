// Bundles the runnable entry points with esbuild. Source is ESM TypeScript; Langium's LSP
// dependencies are CommonJS, so ESM bundles get a `require` for them.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import * as esbuild from 'esbuild';

// vscode-languageserver pins its own vscode-languageserver-protocol while Langium takes the newest,
// so npm installs two copies. Each bundle must hold one, the copy its LSP library uses: a
// ResponseError from one copy is no `instanceof` the other's (Langium's cancellations would reach
// the client as results), and a RequestType of @cxspec/language/protocol is only understood by
// the copy that made it.
function oneLspProtocol(library) {
    const libraryRequire = createRequire(createRequire(import.meta.url).resolve(library));
    return {
        name: `one-lsp-protocol-of-${library}`,
        setup(build) {
            build.onResolve({ filter: /^vscode-(languageserver-protocol|jsonrpc)(\/|$)/ }, args => ({ path: libraryRequire.resolve(args.path) }));
        }
    };
}

const cjsShim = "import { createRequire as __cxCreateRequire } from 'node:module'; const require = __cxCreateRequire(import.meta.url);";

const bundles = [
    {
        // The language server the VS Code extension starts (`node server.cjs`, stdio or --node-ipc).
        entryPoints: { server: 'packages/language/src/lsp/main.ts' },
        outdir: 'packages/extension/dist',
        format: 'cjs',
        outExtension: { '.js': '.cjs' },
        plugins: [oneLspProtocol('vscode-languageserver')]
    },
    {
        // Each command is imported when it runs (packages/cli/src/commands/index.ts); splitting puts
        // it and what only it needs into chunks, so `--help` loads no Langium and `validate` no
        // metrics or SQL. The chunks stay next to cxspec.mjs: the scoring code finds score-worker.mjs
        // beside its own file. @cxspec/model and @cxspec/language declare `sideEffects: false`, so
        // only the modules a chunk uses enter it (the worker takes the catalogs, not zod).
        entryPoints: { cxspec: 'packages/cli/src/main.ts' },
        outdir: 'packages/cli/dist',
        format: 'esm',
        splitting: true,
        outExtension: { '.js': '.mjs' },
        banner: { js: cjsShim },
        // Native or browser-driving packages stay outside the bundle and load from node_modules.
        external: ['@duckdb/node-api', 'playwright-core', 'pg']
    },
    {
        // The worker thread `cxspec score` splits a large CSV file with: row checks and
        // accumulators only, loaded next to cxspec.mjs (a small isolate, no Langium).
        entryPoints: { 'score-worker': 'packages/metrics/src/worker/score-worker.ts' },
        outdir: 'packages/cli/dist',
        format: 'esm',
        outExtension: { '.js': '.mjs' }
    },
    {
        // The preview page (survey-core, survey-js-ui and the page code in one script, the SurveyJS
        // theme and page styles in one sheet), inlined by `cxspec preview` and linked by the webview.
        entryPoints: { 'preview-client': 'packages/preview/src/client/main.ts', preview: 'packages/preview/src/client/preview.css' },
        outdir: 'packages/preview/dist',
        platform: 'browser',
        format: 'iife',
        target: 'es2022',
        minify: true,
        sourcemap: false,
        legalComments: 'inline'
    },
    {
        // The VS Code extension's client; `vscode` is provided by the editor at run time.
        entryPoints: { extension: 'packages/extension/src/extension.ts' },
        outdir: 'packages/extension/dist',
        format: 'cjs',
        outExtension: { '.js': '.cjs' },
        target: 'node20',
        external: ['vscode'],
        plugins: [oneLspProtocol('vscode-languageclient')]
    }
];

// The CLI bundle is split into chunks named by content hash: without clearing, every change would
// leave the previous build's chunks behind.
fs.rmSync('packages/cli/dist', { recursive: true, force: true });

await Promise.all(bundles.map(options => esbuild.build({
    bundle: true,
    platform: 'node',
    target: 'node22',
    sourcemap: true,
    logLevel: 'warning',
    ...options
})));

// The extension's grammar and webview assets, taken from the bundles just built.
await import('../packages/extension/scripts/assemble.mjs');
