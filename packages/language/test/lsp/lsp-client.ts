/**
 * Starts the bundled language server (packages/extension/dist/server.cjs, built by `npm run build`)
 * as a child process and drives it over stdio with the real JSON-RPC client, as VS Code does.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
    createProtocolConnection, StreamMessageReader, StreamMessageWriter,
    type Diagnostic, type InitializeResult, type ProtocolConnection, type PublishDiagnosticsParams, type ServerCapabilities, type TextEdit, type WorkspaceEdit
} from 'vscode-languageserver-protocol/node';
import { ModelChangedNotification, type ModelChangedParams } from '@cxspec/language/protocol';

export const repoRoot = path.resolve(__dirname, '../../../..');
export const serverPath = path.join(repoRoot, 'packages/extension/dist/server.cjs');
export const examplesDir = path.join(repoRoot, 'examples');

export interface LspClient {
    connection: ProtocolConnection;
    child: ChildProcess;
    /** Latest diagnostics per URI. */
    diagnostics: Map<string, Diagnostic[]>;
    modelChanges: ModelChangedParams[];
    /** What the server answered to `initialize`. */
    capabilities: ServerCapabilities;
    stderr: () => string;
    request<R>(method: string, params: unknown): Promise<R>;
    open(uri: string, text: string): Promise<void>;
    change(uri: string, text: string): Promise<void>;
    /** The text the server holds for an open URI, as this client last sent it. */
    textOf(uri: string): string;
    /**
     * Types `typed` at `offset` one character per incremental change, as an editor sends
     * keystrokes, and returns the caret position after the last one.
     */
    type(uri: string, offset: number, typed: string): Promise<{ line: number; character: number }>;
    /** Deletes `length` characters at `offset` in one incremental change (a selection deleted). */
    erase(uri: string, offset: number, length: number): Promise<void>;
    close(uri: string): Promise<void>;
    /** Resolves with the diagnostics of `uri` once they satisfy `predicate` (now or in a later publication). */
    waitForDiagnostics(uri: string, predicate: (d: Diagnostic[]) => boolean, timeoutMs?: number): Promise<Diagnostic[]>;
    stop(): Promise<void>;
}

/** Copies the examples (only `.cx` files) into a fresh temp folder, so tests may edit them. */
export async function copyExamples(...names: string[]): Promise<string> {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cxspec-lsp-'));
    for (const name of names) {
        await fs.mkdir(path.join(dir, name), { recursive: true });
        for (const file of (await fs.readdir(path.join(examplesDir, name))).filter(f => f.endsWith('.cx'))) {
            await fs.copyFile(path.join(examplesDir, name, file), path.join(dir, name, file));
        }
    }
    return dir;
}

export function fileUri(file: string): string {
    return pathToFileURL(file).toString();
}

/** A server on a copy of one example with every file of it open, and the texts it was opened with. */
export interface OpenExample {
    client: LspClient;
    /** File name (e.g. `survey.cx`) to the text it was opened with. */
    originals: Map<string, string>;
    uriOf(file: string): string;
}

export async function openExample(name: string): Promise<OpenExample> {
    const dir = await copyExamples(name);
    const client = await startServer(dir);
    const uriOf = (file: string) => fileUri(path.join(dir, name, file));
    const originals = new Map<string, string>();
    for (const file of (await fs.readdir(path.join(dir, name))).sort()) {
        const text = await fs.readFile(path.join(dir, name, file), 'utf8');
        originals.set(file, text);
        await client.open(uriOf(file), text);
    }
    return { client, originals, uriOf };
}

