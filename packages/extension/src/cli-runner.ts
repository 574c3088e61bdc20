/**
 * Compile and score run the `cxspec` CLI bundle (a copy ships in the extension) as a child process,
 * with VS Code's own runtime as Node, and show its output in the CXSpec output channel.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import * as vscode from 'vscode';
import { readSettings } from './settings.js';

export interface CliResult {
    code: number;
    stdout: string;
    stderr: string;
}

export function cliPath(context: vscode.ExtensionContext): string {
    return readSettings().cliPath || context.asAbsolutePath(path.join('dist', 'cli', 'cxspec.mjs'));
}

export function runCli(context: vscode.ExtensionContext, args: string[], cwd: string, output: vscode.OutputChannel): Promise<CliResult> {
    const cli = cliPath(context);
    output.appendLine(`$ cxspec ${args.join(' ')}`);
    return new Promise(resolve => {
        const child = spawn(process.execPath, [cli, ...args], {
            cwd,
            // In VS Code, process.execPath is Electron; this makes it behave as plain Node.
            env: { ...process.env, ELECTRON_RUN_AS_NODE: '1', CI: '1' }
        });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (chunk: Buffer) => { stdout += chunk; output.append(chunk.toString()); });
        child.stderr.on('data', (chunk: Buffer) => { stderr += chunk; output.append(chunk.toString()); });
        child.on('error', error => {
            output.appendLine(`cannot start ${cli}: ${error.message}`);
            resolve({ code: -1, stdout, stderr: stderr + error.message });
        });
        child.on('close', code => {
            output.appendLine(`(exit ${code ?? 'signal'})`);
            resolve({ code: code ?? -1, stdout, stderr });
        });
    });
}

/** `spec Name` from the first lines of a .cx file: every file of a spec starts by naming it. */
export function specNameOf(document: vscode.TextDocument): string | undefined {
    return /^\s*spec\s+([A-Za-z_][A-Za-z0-9_]*)/m.exec(document.getText())?.[1];
}
