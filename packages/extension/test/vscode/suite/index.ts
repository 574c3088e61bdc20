/**
 * Runs inside VS Code's extension host (started by run-vscode.ts with @vscode/test-electron and the
 * coffee example as workspace): activation, diagnostics, a hover and a completion with its
 * snippets from the bundled server, the preview
 * command opening its webview, and the preview's serializer reviving it. Plain async checks with
 * node:assert; the first failure rejects `run`.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
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

function previewTab(label: string): vscode.Tab | undefined {
    return vscode.window.tabGroups.all.flatMap(group => group.tabs)
        .find(t => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('cxspec.preview') && t.label === label);
}

/**
 * Closes the preview tab and reopens it: VS Code keeps a closed webview's serialized state and,
 * on reopening, hands it to the extension's serializer exactly as after a restart (a window reload
 * would end this test run).
 */
async function closeAndReopen(tab: vscode.Tab): Promise<void> {
    await vscode.window.tabGroups.close(tab);
    await until('the preview tab to close', () => vscode.window.tabGroups.all.flatMap(g => g.tabs).includes(tab) ? undefined : true);
    await vscode.commands.executeCommand('workbench.action.reopenClosedEditor');
}

/** A one-file spec outside the workspace, so reviving it has to open the document for the server. */
const RESTORE_SPEC = 'spec RestoreA {\n  locales en default\n}\n\nsurvey Pulse {\n  en "Pulse"\n  question recommend: nps required {\n    en "How likely are you to recommend us?"\n  }\n}\n';

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
    ['completes and hovers through the bundled server, with snippets in the spec\'s locales', async () => {
        const document = await vscode.workspace.openTextDocument(workspaceFile('survey.cx'));
        const line = document.getText().split('\n').findIndex(l => l.includes('question drink: csat'));
        const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(line, 13));
        const hoverText = hovers.flatMap(h => h.contents).map(c => (typeof c === 'string' ? c : 'value' in c ? c.value : '')).join('\n');
        assert.match(hoverText, /AfterPickup\.drink/);
        const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(line, 2));
        const snippet = list.items.find(i => i.label === 'question csat' && i.kind === vscode.CompletionItemKind.Snippet);
        assert.ok(snippet, 'the server offers the csat question snippet');
        const body = snippet.insertText instanceof vscode.SnippetString ? snippet.insertText.value : String(snippet.insertText);
        assert.match(body, /ja "\$\{3:[^}]+\}"\n\s+en "\$\{4:/);
    }],
    ['opens the survey preview beside the editor', async () => {
        const uri = workspaceFile('survey.cx');
        await vscode.commands.executeCommand('cxspec.previewSurvey', { uri: uri.toString(), name: 'AfterPickup' });
        const tab = await until('the preview tab titled after the spec', () => vscode.window.tabGroups.all
            .flatMap(group => group.tabs)
            .find(t => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('cxspec.preview') && t.label === 'Preview CoffeeMobileOrder'));
        assert.ok(tab.group.viewColumn !== vscode.window.tabGroups.all.find(g => g.tabs.some(t => t.input instanceof vscode.TabInputText))?.viewColumn,
            'the preview opens beside the editor, not over it');
    }],
    ['registers a serializer for the preview', async () => {
        // One serializer per view type: a second registration is refused while the extension's stands.
        assert.throws(() => vscode.window.registerWebviewPanelSerializer('cxspec.preview', { deserializeWebviewPanel: async () => undefined }).dispose(),
            /already registered/);
    }],
    ['revives a closed preview for its document and follows edits again', async () => {
        const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cxspec-restore-')), 'restore.cx');
        fs.writeFileSync(file, RESTORE_SPEC);
        const uri = vscode.Uri.file(file);
        await vscode.workspace.openTextDocument(uri);
        await vscode.commands.executeCommand('cxspec.previewSurvey', { uri: uri.toString(), name: 'Pulse' });
        await closeAndReopen(await until('the preview of RestoreA', () => previewTab('Preview RestoreA')));
        await until('the revived preview', () => previewTab('Preview RestoreA'));
        // The title alone comes back from VS Code; a new title after an edit proves the panel is drawn and followed again.
        const document = await vscode.workspace.openTextDocument(uri);
        const edit = new vscode.WorkspaceEdit();
        edit.replace(uri, new vscode.Range(0, 5, 0, 13), 'RestoreB');
        assert.equal(await vscode.workspace.applyEdit(edit), true);
        assert.equal(document.lineAt(0).text, 'spec RestoreB {');
        const revived = await until('the revived preview to follow the edit', () => previewTab('Preview RestoreB'));
        await document.save();

        fs.rmSync(path.dirname(file), { recursive: true });
        await closeAndReopen(revived);
        await until('the message that the spec is gone', () => previewTab('CXSpec Preview'));
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
