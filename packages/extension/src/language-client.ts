/** Starts the bundled CXSpec language server (dist/server.cjs) over IPC with vscode-languageclient. */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

export function createLanguageClient(context: vscode.ExtensionContext): LanguageClient {
    const module = context.asAbsolutePath('dist/server.cjs');
    const serverOptions: ServerOptions = {
        run: { module, transport: TransportKind.ipc },
        debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } }
    };
    const clientOptions: LanguageClientOptions = {
        documentSelector: [{ scheme: 'file', language: 'cxspec' }, { scheme: 'untitled', language: 'cxspec' }],
        synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/*.cx') }
    };
    // The id 'cxspec' makes the client honour the `cxspec.trace.server` setting.
    return new LanguageClient('cxspec', 'CXSpec Language Server', serverOptions, clientOptions);
}
