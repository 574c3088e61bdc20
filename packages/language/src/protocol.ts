/**
 * Custom LSP messages between the CXSpec language server and its clients (the VS Code extension,
 * tests, benchmarks), declared once as typed `RequestType` / `NotificationType` so that params and
 * results are checked on both sides. Exported as `@cxspec/language/protocol`: it imports no Langium,
 * so a client bundle that takes it stays small.
 *
 * A `RequestType` is only understood by the JSON-RPC copy that made it (its parameter structure is
 * compared by identity), so each bundle holds one copy of `vscode-languageserver-protocol`
 * (scripts/build.mjs resolves it next to the server's or the client's library).
 */
import type { CxModel } from '@cxspec/model';
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';

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

/** `cxspec/previewModel`: the CX model of the spec a document belongs to. */
export const PreviewModelRequest = new RequestType<PreviewModelParams, PreviewModelResult, void>('cxspec/previewModel');

export interface ModelChangedParams {
    specName: string;
    /** URIs of the spec's files whose text changed in this build. */
    uris: string[];
}

/** `cxspec/modelChanged`: sent after each build of the workspace, once per spec that was rebuilt. */
export const ModelChangedNotification = new NotificationType<ModelChangedParams>('cxspec/modelChanged');

/** Commands the code lenses invoke; the extension registers them. Argument: `PreviewCommandArgs`. */
export const PreviewSurveyCommand = 'cxspec.previewSurvey';
export const PreviewJourneyCommand = 'cxspec.previewJourney';

export interface PreviewCommandArgs {
    uri: string;
    name: string;
}
