/**
 * The extension's own logic (extension.ts, commands.ts, preview-panel.ts) run against the real
 * language server over stdio and the real CLI bundle, with `vscode` replaced by the stand-in in
 * support/vscode-stub.ts (VS Code cannot be downloaded here). Needs `npm run build`.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { PreviewModelRequest } from '@cxspec/language/protocol';
import { copyExamples, repoRoot, startServer, type LspClient } from '../../language/test/lsp/lsp-client.js';

vi.mock('vscode', async () => await import('./support/vscode-stub.js'));

/** The client the extension would start: requests go to the real server; notifications are kept for the test to send. */
const notificationHandlers = new Map<string, (params: unknown) => void>();
let server: LspClient;
const client = {
    sendRequest: (type: { method: string }, params: unknown) => server.request(type.method, params),
    onNotification: (type: { method: string }, handler: (params: unknown) => void) => {
        notificationHandlers.set(type.method, handler);
        return { dispose: () => notificationHandlers.delete(type.method) };
    },
    start: async () => undefined,
    stop: async () => undefined
};
vi.mock('../src/language-client.js', () => ({ createLanguageClient: () => client }));

const vscode = await import('./support/vscode-stub.js');
const { host, resetHost, documentOf, extensionContext, Position } = vscode;
const { activate } = await import('../src/extension.js');
const { PreviewPanel } = await import('../src/preview-panel.js');

const cli = path.join(repoRoot, 'packages/cli/dist/cxspec.mjs');
const extensionPath = path.join(repoRoot, 'packages/extension');
const example = 'coffee-mobile-order';
let workspace: string;
let specFolder: string;

/** Resolves once `check` holds, looking again on every turn of the event loop (no fixed sleeps). */
async function until<T>(check: () => T | undefined | false, what: string): Promise<T> {
    for (let turn = 0; turn < 20_000; turn++) {
        const value = check();
        if (value) return value;
        await new Promise(resolve => setImmediate(resolve));
    }
    throw new Error(`timed out waiting for ${what}`);
}

beforeAll(async () => {
    workspace = await copyExamples(example);
    specFolder = path.join(workspace, example);
    await fs.cp(path.join(repoRoot, 'examples', example, 'responses'), path.join(specFolder, 'responses'), { recursive: true });
    server = await startServer(workspace);
    for (const file of (await fs.readdir(specFolder)).filter(f => f.endsWith('.cx')).sort()) {
        await server.open((await documentOf(path.join(specFolder, file))).uri.toString(), await fs.readFile(path.join(specFolder, file), 'utf8'));
    }
});

afterAll(async () => {
    await server?.stop();
    await fs.rm(workspace, { recursive: true, force: true });
});

beforeEach(() => {
    resetHost();
    host.workspaceFolders = [workspace];
    host.settings['cxspec.preview.delay'] = 0;
});

async function activated() {
    const context = extensionContext(extensionPath);
    await activate(context as never);
    return context;
}

async function editSurvey() {
    const document = await documentOf(path.join(specFolder, 'survey.cx'));
    host.activeTextEditor = { document, selection: { active: new Position(0, 0) } };
    host.textDocuments = [document];
    return document;
}

const warnings = () => host.messages.filter(m => m.level === 'warning').map(m => m.text);

describe('activate', () => {
    it('registers the five commands and the preview serializer', async () => {
        await activated();
        expect([...host.commands.keys()].sort()).toEqual(['cxspec.compile', 'cxspec.openPreview', 'cxspec.previewJourney', 'cxspec.previewSurvey', 'cxspec.score']);
        expect([...host.serializers.keys()]).toEqual(['cxspec.preview']);
    });

    it('a restored preview that never saved its document says so instead of staying blank', async () => {
        await activated();
        const panel = new vscode.StubPanel('cxspec.preview', 'CXSpec Preview');
        await host.serializers.get('cxspec.preview')!.deserializeWebviewPanel(panel, undefined);
        expect(panel.webview.html).toContain('does not know which spec it showed');
    });

    it('a restored preview of a deleted file names the file', async () => {
        await activated();
        host.workspaceState.set('cxspec.preview', { uri: vscode.Uri.file(path.join(specFolder, 'gone.cx')).toString() });
        const panel = new vscode.StubPanel('cxspec.preview', 'CXSpec Preview');
        await host.serializers.get('cxspec.preview')!.deserializeWebviewPanel(panel, undefined);
        expect(panel.webview.html).toContain(`${example}/gone.cx`);
    });

    it('a restored preview of an existing spec is drawn by the server', async () => {
        await activated();
        host.workspaceState.set('cxspec.preview', { uri: vscode.Uri.file(path.join(specFolder, 'survey.cx')).toString(), focus: { kind: 'survey', name: 'AfterPickup' } });
        const panel = new vscode.StubPanel('cxspec.preview', 'CXSpec Preview');
        await host.serializers.get('cxspec.preview')!.deserializeWebviewPanel(panel, undefined);
        expect(panel.title).toBe('Preview CoffeeMobileOrder');
        expect(panel.webview.html).toContain('id="cx-preview-data"');
    });
});

