/**
 * The preview beside the editor: a webview showing the renderer's page for the spec of a document.
 * The server sends the CX model (`cxspec/previewModel`), never HTML; the page is drawn by the same
 * renderer `cxspec preview` uses, from the extension's own bundled assets. After the first draw new
 * models are posted as messages, so the page keeps its tab, locale, answers and scroll.
 * The document and focus on show are kept in the workspace state so the serializer can bring the
 * preview back after a restart (see preview-state.ts).
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { buildPreviewData, renderPreviewHtml, type HostMessage, type PageMessage, type PreviewData, type PreviewFocus } from '@cxspec/preview';
import { PreviewModelRequest, type PreviewModelParams } from '@cxspec/language/protocol';
import { parsePageMessage } from './page-message.js';
import { messagePageHtml, PreviewStateKey, savedPreview } from './preview-state.js';
import { loadResultsFile, resultsFileOf, resultsForModel } from './results-file.js';
import { readSettings } from './settings.js';

export interface PreviewTarget {
    uri: vscode.Uri;
    position?: vscode.Position;
    focus?: PreviewFocus;
}

export class PreviewPanel implements vscode.Disposable {
    static readonly viewType = 'cxspec.preview';
    private readonly panel: vscode.WebviewPanel;
    /** The record last written to the workspace state, so edits that change nothing write nothing. */
    private remembered = '';
    private readonly disposables: vscode.Disposable[] = [];
    private readonly mediaRoot: vscode.Uri;
    private target: PreviewTarget;
    private specName: string | null = null;
    private lastData: PreviewData | null = null;
    private pageLoaded = false;
    private visible = true;
    private timer: ReturnType<typeof setTimeout> | undefined;
    /** Numbers requests so a slow answer never overwrites a newer one. */
    private requestSeq = 0;
    /** The results file watched for the spec on show, and its watcher (re-made when the file changes). */
    private resultsFile: string | null = null;
    private resultsWatcher: vscode.FileSystemWatcher | undefined;
    /** The last warning about the results file, so a redraw does not repeat it. */
    private resultsWarning = '';

    /** Opens a new preview beside the editor and draws it. */
    static create(context: vscode.ExtensionContext, client: LanguageClient, target: PreviewTarget, onDispose: () => void): PreviewPanel {
        const panel = vscode.window.createWebviewPanel(PreviewPanel.viewType, 'CXSpec Preview', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
            PreviewPanel.webviewOptions(context));
        const preview = new PreviewPanel(context, client, panel, target, onDispose);
        preview.remember();
        void preview.refresh();
        return preview;
    }

    /** Adopts a panel VS Code restored; the caller draws it (`refresh`) or explains why not (`showMessage`). */
    static revive(context: vscode.ExtensionContext, client: LanguageClient, panel: vscode.WebviewPanel, target: PreviewTarget, onDispose: () => void): PreviewPanel {
        panel.webview.options = PreviewPanel.webviewOptions(context);
        return new PreviewPanel(context, client, panel, target, onDispose);
    }

    private static webviewOptions(context: vscode.ExtensionContext): vscode.WebviewOptions {
        return {
            enableScripts: true,
            // The page may load nothing but the extension's bundled preview assets.
            localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'dist', 'media')]
        };
    }

    private constructor(private readonly context: vscode.ExtensionContext, private readonly client: LanguageClient, panel: vscode.WebviewPanel,
        target: PreviewTarget, onDispose: () => void) {
        this.panel = panel;
        this.target = target;
        this.mediaRoot = vscode.Uri.joinPath(context.extensionUri, 'dist', 'media');
        this.panel.iconPath = vscode.Uri.joinPath(context.extensionUri, 'icons', 'cxspec-file.svg');
        this.disposables.push(
            this.panel.onDidDispose(() => {
                this.dispose();
                onDispose();
            }),
            this.panel.webview.onDidReceiveMessage((value: unknown) => {
                const message = parsePageMessage(value);
                if (message) this.onPageMessage(message);
            }),
            // A hidden webview is unloaded; redraw it from the last data when it comes back (the page
            // restores its tab, locale and scroll from its saved state). Focus changes alone keep it.
            this.panel.onDidChangeViewState(event => {
                const visible = event.webviewPanel.visible;
                if (visible && !this.visible && this.lastData) this.draw(this.lastData);
                this.visible = visible;
            })
        );
        this.visible = panel.visible;
    }

    /** Points the preview at another document or focus and refreshes it. */
    show(target: PreviewTarget): void {
        this.target = target;
        this.remember();
        this.panel.reveal(vscode.ViewColumn.Beside, true);
        void this.refresh();
    }

    /** The spec a `cxspec/modelChanged` named, or an edited document, may be the one on show. */
    onSpecChanged(specName: string): void {
        if (specName === this.specName) this.schedule();
    }

    onDocumentEdited(uri: vscode.Uri): void {
        if (uri.toString() === this.target.uri.toString()) this.schedule();
    }

    private schedule(): void {
        clearTimeout(this.timer);
        this.timer = setTimeout(() => void this.refresh(), readSettings().previewDelay);
    }

    /** Asks the server for the model and shows it, or shows why it cannot. */
    async refresh(): Promise<void> {
        const seq = ++this.requestSeq;
        const params: PreviewModelParams = {
            uri: this.target.uri.toString(),
            position: this.target.position ? { line: this.target.position.line, character: this.target.position.character } : undefined,
            focus: this.target.focus
        };
        let data: PreviewData;
        try {
            const result = await this.client.sendRequest(PreviewModelRequest, params);
            if (seq !== this.requestSeq) return;
            this.specName = result.specName;
            // Later refreshes keep what was shown rather than jump back to the cursor's survey.
            this.target = { uri: this.target.uri, focus: result.focus };
            this.remember();
            const results = await this.resultsFor(result.specName, result.model.metrics.map(m => m.name));
            if (seq !== this.requestSeq) return;
            data = buildPreviewData(result.model, result.focus, results);
        } catch (error) {
            if (seq !== this.requestSeq) return;
            const message = error instanceof Error ? error.message : String(error);
            // Nothing drawn yet (a restored preview, or a spec with errors): say why in the panel.
            if (!this.lastData) this.showMessage('CXSpec Preview', message);
            else this.post({ type: 'error', message });
            return;
        }
        this.panel.title = `Preview ${data.specName}`;
        if (this.pageLoaded) this.post({ type: 'update', data });
        else this.draw(data);
        this.lastData = data;
    }

    /**
     * The scores beside the spec (see results-file.ts), or null to draw the map without them. A file
     * that is not a score result, or names metrics the spec no longer has, is said once as a warning.
     */
    private async resultsFor(specName: string, metricNames: string[]) {
        if (this.target.uri.scheme !== 'file') return null;
        const workspaceFolder = vscode.workspace.getWorkspaceFolder(this.target.uri)?.uri.fsPath;
        const file = resultsFileOf(this.target.uri.fsPath, specName, readSettings().previewResults, workspaceFolder);
        this.watchResults(file);
        const loaded = await loadResultsFile(file);
        let warning = '';
        let results = null;
        if (loaded.kind === 'invalid') warning = `${vscode.workspace.asRelativePath(file)} ${loaded.reason}; the journey map is drawn without scores.`;
        if (loaded.kind === 'loaded') {
            const kept = resultsForModel(loaded.results, metricNames);
            results = kept.results;
            if (kept.unknown.length > 0) {
                warning = `${vscode.workspace.asRelativePath(file)} scores metrics spec ${specName} does not have (${kept.unknown.join(', ')}): it may be from an older version; score again.`;
            }
        }
        if (warning && warning !== this.resultsWarning) void vscode.window.showWarningMessage(`CXSpec preview: ${warning}`);
        this.resultsWarning = warning;
        return results;
    }

    /** Redraws when the results file is written, created or deleted (a new `cxspec score` run). */
    private watchResults(file: string): void {
        if (file === this.resultsFile) return;
        this.resultsWatcher?.dispose();
        this.resultsFile = file;
        const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(path.dirname(file)), path.basename(file)));
        const changed = () => this.schedule();
        watcher.onDidCreate(changed);
        watcher.onDidChange(changed);
        watcher.onDidDelete(changed);
        this.resultsWatcher = watcher;
    }

    /** Replaces the page with a message (no script); the next successful refresh draws the preview again. */
    showMessage(heading: string, message: string): void {
        this.pageLoaded = false;
        this.lastData = null;
        this.panel.title = heading;
        this.panel.webview.html = messagePageHtml(heading, message);
    }

    private draw(data: PreviewData): void {
        const webview = this.panel.webview;
        this.pageLoaded = false;
        webview.html = renderPreviewHtml(data, {
            kind: 'linked',
            cspSource: webview.cspSource,
            scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(this.mediaRoot, 'preview-client.js')).toString(),
            styleUri: webview.asWebviewUri(vscode.Uri.joinPath(this.mediaRoot, 'preview.css')).toString()
        }, randomBytes(18).toString('base64url'));
    }

    private onPageMessage(message: PageMessage): void {
        if (message.type === 'ready') this.pageLoaded = true;
        // A survey or journey focus without a name (the spec has none) is not one the server can serve.
        else if (message.type === 'focus' && (message.kind === 'metrics' || message.name)) {
            this.target = { uri: this.target.uri, focus: { kind: message.kind, name: message.name } };
            this.remember();
        }
    }

    /** Keeps the document and focus for the serializer (the page's own state does not name the document). */
    private remember(): void {
        const record = savedPreview(this.target.uri.toString(), this.target.focus);
        const json = JSON.stringify(record);
        if (json === this.remembered) return;
        this.remembered = json;
        void this.context.workspaceState.update(PreviewStateKey, record);
    }

    private post(message: HostMessage): void {
        // Before the page is up there is nothing to tell; an error then shows on the first draw.
        if (this.pageLoaded) void this.panel.webview.postMessage(message);
        else if (message.type === 'error') void vscode.window.showWarningMessage(`CXSpec preview: ${message.message}`);
    }

    dispose(): void {
        clearTimeout(this.timer);
        this.resultsWatcher?.dispose();
        for (const d of this.disposables.splice(0)) d.dispose();
        this.panel.dispose();
    }
}
