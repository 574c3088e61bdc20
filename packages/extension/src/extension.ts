/**
 * The CXSpec VS Code extension: a thin shell that starts the language server, opens previews and
 * runs the CLI. Every piece of language logic lives in the server and the packages it bundles.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ModelChangedMethod, type ModelChangedParams } from '../../language/src/lsp/protocol.js';
import { registerCommands } from './commands.js';
import { createLanguageClient } from './language-client.js';
import { PreviewPanel, type PreviewTarget } from './preview-panel.js';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
    const output = vscode.window.createOutputChannel('CXSpec');
    client = createLanguageClient(context);
    let preview: PreviewPanel | undefined;
    const languageClient = client;
    const openPreview = (target: PreviewTarget) => {
        if (preview) preview.show(target);
        else preview = new PreviewPanel(context, languageClient, target, () => { preview = undefined; });
    };
    context.subscriptions.push(
        output,
        ...registerCommands({ client, output, openPreview }),
        vscode.workspace.onDidChangeTextDocument(event => {
            if (event.document.languageId === 'cxspec' && event.contentChanges.length > 0) preview?.onDocumentEdited(event.document.uri);
        }),
        { dispose: () => preview?.dispose() }
    );
    await client.start();
    context.subscriptions.push(client.onNotification(ModelChangedMethod, (params: ModelChangedParams) => preview?.onSpecChanged(params.specName)));
}

export async function deactivate(): Promise<void> {
    await client?.stop();
    client = undefined;
}
