/**
 * The CXSpec language server: `node server.cjs` talks LSP over stdio, `--node-ipc` over IPC when
 * a client (vscode-languageclient) starts it that way.
 */
import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createCxSpecLspServices } from './cxspec-lsp-module.js';
import { registerPreviewProtocol } from './preview-protocol.js';
import { registerSelectionRanges } from './selection-range.js';

const connection = process.argv.includes('--node-ipc')
    ? createConnection(ProposedFeatures.all)
    : createConnection(ProposedFeatures.all, process.stdin, process.stdout);

// A failure outside any request (a timer, a listener) is logged; the editor keeps its server.
process.on('uncaughtException', error => console.error(`CXSpec language server: ${error.stack ?? error.message}`));
process.on('unhandledRejection', reason => console.error(`CXSpec language server: ${reason instanceof Error ? reason.stack : String(reason)}`));

const { shared, CxSpec } = createCxSpecLspServices({ connection, ...NodeFileSystem });
// Validate every file on startup, not only opened ones, so the problems list covers the workspace.
shared.workspace.WorkspaceManager.initialBuildOptions = { validation: true };
registerPreviewProtocol(connection, shared, CxSpec);
registerSelectionRanges(connection, shared);
startLanguageServer(shared);
