/**
 * Compile and score run the `cxspec` CLI bundle as a child process, with VS Code's own runtime as
 * Node, and show its output in the CXSpec output channel. The CLI is not shipped inside the
 * extension: its DuckDB and PostgreSQL engines are native packages that live in node_modules.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { readSettings } from './settings.js';

export interface CliResult {
    code: number;
    stdout: string;
    stderr: string;
}

/** The CLI to run: the `cxspec.cli.path` setting, else the workspace's installed or built bundle. */
export function findCli(workspaceFolder: string): string | undefined {
    const configured = readSettings().cliPath;
    if (configured) return path.resolve(workspaceFolder, configured);
    return [
        path.join(workspaceFolder, 'node_modules/@cxspec/cli/dist/cxspec.mjs'),
        path.join(workspaceFolder, 'packages/cli/dist/cxspec.mjs')
    ].find(candidate => fs.existsSync(candidate));
}

export function runCli(cli: string, args: string[], cwd: string, output: vscode.OutputChannel): Promise<CliResult> {
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