describe('commands', () => {
    it('preview commands without a .cx editor ask for one', async () => {
        await activated();
        await host.commands.get('cxspec.openPreview')!();
        expect(warnings()).toEqual(['Open a .cx file first: CXSpec commands work on the spec of the active editor.']);
        expect(host.panels).toHaveLength(0);
    });

    it('a code lens preview opens one panel on the survey it names, and a second one reuses it', async () => {
        await activated();
        const uri = vscode.Uri.file(path.join(specFolder, 'survey.cx')).toString();
        await host.commands.get('cxspec.previewSurvey')!({ uri, name: 'AfterPickup' });
        const panel = host.panels[0]!;
        await until(() => panel.webview.html.includes('cx-preview-data'), 'the first draw');
        expect(panel.title).toBe('Preview CoffeeMobileOrder');
        await host.commands.get('cxspec.previewJourney')!({ uri, name: 'MobileOrder' });
        expect(host.panels).toHaveLength(1);
        expect(panel.reveals).toBe(1);
        await until(() => (host.workspaceState.get('cxspec.preview') as { focus?: { kind: string } })?.focus?.kind === 'journey', 'the journey focus saved');
    });

    it('compile and score refuse to run a workspace CLI in Restricted Mode', async () => {
        await activated();
        await editSurvey();
        host.trusted = false;
        await host.commands.get('cxspec.compile')!();
        await host.commands.get('cxspec.score')!();
        expect(warnings()).toHaveLength(2);
        expect(warnings()[0]).toContain('need a trusted workspace');
        expect(host.output).toEqual([]);
    });

    it('compile without a CLI in the workspace says where it looked', async () => {
        await activated();
        await editSurvey();
        await host.commands.get('cxspec.compile')!();
        expect(host.messages).toEqual([{ level: 'error', text: "CXSpec: no cxspec CLI found in this workspace (node_modules/@cxspec/cli); install it or set 'cxspec.cli.path'." }]);
    });

    it('compile runs the CLI on the active spec and says where it wrote', async () => {
        await activated();
        await editSurvey();
        host.settings['cxspec.cli.path'] = cli;
        await host.commands.get('cxspec.compile')!();
        expect(host.messages).toEqual([{ level: 'info', text: `CXSpec: compiled CoffeeMobileOrder into ${path.join('dist/cxspec', 'CoffeeMobileOrder')}.` }]);
        expect(host.output[0]).toBe(`$ cxspec compile ${specFolder} --spec CoffeeMobileOrder --out ${path.join(workspace, 'dist/cxspec/CoffeeMobileOrder')}`);
        const written = await fs.readdir(path.join(workspace, 'dist/cxspec/CoffeeMobileOrder'));
        expect(written).toContain('AfterPickup.survey.json');
    });

    it('score asks for each survey\'s responses, runs the CLI and reports the outcome', async () => {
        await activated();
        await editSurvey();
        host.settings['cxspec.cli.path'] = cli;
        host.openDialogAnswers = [path.join(specFolder, 'responses/AfterPickup.csv')];
        await host.commands.get('cxspec.score')!();
        expect(host.openDialogTitles).toEqual(['Responses to survey AfterPickup (cancel to skip it)']);
        expect(host.output[0]).toBe(`$ cxspec score ${specFolder} --spec CoffeeMobileOrder --responses AfterPickup=${path.join(specFolder, 'responses/AfterPickup.csv')}`);
        // The coffee example's data misses two targets (exit 1): a finished run that says so.
        expect(host.messages.at(-1)!.text).toBe('CXSpec: scoring CoffeeMobileOrder ended with exit 1; see the CXSpec output.');
        expect(host.output.join('\n')).toContain('5 metric(s): 3 met, 2 missed, 0 inconclusive, 0 insufficient; exit 1: a target is missed');
    });

    it('score with every dialog cancelled runs nothing', async () => {
        await activated();
        await editSurvey();
        host.settings['cxspec.cli.path'] = cli;
        await host.commands.get('cxspec.score')!();
        expect(host.messages).toEqual([{ level: 'info', text: 'CXSpec: no response or dataset file chosen; nothing to score.' }]);
        expect(host.output).toEqual([]);
    });
});

