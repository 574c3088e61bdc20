/** The extension's commands: previews (also invoked by the server's code lenses), compile, score. */
import path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { PreviewJourneyCommand, PreviewModelRequest, PreviewSurveyCommand, type PreviewCommandArgs, type PreviewModelResult } from '@cxspec/language/protocol';
import { findCli, runCli, specNameOf } from './cli-runner.js';
import type { PreviewTarget } from './preview-panel.js';
import { readSettings } from './settings.js';

export const OpenPreviewCommand = 'cxspec.openPreview';
export const CompileCommand = 'cxspec.compile';
export const ScoreCommand = 'cxspec.score';

export interface CommandHost {
    client: LanguageClient;
    output: vscode.OutputChannel;
    openPreview(target: PreviewTarget): void;
}

export function registerCommands(host: CommandHost): vscode.Disposable[] {
    const previewOf = (kind: 'survey' | 'journey') => (args?: PreviewCommandArgs) => {
        if (args) return host.openPreview({ uri: vscode.Uri.parse(args.uri), focus: { kind, name: args.name } });
        // From the command palette: the server picks the survey or journey around the cursor.
        const editor = activeSpecEditor();
        if (editor) host.openPreview({ uri: editor.document.uri, position: editor.selection.active });
    };
    return [
        vscode.commands.registerCommand(PreviewSurveyCommand, previewOf('survey')),
        vscode.commands.registerCommand(PreviewJourneyCommand, previewOf('journey')),
        vscode.commands.registerCommand(OpenPreviewCommand, (uri?: vscode.Uri) => {
            const editor = activeSpecEditor();
            const target = uri ?? editor?.document.uri;
            if (target) host.openPreview({ uri: target, position: editor && editor.document.uri.toString() === target.toString() ? editor.selection.active : undefined });
        }),
        vscode.commands.registerCommand(CompileCommand, () => compile(host)),
        vscode.commands.registerCommand(ScoreCommand, () => score(host))
    ];
}

function activeSpecEditor(): vscode.TextEditor | undefined {
    const editor = vscode.window.activeTextEditor;
    if (editor?.document.languageId === 'cxspec') return editor;
    void vscode.window.showWarningMessage('Open a .cx file first: CXSpec commands work on the spec of the active editor.');
    return undefined;
}

/** The spec of the active editor, saved to disk (the CLI reads files), with its folder, name and CLI. */
async function currentSpec(): Promise<{ document: vscode.TextDocument; folder: string; specName: string; cwd: string; cli: string } | undefined> {
    // Compile and Score run a CLI script found in the workspace: code the workspace brings, which
    // Restricted Mode must not run (package.json declares the limited support).
    if (!vscode.workspace.isTrusted) {
        void vscode.window.showWarningMessage('CXSpec: Compile and Score run the workspace\'s cxspec CLI, so they need a trusted workspace; trust it first (Manage Workspace Trust).');
        return undefined;
    }
    const editor = activeSpecEditor();
    if (!editor) return undefined;
    const document = editor.document;
    if (document.isUntitled) {
        void vscode.window.showWarningMessage('Save the spec to a .cx file first.');
        return undefined;
    }
    const specName = specNameOf(document);
    if (!specName) {
        void vscode.window.showWarningMessage(`${path.basename(document.fileName)} does not start with 'spec <Name>'.`);
        return undefined;
    }
    for (const d of vscode.workspace.textDocuments) if (d.isDirty && d.languageId === 'cxspec') await d.save();
    const folder = path.dirname(document.uri.fsPath);
    const cwd = vscode.workspace.getWorkspaceFolder(document.uri)?.uri.fsPath ?? folder;
    const cli = findCli(cwd);
    if (!cli) {
        void vscode.window.showErrorMessage("CXSpec: no cxspec CLI found in this workspace (node_modules/@cxspec/cli); install it or set 'cxspec.cli.path'.");
        return undefined;
    }
    return { document, folder, specName, cwd, cli };
}

async function compile(host: CommandHost): Promise<void> {
    const spec = await currentSpec();
    if (!spec) return;
    const out = path.resolve(spec.cwd, readSettings().compileOutDir, spec.specName);
    host.output.show(true);
    const result = await runCli(spec.cli, ['compile', spec.folder, '--spec', spec.specName, '--out', out], spec.cwd, host.output);
    if (result.code === 0) void vscode.window.showInformationMessage(`CXSpec: compiled ${spec.specName} into ${path.relative(spec.cwd, out) || out}.`);
    else void vscode.window.showErrorMessage(`CXSpec: compiling ${spec.specName} failed (exit ${result.code}); see the CXSpec output.`);
}

async function score(host: CommandHost): Promise<void> {
    const spec = await currentSpec();
    if (!spec) return;
    let model: PreviewModelResult['model'];
    try {
        model = (await host.client.sendRequest(PreviewModelRequest, { uri: spec.document.uri.toString() })).model;
    } catch (error) {
        void vscode.window.showErrorMessage(`CXSpec: cannot score ${spec.specName}: ${error instanceof Error ? error.message : String(error)}`);
        return;
    }
    const args = ['score', spec.folder, '--spec', spec.specName];
    const fileFilters = { 'Responses and exports': ['csv', 'ndjson', 'jsonl', 'json'] };
    for (const survey of model.surveys) {
        const files = await vscode.window.showOpenDialog({
            title: `Responses to survey ${survey.name} (cancel to skip it)`, canSelectMany: false, filters: fileFilters, defaultUri: vscode.Uri.file(spec.folder)
        });
        if (files?.[0]) args.push('--responses', `${survey.name}=${files[0].fsPath}`);
    }
    for (const dataset of model.datasets) {
        const files = await vscode.window.showOpenDialog({
            title: `Export of dataset ${dataset.name} (cancel to skip it)`, canSelectMany: false, filters: fileFilters, defaultUri: vscode.Uri.file(spec.folder)
        });
        if (files?.[0]) args.push('--dataset', `${dataset.name}=${files[0].fsPath}`);
    }
    if (!args.includes('--responses') && !args.includes('--dataset')) {
        void vscode.window.showInformationMessage('CXSpec: no response or dataset file chosen; nothing to score.');
        return;
    }
    host.output.show(true);
    const result = await runCli(spec.cli, args, spec.cwd, host.output);
    if (result.code === 0) void vscode.window.showInformationMessage(`CXSpec: scored ${spec.specName}; the results are in the CXSpec output.`);
    else void vscode.window.showErrorMessage(`CXSpec: scoring ${spec.specName} ended with exit ${result.code}; see the CXSpec output.`);
}
