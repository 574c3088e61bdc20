/**
 * Serves the custom messages of protocol.ts: the `cxspec/previewModel` request and the
 * `cxspec/modelChanged` notification sent after every build.
 */
import { AstUtils, CstUtils, DocumentState, URI, type LangiumDocument } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { ResponseError, type CancellationToken, type Connection } from 'vscode-languageserver';
import type { CxSpecLspServices } from './cxspec-lsp-module.js';
import { isDocument, isJourney, isSurvey, type Document } from '../generated/ast.js';
import { buildCxModel } from '../model/ast-to-model.js';
import { guarded } from './guard.js';
import {
    ModelChangedNotification, PreviewModelErrorCode, PreviewModelRequest,
    type ModelChangedParams, type PreviewFocus, type PreviewModelParams, type PreviewModelResult
} from '../protocol.js';

export function registerPreviewProtocol(connection: Connection, shared: LangiumSharedServices, services: CxSpecLspServices): void {
    let root = process.cwd();
    shared.lsp.LanguageServer.onInitialize(params => {
        const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri;
        if (folder) root = URI.parse(folder).fsPath;
    });

    // By method name: the server's connection is another copy of the JSON-RPC library than the one
    // the declarations are typed against (see protocol.ts); the handler's types still come from them.
    connection.onRequest(PreviewModelRequest.method, (params: PreviewModelParams, token: CancellationToken): Promise<PreviewModelResult> =>
        guarded('preview model', async () => {
            const uri = URI.parse(params.uri);
            if (!shared.workspace.LangiumDocuments.hasDocument(uri)) throw notOpen(params.uri);
            await shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated, uri, token);
            return shared.workspace.WorkspaceLock.read(() => previewModel(shared, services, params, root));
        }));

    announceRebuiltSpecs(connection, shared);
}

function previewModel(shared: LangiumSharedServices, services: CxSpecLspServices, params: PreviewModelParams, root: string): PreviewModelResult {
    const document = shared.workspace.LangiumDocuments.getDocument(URI.parse(params.uri));
    const spec = document?.parseResult.value;
    if (!document || !isDocument(spec) || !spec.name) {
        throw notOpen(params.uri);
    }
    const roots = services.references.SpecMembership.documentsOf(spec.name);
    const firstError = roots.flatMap(r => r.$document?.diagnostics?.filter(d => d.severity === 1)
        .map(d => `${fileName(r.$document!)}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.message}`) ?? [])[0];
    if (firstError) {
        throw new ResponseError(PreviewModelErrorCode, `Spec '${spec.name}' has errors; fix them to update the preview (${firstError}).`);
    }
    const focus = params.focus ?? focusAt(document, params.position) ?? { kind: 'metrics' };
    const model = buildCxModel(roots as Document[], { root });
    const named = focus.kind === 'survey' ? model.surveys : focus.kind === 'journey' ? model.journeys : undefined;
    if (named && !named.some(n => n.name === focus.name)) {
        throw new ResponseError(PreviewModelErrorCode, `Spec '${spec.name}' has no ${focus.kind} '${focus.name ?? ''}' to preview.`);
    }
    return { specName: spec.name, model, focus };
}

function notOpen(uri: string): ResponseError<void> {
    return new ResponseError(PreviewModelErrorCode, `No CXSpec document is open at ${uri}.`);
}

/** The survey or journey whose text contains the cursor. */
function focusAt(document: LangiumDocument, position: PreviewModelParams['position']): PreviewFocus | undefined {
    const cst = document.parseResult.value.$cstNode;
    if (!position || !cst) return undefined;
    const offset = document.textDocument.offsetAt(position);
    const leaf = CstUtils.findLeafNodeAtOffset(cst, offset);
    const survey = leaf && AstUtils.getContainerOfType(leaf.astNode, isSurvey);
    if (survey) return { kind: 'survey', name: survey.name };
    const journey = leaf && AstUtils.getContainerOfType(leaf.astNode, isJourney);
    if (journey) return { kind: 'journey', name: journey.name };
    return undefined;
}

function fileName(document: LangiumDocument): string {
    return document.uri.path.split('/').pop() ?? document.uri.toString();
}

/**
 * After each build, tells the client which specs were rebuilt and which of their files changed
 * (all of them on the first build), so previews refresh only when their spec did.
 */
function announceRebuiltSpecs(connection: Connection, shared: LangiumSharedServices): void {
    const changed = new Set<string>();
    let firstBuild = true;
    shared.workspace.DocumentBuilder.onUpdate((updated, deleted) => {
        for (const uri of [...updated, ...deleted]) changed.add(uri.toString());
    });
    shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, documents => {
        // A listener that threw would fail the build itself; a lost notification is only logged.
        try {
            sendModelChanged(connection, documents, changed, firstBuild);
        } catch (error) {
            console.error(`CXSpec could not announce rebuilt specs: ${error instanceof Error ? error.stack : String(error)}`);
        }
        firstBuild = false;
        changed.clear();
    });
}

function sendModelChanged(connection: Connection, documents: LangiumDocument[], changed: Set<string>, firstBuild: boolean): void {
    const bySpec = new Map<string, string[]>();
    for (const document of documents) {
        const spec = document.parseResult.value;
        if (!isDocument(spec) || !spec.name) continue;
        const uris = bySpec.get(spec.name) ?? [];
        const uri = document.uri.toString();
        if (firstBuild || changed.has(uri)) uris.push(uri);
        bySpec.set(spec.name, uris);
    }
    for (const [specName, uris] of [...bySpec].sort(([a], [b]) => a.localeCompare(b))) {
        const params: ModelChangedParams = { specName, uris: uris.sort() };
        void connection.sendNotification(ModelChangedNotification.method, params).catch(error =>
            console.error(`CXSpec could not send ${ModelChangedNotification.method}: ${String(error)}`));
    }
}
