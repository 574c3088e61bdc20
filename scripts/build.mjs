// Bundles the runnable entry points with esbuild. Source is ESM TypeScript; Langium's LSP
// dependencies are CommonJS, so ESM bundles get a `require` for them.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import * as esbuild from 'esbuild';

// vscode-languageserver pins its own vscode-languageserver-protocol while Langium takes the newest,
// so npm installs two copies. The server bundle must hold one: a ResponseError from one copy is no
// `instanceof` the other's, and Langium's cancellations would reach the client as results.
const lspRequire = createRequire(createRequire(import.meta.url).resolve('vscode-languageserver'));
const oneLspProtocol = {
    name: 'one-lsp-protocol',
    setup(build) {
        build.onResolve({ filter: /^vscode-(languageserver-protocol|jsonrpc)(\/|$)/ }, args => ({ path: lspRequire.resolve(args.path) }));
    }
};

// The score worker takes a few constants and functions from @cxspec/language; marked free of side
// effects, only the modules defining them enter its bundle (not Langium or zod).
const languageWithoutSideEffects = {
    name: 'language-without-side-effects',
    setup(build) {
        build.onResolve({ filter: /^@cxspec\/language$/ }, async args => {
            if (args.pluginData === 'inner') return undefined;
            const resolved = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, pluginData: 'inner' });
            return { path: resolved.path, sideEffects: false };
        });
    }
};

const cjsShim = "import { createRequire as __cxCreateRequire } from 'node:module'; const require = __cxCreateRequire(import.meta.url);";

const bundles = [
    {
        // The language server the VS Code extension starts (`node server.cjs`, stdio or --node-ipc).
        entryPoints: { server: 'packages/language/src/lsp/main.ts' },
        outdir: 'packages/extension/dist',
        format: 'cjs',
        outExtension: { '.js': '.cjs' },
        plugins: [oneLspProtocol]
    },
    {
        // Each command is imported when it runs (packages/cli/src/commands/index.ts); splitting puts
        // it and what only it needs into chunks, so `--help` loads no Langium and `validate` no
        // metrics or SQL. The chunks stay next to cxspec.mjs: the scoring code finds score-worker.mjs
        // beside its own file. With @cxspec/language free of side effects, the zod schemas of the
        // CX model (used by tests, not by any command) stay out of the bundle.
        entryPoints: { cxspec: 'packages/cli/src/main.ts' },
        outdir: 'packages/cli/dist',
        format: 'esm',
        splitting: true,
        outExtension: { '.js': '.mjs' },
        banner: { js: cjsShim },
        plugins: [languageWithoutSideEffects],
        // Native or browser-driving packages stay outside the bundle and load from node_modules.
        external: ['@duckdb/node-api', 'playwright-core', 'pg']
    },
    {
        // The worker thread `cxspec score` splits a large CSV file with: row checks and
        // accumulators only, loaded next to cxspec.mjs (a small isolate, no Langium).
        entryPoints: { 'score-worker': 'packages/metrics/src/worker/score-worker.ts' },
        outdir: 'packages/cli/dist',
        format: 'esm',
        outExtension: { '.js': '.mjs' },
        plugins: [languageWithoutSideEffects]
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
        external: ['vscode']
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