/** Starts the server on a workspace folder and waits until it has published the first diagnostics. */
export async function startServer(workspaceRoot: string): Promise<LspClient> {
    const child = spawn(process.execPath, [serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', chunk => { stderr += String(chunk); });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const diagnostics = new Map<string, Diagnostic[]>();
    const waiters = new Map<string, Array<(d: Diagnostic[]) => boolean>>();
    const modelChanges: ModelChangedParams[] = [];
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
        diagnostics.set(params.uri, params.diagnostics);
        // A waiter returns true once satisfied and is dropped; the others keep waiting.
        waiters.set(params.uri, (waiters.get(params.uri) ?? []).filter(waiter => !waiter(params.diagnostics)));
    });
    let builtOnce: () => void = () => undefined;
    const firstBuild = new Promise<void>(resolve => { builtOnce = resolve; });
    connection.onNotification(ModelChangedNotification, params => {
        modelChanges.push(params);
        builtOnce();
    });
    // The server logs through window/logMessage; keep it for failure messages.
    connection.onNotification('window/logMessage', (params: { message: string }) => { stderr += `${params.message}\n`; });
    connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.listen();
    const versions = new Map<string, number>();
    const texts = new Map<string, string>();
    const sendRange = async (uri: string, start: number, end: number, inserted: string) => {
        const text = texts.get(uri);
        if (text === undefined) throw new Error(`${uri} is not open`);
        const version = (versions.get(uri) ?? 1) + 1;
        versions.set(uri, version);
        const range = { start: positionAt(text, start), end: positionAt(text, end) };
        texts.set(uri, text.slice(0, start) + inserted + text.slice(end));
        await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text: inserted }] });
    };
    const initialized: InitializeResult = await connection.sendRequest('initialize', {
        processId: process.pid,
        rootUri: fileUri(workspaceRoot),
        workspaceFolders: [{ uri: fileUri(workspaceRoot), name: 'workspace' }],
        capabilities: {
            workspace: { workspaceFolders: true, configuration: true, workspaceEdit: { documentChanges: false } },
            textDocument: {
                documentSymbol: { hierarchicalDocumentSymbolSupport: true },
                completion: { completionItem: { snippetSupport: true, insertReplaceSupport: false } },
                hover: { contentFormat: ['markdown', 'plaintext'] },
                rename: { prepareSupport: true },
                codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } }
            }
        }
    });
    await connection.sendNotification('initialized', {});
    await firstBuild;
    // Messages arrive in order: once this answer is in, every notification of the first build is too.
    await connection.sendRequest('workspace/symbol', { query: '' });
    const client: LspClient = {
        connection, child, diagnostics, modelChanges,
        capabilities: initialized.capabilities,
        stderr: () => stderr,
        request: <R>(method: string, params: unknown) => connection.sendRequest(method, params) as Promise<R>,
        async open(uri, text) {
            versions.set(uri, 1);
            texts.set(uri, text);
            await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'cxspec', version: 1, text } });
        },
        async change(uri, text) {
            const version = (versions.get(uri) ?? 1) + 1;
            versions.set(uri, version);
            texts.set(uri, text);
            await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
        },
        textOf(uri) {
            const text = texts.get(uri);
            if (text === undefined) throw new Error(`${uri} is not open`);
            return text;
        },
        async type(uri, offset, typed) {
            for (let i = 0; i < typed.length; i++) await sendRange(uri, offset + i, offset + i, typed[i]);
            return positionAt(texts.get(uri)!, offset + typed.length);
        },
        erase: (uri, offset, length) => sendRange(uri, offset, offset + length, ''),
        async close(uri) {
            texts.delete(uri);
            versions.delete(uri);
            await connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
        },
        waitForDiagnostics(uri, predicate, timeoutMs = 20_000) {
            const current = diagnostics.get(uri);
            if (current && predicate(current)) return Promise.resolve(current);
            return new Promise((resolve, reject) => {
                const timer = setTimeout(() => reject(new Error(`diagnostics of ${uri} did not reach the expected state within ${timeoutMs} ms; last: ${JSON.stringify(diagnostics.get(uri))}`)), timeoutMs);
                const list = waiters.get(uri) ?? [];
                list.push(d => {
                    if (!predicate(d)) return false;
                    clearTimeout(timer);
                    resolve(d);
                    return true;
                });
                waiters.set(uri, list);
            });
        },
        async stop() {
            if (child.exitCode === null) {
                await connection.sendRequest('shutdown').catch(() => undefined);
                await connection.sendNotification('exit').catch(() => undefined);
                await new Promise<void>(resolve => {
                    const timer = setTimeout(() => { child.kill(); resolve(); }, 5000);
                    child.once('exit', () => { clearTimeout(timer); resolve(); });
                });
            }
            connection.dispose();
        }
    };
    return client;
}

/** Applies LSP text edits to a text (edits must not overlap, as the protocol requires). */
export function applyEdits(text: string, edits: TextEdit[]): string {
    const lineStarts = [0];
    for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
    const offset = (p: { line: number; character: number }) => (lineStarts[p.line] ?? text.length) + p.character;
    const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
    let result = text;
    for (const edit of sorted) {
        result = result.slice(0, offset(edit.range.start)) + edit.newText + result.slice(offset(edit.range.end));
    }
    return result;
}

/** Applies a workspace edit to files on disk, returning the new texts by URI. */
export async function applyWorkspaceEdit(edit: WorkspaceEdit): Promise<Map<string, string>> {
    const texts = new Map<string, string>();
    for (const [uri, edits] of Object.entries(edit.changes ?? {})) {
        const file = new URL(uri);
        const text = applyEdits(await fs.readFile(file, 'utf8'), edits);
        await fs.writeFile(file, text);
        texts.set(uri, text);
    }
    return texts;
}

/** Zero-based line and character of an offset. */
export function positionAt(text: string, offset: number): { line: number; character: number } {
    const before = text.slice(0, offset);
    const line = before.split('\n').length - 1;
    return { line, character: before.length - before.lastIndexOf('\n') - 1 };
}

/** Zero-based position of the `occurrence`-th match of `needle` in `text`, plus `shift` characters. */
export function positionOf(text: string, needle: string, shift = 0, occurrence = 1): { line: number; character: number } {
    let index = -1;
    for (let n = 0; n < occurrence; n++) {
        index = text.indexOf(needle, index + 1);
        if (index < 0) throw new Error(`'${needle}' not found`);
    }
    const before = text.slice(0, index + shift);
    const line = before.split('\n').length - 1;
    return { line, character: before.length - before.lastIndexOf('\n') - 1 };
}
