/**
 * Starts VS Code with the extension under development and the suite in suite/index.ts, through
 * @vscode/test-electron. VS Code comes from VSCODE_EXECUTABLE or a download; where neither can be
 * had (no network, as on the project's machines) or there is no display, it says why and reports
 * a skip instead of running.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';

export type SuiteOutcome = { ran: true } | { ran: false; reason: string };

export interface SuiteOptions {
    extensionPath: string;
    /** The bundled suite (a CommonJS module exporting `run`). */
    suitePath: string;
    workspace: string;
}

export async function runVsCodeSuite(options: SuiteOptions): Promise<SuiteOutcome> {
    let executable = process.env.VSCODE_EXECUTABLE;
    if (executable && !fs.existsSync(executable)) {
        return { ran: false, reason: `VSCODE_EXECUTABLE points to ${executable}, which does not exist` };
    }
    if (!executable) {
        try {
            executable = await downloadAndUnzipVSCode({ cachePath: path.join(os.tmpdir(), 'cxspec-vscode-test'), timeout: 15_000 });
        } catch (error) {
            return { ran: false, reason: `VSCODE_EXECUTABLE is not set and VS Code could not be downloaded (${error instanceof Error ? error.message : String(error)})` };
        }
    }
    if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
        return { ran: false, reason: `VS Code is at ${executable} but needs a display, and neither DISPLAY nor WAYLAND_DISPLAY is set (run under xvfb-run to include this suite)` };
    }
    const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'cxspec-vscode-user-'));
    await runTests({
        vscodeExecutablePath: executable,
        extensionDevelopmentPath: options.extensionPath,
        extensionTestsPath: options.suitePath,
        launchArgs: [options.workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', `--user-data-dir=${userData}`]
    });
    return { ran: true };
}
