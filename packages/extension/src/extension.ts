/**
 * The CXSpec VS Code extension: a thin shell that starts the language server, opens previews and
 * runs the CLI. Every piece of language logic lives in the server and the packages it bundles.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ModelChangedNotification } from '@cxspec/language/protocol';
import { registerCommands } from './commands.js';
import { createLanguageClient } from './language-client.js';
import { PreviewPanel, type PreviewTarget } from './preview-panel.js';
import { missingSpecMessage, PreviewStateKey, restorePlan, UnknownSpecMessage } from './preview-state.js';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
    const output = vscode.window.createOutputChannel('CXSpec');
    client = createLanguageClient(context);
    let preview: PreviewPanel | undefined;
    const languageClient = client;
    const openPreview = (target: PreviewTarget) => {
        if (preview) preview.show(target);
        else preview = PreviewPanel.create(context, languageClient, target, () => { preview = undefined; });
    };
    // VS Code revives a persisted preview when its tab first shows (after a restart, or on reopening a closed one).
    const restorePreview = async (panel: vscode.WebviewPanel, pageState: unknown) => {
        // A preview opened before this stale tab was shown is the window's one preview; this tab goes.
        if (preview) return panel.dispose();
        const plan = restorePlan(context.workspaceState.get(PreviewStateKey), pageState);
        // Without a saved document the panel still becomes the window's preview, showing why it is empty,
        // so the next 'Open Preview' draws into it; its placeholder URI matches no document.
        const uri = vscode.Uri.parse(plan.kind === 'show' ? plan.uri : 'untitled:');
        const revived = PreviewPanel.revive(context, languageClient, panel, { uri, focus: plan.kind === 'show' ? plan.focus : undefined },
            () => { if (preview === revived) preview = undefined; });
        preview = revived;
        if (plan.kind === 'unknown') return revived.showMessage('CXSpec Preview', UnknownSpecMessage);
        if (!(await documentExists(uri))) return revived.showMessage('CXSpec Preview', missingSpecMessage(vscode.workspace.asRelativePath(uri)));
        // Opening the document tells the server about it, whether or not it lies in the workspace.
        await vscode.workspace.openTextDocument(uri).then(undefined, () => undefined);
        await revived.refresh();
    };
    context.subscriptions.push(
        output,
        // Registered before the client starts: VS Code may restore the preview as soon as activate runs.
        vscode.window.registerWebviewPanelSerializer(PreviewPanel.viewType, { deserializeWebviewPanel: restorePreview }),
        ...registerCommands({ client, output, openPreview }),
        vscode.workspace.onDidChangeTextDocument(event => {
            if (event.document.languageId === 'cxspec' && event.contentChanges.length > 0) preview?.onDocumentEdited(event.document.uri);
        }),
        { dispose: () => preview?.dispose() }
    );
    await client.start();
    context.subscriptions.push(client.onNotification(ModelChangedNotification, params => preview?.onSpecChanged(params.specName)));
}

/** Whether a saved preview's document is still there: on disk, or still open when it was never saved. */
async function documentExists(uri: vscode.Uri): Promise<boolean> {
    if (uri.scheme === 'untitled') return vscode.workspace.textDocuments.some(d => d.uri.toString() === uri.toString());
    try {
        await vscode.workspace.fs.stat(uri);
        return true;
    } catch {
        return false;
    }
}

export async function deactivate(): Promise<void> {
    await client?.stop();
    client = undefined;
}
