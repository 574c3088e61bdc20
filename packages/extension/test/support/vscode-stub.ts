/**
 * A stand-in for the `vscode` module, enough for the extension's own logic to run under vitest
 * (VS Code itself cannot be downloaded here; the @vscode/test-electron suite covers the real one
 * where it can). It is the environment, not the thing under test: every call the extension makes
 * is recorded in `host`, and a test sets what VS Code would answer (trust, the active editor, the
 * files chosen in an open dialog, settings). `resetHost()` between tests.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export class Uri {
    private constructor(readonly scheme: string, readonly fsPath: string, private readonly text: string) {}
    static file(file: string): Uri { return new Uri('file', path.resolve(file), pathToFileURL(path.resolve(file)).toString()); }
    static parse(text: string): Uri {
        const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(text)?.[1] ?? 'file';
        return scheme === 'file' ? Uri.file(fileURLToPath(text)) : new Uri(scheme, '', text);
    }
    static joinPath(base: Uri, ...parts: string[]): Uri { return Uri.file(path.join(base.fsPath, ...parts)); }
    toString(): string { return this.text; }
}

export enum ViewColumn { Active = -1, Beside = -2, One = 1 }

export class Position {
    constructor(readonly line: number, readonly character: number) {}
}

export class RelativePattern {
    constructor(readonly base: Uri, readonly pattern: string) {}
}

type Listener<T> = (value: T) => unknown;

/** A VS Code event: subscribe with `event(listener)`; `fire` is the test's (or the stub's) side. */
export class Emitter<T> {
    private listeners: Listener<T>[] = [];
    readonly event = (listener: Listener<T>) => {
        this.listeners.push(listener);
        return { dispose: () => { this.listeners = this.listeners.filter(l => l !== listener); } };
    };
    fire(value: T): void { for (const l of [...this.listeners]) l(value); }
}

export interface StubDocument {
    uri: Uri;
    fileName: string;
    languageId: string;
    isUntitled: boolean;
    isDirty: boolean;
    getText(): string;
    save(): Promise<boolean>;
}

/** A document as VS Code holds it for a file on disk (read now, so edits after this are not seen). */
export async function documentOf(file: string): Promise<StubDocument> {
    const text = await fs.readFile(file, 'utf8');
    return { uri: Uri.file(file), fileName: file, languageId: file.endsWith('.cx') ? 'cxspec' : 'plaintext', isUntitled: false, isDirty: false, getText: () => text, save: async () => true };
}

export class StubWebview {
    html = '';
    options: unknown;
    readonly cspSource = 'vscode-resource:';
    readonly posted: unknown[] = [];
    readonly received = new Emitter<unknown>();
    readonly onDidReceiveMessage = this.received.event;
    asWebviewUri(uri: Uri): Uri { return uri; }
    async postMessage(message: unknown): Promise<boolean> { this.posted.push(message); return true; }
}

export class StubPanel {
    readonly webview = new StubWebview();
    title: string;
    iconPath: unknown;
    visible = true;
    disposed = false;
    reveals = 0;
    private readonly disposeEmitter = new Emitter<void>();
    private readonly viewState = new Emitter<{ webviewPanel: StubPanel }>();
    readonly onDidDispose = this.disposeEmitter.event;
    readonly onDidChangeViewState = this.viewState.event;
    constructor(readonly viewType: string, title: string) { this.title = title; }
    reveal(): void { this.reveals += 1; }
    dispose(): void {
        if (this.disposed) return;
        this.disposed = true;
        this.disposeEmitter.fire();
    }
    /** The tab hidden or shown again, as the user switching tabs does. */
    setVisible(visible: boolean): void {
        this.visible = visible;
        this.viewState.fire({ webviewPanel: this });
    }
}

export class StubWatcher {
    disposed = false;
    readonly created = new Emitter<Uri>();
    readonly changed = new Emitter<Uri>();
    readonly deleted = new Emitter<Uri>();
    readonly onDidCreate = this.created.event;
    readonly onDidChange = this.changed.event;
    readonly onDidDelete = this.deleted.event;
    constructor(readonly pattern: RelativePattern | string) {}
    dispose(): void { this.disposed = true; }
}

interface Message { level: 'info' | 'warning' | 'error'; text: string }

