// How fast the preview follows an edit, measured the way the extension does it: a one-label edit
// sent to the bundled language server (packages/extension/dist/server.cjs, from `npm run build`) over
// stdio, the server's `cxspec/modelChanged`, the `cxspec/previewModel` request, and the renderer
// turning the model into the page's data (compiled SurveyJS JSON, journey map, metrics).
// Target: the preview follows edits within 500 ms, including the extension's default 150 ms debounce.
// Reference measured in the same run: the time from the same edit to the server's diagnostics, what
// the editor shows anyway; the ratio is the preview's cost on top of it.
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { spawn } from 'node:child_process';
import * as esbuild from 'esbuild';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';

const root = path.resolve(import.meta.dirname, '../../..');
const benchDir = path.join(root, '.bench/preview');
const workspace = path.join(benchDir, 'workspace');
const EDITS = 40;
const DEBOUNCE_MS = 150;
const TARGET_MS = 500;
const showProgress = process.stderr.isTTY && !process.env.CI;

// The renderer is TypeScript; bundle its public entry once so this plain-Node script can call it.
fs.mkdirSync(benchDir, { recursive: true });
await esbuild.build({
    entryPoints: [path.join(root, 'packages/preview/src/index.ts')],
    outfile: path.join(benchDir, 'renderer.mjs'),
    bundle: true, platform: 'node', format: 'esm', logLevel: 'warning'
});
const { buildPreviewData } = await import(pathToFileURL(path.join(benchDir, 'renderer.mjs')).href);

fs.rmSync(workspace, { recursive: true, force: true });
fs.mkdirSync(workspace, { recursive: true });
const example = path.join(root, 'examples/coffee-mobile-order');
for (const f of fs.readdirSync(example).filter(f => f.endsWith('.cx'))) fs.copyFileSync(path.join(example, f), path.join(workspace, f));

const child = spawn(process.execPath, [path.join(root, 'packages/extension/dist/server.cjs'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
let onModelChanged = () => undefined;
let onDiagnostics = () => undefined;
connection.onNotification('cxspec/modelChanged', () => onModelChanged());
connection.onNotification('textDocument/publishDiagnostics', params => { if (params.uri === uri) onDiagnostics(); });
connection.onRequest('workspace/configuration', params => params.items.map(() => null));
connection.onRequest('client/registerCapability', () => null);
connection.onRequest('window/workDoneProgress/create', () => null);
connection.onNotification('window/logMessage', () => undefined);
connection.listen();

const rootUri = pathToFileURL(workspace).href;
const file = path.join(workspace, 'survey.cx');
const uri = pathToFileURL(file).href;
const text = fs.readFileSync(file, 'utf8');
const firstBuild = new Promise(resolve => { onModelChanged = resolve; });
await connection.sendRequest('initialize', { processId: process.pid, rootUri, workspaceFolders: [{ uri: rootUri, name: 'bench' }], capabilities: {} });
await connection.sendNotification('initialized', {});
await firstBuild;
await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'cxspec', version: 1, text } });

const previewTimes = [];
const diagnosticTimes = [];
for (let i = 0; i < EDITS; i++) {
    if (showProgress) process.stderr.write(`\r\x1b[Kedit ${i + 1}/${EDITS}`);
    const label = `Edit ${i}: what is the main reason for your score?`;
    const changed = new Promise(resolve => { onModelChanged = resolve; });
    const diagnosed = new Promise(resolve => { onDiagnostics = () => resolve(performance.now()); });
    const start = performance.now();
    await connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: i + 2 },
        contentChanges: [{ text: text.replace('What is the main reason for your score?', label) }]
    });
    await changed;
    const result = await connection.sendRequest('cxspec/previewModel', { uri, focus: { kind: 'survey', name: 'AfterPickup' } });
    const data = buildPreviewData(result.model, result.focus);
    const end = performance.now();
    const diagnosticsAt = await diagnosed;
    if (!JSON.stringify(data.surveys[0].json).includes(label)) throw new Error(`edit ${i} is missing from the preview data`);
    previewTimes.push(end - start);
    diagnosticTimes.push(diagnosticsAt - start);
}
if (showProgress) process.stderr.write('\r\x1b[K');
await connection.sendRequest('shutdown');
await connection.sendNotification('exit');
connection.dispose();

const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];
const ms = x => `${x.toFixed(1)} ms`;
const median = quantile(previewTimes, 0.5);
const p95 = quantile(previewTimes, 0.95);
const reference = quantile(diagnosticTimes, 0.5);
console.log(`preview follows an edit (coffee-mobile-order, ${EDITS} edits): median ${ms(median)}, p95 ${ms(p95)}`);
console.log(`  reference, same edits to diagnostics: median ${ms(reference)}; preview / diagnostics = ${(median / reference).toFixed(2)}x`);
console.log(`  with the extension's ${DEBOUNCE_MS} ms debounce: p95 ${ms(p95 + DEBOUNCE_MS)} against the ${TARGET_MS} ms target: ${p95 + DEBOUNCE_MS <= TARGET_MS ? 'met' : 'MISSED'}`);
