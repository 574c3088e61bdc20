/**
 * Custom LSP messages between the CXSpec language server and its clients (the VS Code extension,
 * tests, benchmarks). Declared once here; this file imports types only, so a client can import it
 * without pulling Langium into its bundle. Method names are plain strings so any JSON-RPC client
 * (vscode-languageclient, vscode-jsonrpc) can send them whatever copy of the protocol package it has.
 */
import type { CxModel } from '../model/cx-model.js';

/** A zero-based LSP position, as in `vscode-languageserver-protocol`. */
export interface LspPosition {
    line: number;
    character: number;
}

/** What a preview shows first: one survey, one journey, or the metrics of the spec. */
export interface PreviewFocus {
    kind: 'survey' | 'journey' | 'metrics';
    /** Name of the survey or journey; absent for `metrics`. */
    name?: string;
}

/** `cxspec/previewModel`: the CX model of the spec a document belongs to. */
export const PreviewModelMethod = 'cxspec/previewModel';

export interface PreviewModelParams {
    /** URI of an open or workspace `.cx` document; its `spec Name` picks the spec. */
    uri: string;
    /** Cursor position; the survey or journey around it becomes the focus. */
    position?: LspPosition;
    /** Asks for this focus instead of the one at the cursor (e.g. from a code lens). */
    focus?: PreviewFocus;
}

export interface PreviewModelResult {
    specName: string;
    model: CxModel;
    /** The survey or journey at the cursor (or asked for); `metrics` when the cursor is elsewhere. */
    focus: PreviewFocus;
}

/**
 * A preview that cannot be built is answered with a JSON-RPC error (`ResponseError`) with this
 * code (LSP `RequestFailed`) and a one-sentence message, e.g. `No CXSpec document is open at
 * file:///x.cx.` or `Spec 'Demo' has errors; fix them to update the preview (a.cx:3:5: ...).`
 */
export const PreviewModelErrorCode = -32803;

/** `cxspec/modelChanged`: sent after each build of the workspace, once per spec that was rebuilt. */
export const ModelChangedMethod = 'cxspec/modelChanged';

export interface ModelChangedParams {
    specName: string;
    /** URIs of the spec's files whose text changed in this build. */
    uris: string[];
}

/** Commands the code lenses invoke; the extension registers them. Argument: `PreviewCommandArgs`. */
export const PreviewSurveyCommand = 'cxspec.previewSurvey';
export const PreviewJourneyCommand = 'cxspec.previewJourney';

export interface PreviewCommandArgs {
    uri: string;
    name: string;
}
