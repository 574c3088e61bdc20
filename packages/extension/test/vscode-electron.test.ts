/**
 * The extension inside a real VS Code (@vscode/test-electron): activation, diagnostics from the
 * bundled server, the preview command and the preview coming back through its serializer. Runs
 * where VSCODE_EXECUTABLE is set or VS Code can be downloaded, with a display; elsewhere it skips
 * and prints why.
 */
import path from 'node:path';
import * as esbuild from 'esbuild';
import { expect, it } from 'vitest';
import { runVsCodeSuite } from './vscode/run-vscode.js';

const extensionPath = path.resolve(import.meta.dirname, '..');
const root = path.resolve(extensionPath, '../..');

it('runs the VS Code suite (activation, diagnostics, preview command, preview serializer)', async ctx => {
    const suitePath = path.join(extensionPath, 'dist/test/suite.cjs');
    await esbuild.build({
        entryPoints: [path.join(import.meta.dirname, 'vscode/suite/index.ts')],
        outfile: suitePath,
        bundle: true,
        platform: 'node',
        format: 'cjs',
        target: 'node20',
        external: ['vscode'],
        logLevel: 'warning'
    });
    const outcome = await runVsCodeSuite({ extensionPath, suitePath, workspace: path.join(root, 'examples/coffee-mobile-order') });
    if (!outcome.ran) {
        console.warn(`VS Code extension tests skipped: ${outcome.reason}.`);
        ctx.skip(`VS Code extension tests skipped: ${outcome.reason}`);
    }
    expect(outcome).toEqual({ ran: true });
}, 300_000);
