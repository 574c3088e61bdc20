/** The extension's settings (`contributes.configuration` in package.json), read when used. */
import * as vscode from 'vscode';

export interface CxSettings {
    /** Milliseconds the preview waits after an edit before asking the server for the new model. */
    previewDelay: number;
    /** The `cxspec` CLI bundle to run for compile and score; empty = the workspace's own. */
    cliPath: string;
    /** Folder, relative to the workspace folder, that `CXSpec: Compile` writes into. */
    compileOutDir: string;
    /** The score results the preview colours the journey map with; empty = `<Spec>.result.json` beside the spec. */
    previewResults: string;
}

export function readSettings(): CxSettings {
    const config = vscode.workspace.getConfiguration('cxspec');
    return {
        previewDelay: Math.max(0, config.get<number>('preview.delay', 150)),
        cliPath: config.get<string>('cli.path', ''),
        compileOutDir: config.get<string>('compile.outDir', 'dist/cxspec'),
        previewResults: config.get<string>('preview.results', '')
    };
}
