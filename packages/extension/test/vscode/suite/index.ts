/**
 * Runs inside VS Code's extension host (started by run-vscode.ts with @vscode/test-electron and the
 * coffee example as workspace): activation, diagnostics from the bundled server, and the preview
 * command opening its webview. Plain async checks with node:assert; the first failure rejects `run`.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import * as vscode from 'vscode';

const EXTENSION_ID = 'cxspec.cxspec';

async function until<T>(what: string, probe: () => T | undefined, timeoutMs = 30_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
        const value = probe();
        if (value !== undefined) return value;
        if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}.`);
        await new Promise(resolve => setTimeout(resolve, 100));
    }
}

function workspaceFile(name: string): vscode.Uri {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the test run opens examples/coffee-mobile-order as its workspace');
    return vscode.Uri.file(path.join(folder.uri.fsPath, name));
}

const checks: Array<[string, () => Promise<void>]> = [
    ['activates on a .cx file', async () => {
        const document = await vscode.workspace.openTextDocument(workspaceFile('survey.cx'));
        await vscode.window.showTextDocument(document);
        assert.equal(document.languageId, 'cxspec');
        const extension = vscode.extensions.getExtension(EXTENSION_ID);
        assert.ok(extension, `extension ${EXTENSION_ID} is installed`);
        await extension.activate();
        assert.equal(extension.isActive, true);
        const commands = await vscode.commands.getCommands(true);
        for (const id of ['cxspec.openPreview', 'cxspec.previewSurvey', 'cxspec.previewJourney', 'cxspec.compile', 'cxspec.score']) {
            assert.ok(commands.includes(id), `command ${id} is registered`);
        }
    }],
    ['reports diagnostics from the language server', async () => {
        const document = await vscode.workspace.openTextDocument({
            language: 'cxspec',
            content: 'spec Broken {\n  locales en default\n}\n\nsurvey S {\n  en "S"\n  trigger after Nowhere\n}\n'
        });
        const diagnostics = await until('a diagnostic on the unknown touchpoint', () => {
            const found = vscode.languages.getDiagnostics(document.uri).filter(d => d.message.includes('Nowhere'));
            return found.length > 0 ? found : undefined;
        });
        assert.equal(diagnostics[0].severity, vscode.DiagnosticSeverity.Error);
        assert.equal(diagnostics[0].range.start.line, 6);
        const clean = await vscode.workspace.openTextDocument(workspaceFile('journey.cx'));
        await until('the example to be validated', () => vscode.languages.getDiagnostics(clean.uri).length === 0 ? true : undefined);
    }],
    ['opens the survey preview beside the editor', async () => {
        const uri = workspaceFile('survey.cx');
        await vscode.commands.executeCommand('cxspec.previewSurvey', { uri: uri.toString(), name: 'AfterPickup' });
        const tab = await until('the preview tab titled after the spec', () => vscode.window.tabGroups.all
            .flatMap(group => group.tabs)
            .find(t => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('cxspec.preview') && t.label === 'Preview CoffeeMobileOrder'));
        assert.ok(tab.group.viewColumn !== vscode.window.tabGroups.all.find(g => g.tabs.some(t => t.input instanceof vscode.TabInputText))?.viewColumn,
            'the preview opens beside the editor, not over it');
    }]
];

export async function run(): Promise<void> {
    for (const [name, check] of checks) {
        try {
            await check();
            console.log(`  ok  ${name}`);
        } catch (error) {
            console.log(`  FAIL ${name}`);
            throw error;
        }
    }
}