describe('the preview panel', () => {
    const surveyUri = () => vscode.Uri.file(path.join(specFolder, 'survey.cx'));
    const resultsFile = () => path.join(specFolder, 'CoffeeMobileOrder.result.json');
    const pageData = (html: string) => JSON.parse(/<script type="application\/json" id="cx-preview-data">(.*?)<\/script>/s.exec(html)![1]!) as { scored: boolean };

    async function openPanel() {
        const context = extensionContext(extensionPath);
        const preview = PreviewPanel.create(context as never, client as never, { uri: surveyUri() as never, focus: { kind: 'journey', name: 'MobileOrder' } }, () => undefined);
        const panel = host.panels.at(-1)!;
        await until(() => panel.webview.html.includes('cx-preview-data'), 'the first draw');
        return { preview, panel };
    }

    it('after the page is ready, an edit is posted as an update, not a new page', async () => {
        const { preview, panel } = await openPanel();
        const first = panel.webview.html;
        panel.webview.received.fire({ type: 'ready' });
        preview.onDocumentEdited(surveyUri() as never);
        const update = await until(() => panel.webview.posted.find(m => (m as { type: string }).type === 'update'), 'the update message');
        expect((update as { data: { specName: string } }).data.specName).toBe('CoffeeMobileOrder');
        expect(panel.webview.html).toBe(first);
        // An edit to another document of no interest does nothing.
        preview.onDocumentEdited(vscode.Uri.file(path.join(workspace, 'other.cx')) as never);
        preview.dispose();
    });

    it('a page message that is not one of the page\'s kinds is ignored', async () => {
        const { preview, panel } = await openPanel();
        panel.webview.received.fire({ type: 'focus', kind: 'file', name: '../../etc' });
        panel.webview.received.fire('ready');
        expect((host.workspaceState.get('cxspec.preview') as { focus?: unknown }).focus).toEqual({ kind: 'journey', name: 'MobileOrder' });
        preview.dispose();
    });

    it('colours the journey map from <Spec>.result.json beside the spec, and redraws when it is written', async () => {
        await fs.rm(resultsFile(), { force: true });
        const { preview, panel } = await openPanel();
        expect(pageData(panel.webview.html).scored).toBe(false);
        // The file the watcher follows is exactly the one documented.
        const watcher = host.watchers.at(-1)!;
        expect(watcher.pattern).toMatchObject({ pattern: 'CoffeeMobileOrder.result.json' });
        expect((watcher.pattern as { base: { fsPath: string } }).base.fsPath).toBe(specFolder);
        const scored = spawnSync(process.execPath, [cli, 'score', specFolder, '--responses', `AfterPickup=${path.join(specFolder, 'responses/AfterPickup.csv')}`, '--format', 'json', '--out', resultsFile()], { encoding: 'utf8' });
        expect(scored.status, scored.stderr).toBe(1);
        watcher.created.fire(vscode.Uri.file(resultsFile()));
        await until(() => pageData(panel.webview.html).scored, 'the scored redraw');
        expect(warnings()).toEqual([]);
        preview.dispose();
        expect(watcher.disposed).toBe(true);
    });

    it('a results file that is not a score result is said once, and the map is drawn without scores', async () => {
        await fs.writeFile(resultsFile(), '{"metrics": 3}');
        const { preview, panel } = await openPanel();
        expect(pageData(panel.webview.html).scored).toBe(false);
        preview.onDocumentEdited(surveyUri() as never);
        await until(() => host.watchers.length > 0 && panel.title === 'Preview CoffeeMobileOrder', 'the redraw');
        const said = warnings();
        expect(said).toEqual([`CXSpec preview: ${example}/CoffeeMobileOrder.result.json is not a score result: it has no "metrics" object; pass the JSON that \`cxspec score --format json\` writes; the journey map is drawn without scores.`]);
        preview.dispose();
        await fs.rm(resultsFile());
    });

    it('a results file naming metrics the spec no longer has says which', async () => {
        await fs.writeFile(resultsFile(), JSON.stringify({ metrics: { retired_metric: { value: 10, unit: 'points', verdict: 'met' } } }));
        const { preview, panel } = await openPanel();
        expect(pageData(panel.webview.html).scored).toBe(true);
        expect(warnings()).toEqual([`CXSpec preview: ${example}/CoffeeMobileOrder.result.json scores metrics spec CoffeeMobileOrder does not have (retired_metric): it may be from an older version; score again.`]);
        preview.dispose();
        await fs.rm(resultsFile());
    });

    it('the cxspec.preview.results setting names another file, ${spec} replaced', async () => {
        host.settings['cxspec.preview.results'] = 'scores/${spec}.json';
        const { preview } = await openPanel();
        const watcher = host.watchers.at(-1)!;
        expect((watcher.pattern as { base: { fsPath: string } }).base.fsPath).toBe(path.join(workspace, 'scores'));
        expect(watcher.pattern).toMatchObject({ pattern: 'CoffeeMobileOrder.json' });
        preview.dispose();
    });
});

it('the stand-in module is only what the tests use (the request type reaches the real server)', async () => {
    const result = await client.sendRequest(PreviewModelRequest, { uri: vscode.Uri.file(path.join(specFolder, 'survey.cx')).toString() }) as { specName: string };
    expect(result.specName).toBe('CoffeeMobileOrder');
    expect(os.EOL).toBe('\n');
});