/** What the extension did, and what VS Code answers it. */
export const host = {
    messages: [] as Message[],
    commands: new Map<string, (...args: unknown[]) => unknown>(),
    panels: [] as StubPanel[],
    watchers: [] as StubWatcher[],
    serializers: new Map<string, { deserializeWebviewPanel(panel: StubPanel, state: unknown): Promise<void> | void }>(),
    output: [] as string[],
    trusted: true,
    activeTextEditor: undefined as { document: StubDocument; selection: { active: Position } } | undefined,
    textDocuments: [] as StubDocument[],
    workspaceFolders: [] as string[],
    settings: {} as Record<string, unknown>,
    /** Answers to `showOpenDialog`, taken in order; undefined = cancelled. */
    openDialogAnswers: [] as (string | undefined)[],
    openDialogTitles: [] as string[],
    workspaceState: new Map<string, unknown>(),
    textDocumentChanges: new Emitter<{ document: StubDocument; contentChanges: unknown[] }>()
};

export function resetHost(): void {
    host.messages.length = 0;
    host.commands.clear();
    host.panels.length = 0;
    host.watchers.length = 0;
    host.serializers.clear();
    host.output.length = 0;
    host.trusted = true;
    host.activeTextEditor = undefined;
    host.textDocuments = [];
    host.workspaceFolders = [];
    host.settings = {};
    host.openDialogAnswers = [];
    host.openDialogTitles = [];
    host.workspaceState.clear();
    host.textDocumentChanges = new Emitter();
}

const message = (level: Message['level']) => async (text: string) => { host.messages.push({ level, text }); return undefined; };

export const window = {
    get activeTextEditor() { return host.activeTextEditor; },
    showInformationMessage: message('info'),
    showWarningMessage: message('warning'),
    showErrorMessage: message('error'),
    async showOpenDialog(options: { title: string }) {
        host.openDialogTitles.push(options.title);
        const answer = host.openDialogAnswers.shift();
        return answer === undefined ? undefined : [Uri.file(answer)];
    },
    createOutputChannel(_name: string) {
        let line = '';
        return {
            append(text: string) { line += text; },
            appendLine(text: string) { host.output.push(line + text); line = ''; },
            show() { /* nothing to show in a test */ },
            dispose() { /* nothing held */ }
        };
    },
    createWebviewPanel(viewType: string, title: string, _column: unknown, options: unknown) {
        const panel = new StubPanel(viewType, title);
        panel.webview.options = options;
        host.panels.push(panel);
        return panel;
    },
    registerWebviewPanelSerializer(viewType: string, serializer: { deserializeWebviewPanel(panel: StubPanel, state: unknown): Promise<void> }) {
        host.serializers.set(viewType, serializer);
        return { dispose: () => host.serializers.delete(viewType) };
    }
};

export const workspace = {
    get isTrusted() { return host.trusted; },
    get textDocuments() { return host.textDocuments; },
    getConfiguration(section: string) {
        return { get: <T>(key: string, fallback: T): T => (`${section}.${key}` in host.settings ? host.settings[`${section}.${key}`] as T : fallback) };
    },
    getWorkspaceFolder(uri: Uri) {
        const folder = host.workspaceFolders.find(f => uri.fsPath === f || uri.fsPath.startsWith(f + path.sep));
        return folder ? { uri: Uri.file(folder) } : undefined;
    },
    asRelativePath(target: Uri | string) {
        const file = typeof target === 'string' ? target : target.fsPath;
        const folder = host.workspaceFolders.find(f => file.startsWith(f + path.sep));
        return folder ? path.relative(folder, file) : file;
    },
    createFileSystemWatcher(pattern: RelativePattern | string) {
        const watcher = new StubWatcher(pattern);
        host.watchers.push(watcher);
        return watcher;
    },
    onDidChangeTextDocument: (listener: Listener<{ document: StubDocument; contentChanges: unknown[] }>) => host.textDocumentChanges.event(listener),
    async openTextDocument(uri: Uri) { return documentOf(uri.fsPath); },
    fs: { async stat(uri: Uri) { return fs.stat(uri.fsPath); } }
};

export const commands = {
    registerCommand(id: string, run: (...args: unknown[]) => unknown) {
        if (host.commands.has(id)) throw new Error(`command '${id}' already registered`);
        host.commands.set(id, run);
        return { dispose: () => host.commands.delete(id) };
    }
};

/** The extension context VS Code passes to `activate`, rooted at the extension's folder. */
export function extensionContext(extensionPath: string) {
    return {
        extensionUri: Uri.file(extensionPath),
        subscriptions: [] as { dispose(): unknown }[],
        asAbsolutePath: (relative: string) => path.join(extensionPath, relative),
        workspaceState: {
            get: (key: string) => host.workspaceState.get(key),
            update: async (key: string, value: unknown) => { host.workspaceState.set(key, value); }
        }
    };
}
