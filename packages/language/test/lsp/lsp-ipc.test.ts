/**
 * The transport the VS Code extension uses: the bundled server forked with `--node-ipc`.
 */
import { fork } from 'node:child_process';
import path from 'node:path';
import { expect, it } from 'vitest';
import { createProtocolConnection, IPCMessageReader, IPCMessageWriter, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { copyExamples, fileUri, serverPath } from './lsp-client.js';

it('serves diagnostics and requests over Node IPC', async () => {
    const dir = await copyExamples('mobile-carrier-shop');
    const child = fork(serverPath, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    const connection = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    const published = new Map<string, unknown[]>();
    const firstDiagnostics = new Promise<void>(resolve => {
        connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
            published.set(params.uri, params.diagnostics);
            resolve();
        });
    });
    connection.listen();
    const result = await connection.sendRequest('initialize', {
        processId: process.pid, rootUri: fileUri(dir), workspaceFolders: [{ uri: fileUri(dir), name: 'w' }], capabilities: {}
    }) as { capabilities: Record<string, unknown> };
    expect(Object.keys(result.capabilities)).toEqual(expect.arrayContaining([
        'completionProvider', 'hoverProvider', 'definitionProvider', 'referencesProvider', 'renameProvider', 'documentSymbolProvider',
        'workspaceSymbolProvider', 'foldingRangeProvider', 'documentFormattingProvider', 'semanticTokensProvider', 'codeActionProvider',
        'codeLensProvider', 'inlayHintProvider'
    ]));
    await connection.sendNotification('initialized', {});
    await firstDiagnostics;
    const uri = fileUri(path.join(dir, 'mobile-carrier-shop/shop.cx'));
    expect(published.get(uri)).toEqual([]);
    const symbols = await connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }) as Array<{ name: string }>;
    expect(symbols.map(s => s.name)).toEqual([
        'MobileCarrierShop', 'ShopVisit', 'ShopVisitSurvey', 'Reserved', 'WalkIn', 'Switcher',
        'shop_nps', 'wait_dissatisfied', 'long_wait', 'contract_effort', 'setup_csat', 'shop_loyalty'
    ]);
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
    const code = await new Promise<number | null>(resolve => child.once('exit', resolve));
    connection.dispose();
    expect(code).toBe(0);
});
