/**
 * A minimal LSP client session against the bundled language server (packages/extension/dist/server.cjs)
 * over stdio, doing what the extension's preview does: open a document, ask `cxspec/previewModel`,
 * edit, and wait for `cxspec/modelChanged`.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection } from 'vscode-languageserver-protocol/node';

export const SERVER = path.resolve(import.meta.dirname, '../../packages/extension/dist/server.cjs');

export interface LspSession {
    connection: ProtocolConnection;
    open(file: string, text: string): Promise<string>;
    change(uri: string, text: string): Promise<void>;
    /** Resolves at the next `cxspec/modelChanged` for `specName`. */
    nextModelChange(specName: string): Promise<void>;
    stop(): Promise<void>;
}

export async function startSession(workspace: string): Promise<LspSession> {
    const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', chunk => { stderr += String(chunk); });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const waiters: Array<{ spec: string; resolve(): void }> = [];
    let firstBuild: () => void = () => undefined;
    const built = new Promise<void>(resolve => { firstBuild = resolve; });
    connection.onNotification('cxspec/modelChanged', (params: { specName: string }) => {
        firstBuild();
        for (const w of waiters.filter(w => w.spec === params.specName)) {
            waiters.splice(waiters.indexOf(w), 1);
            w.resolve();
        }
    });
    connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onNotification('window/logMessage', () => undefined);
    connection.onNotification('textDocument/publishDiagnostics', () => undefined);
    connection.listen();
    child.on('exit', code => { if (code) console.error(`language server exited with ${code}: ${stderr}`); });
    const root = pathToFileURL(workspace).toString();
    await connection.sendRequest('initialize', { processId: process.pid, rootUri: root, workspaceFolders: [{ uri: root, name: 'ws' }], capabilities: {} });
    await connection.sendNotification('initialized', {});
    await built;
    const versions = new Map<string, number>();
    return {
        connection,
        async open(file, text) {
            const uri = pathToFileURL(file).toString();
            versions.set(uri, 1);
            await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'cxspec', version: 1, text } });
            return uri;
        },
        async change(uri, text) {
            const version = (versions.get(uri) ?? 1) + 1;
            versions.set(uri, version);
            await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
        },
        nextModelChange: spec => new Promise(resolve => { waiters.push({ spec, resolve }); }),
        async stop() {
            await connection.sendRequest('shutdown');
            await connection.sendNotification('exit');
            connection.dispose();
            await new Promise(resolve => child.exitCode !== null ? resolve(null) : child.once('exit', resolve));
        }
    };
}
