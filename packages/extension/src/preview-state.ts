/**
 * What a preview needs to come back after VS Code restarts, without VS Code: the saved record,
 * the choice of what to show, and the page shown when that is no longer possible.
 *
 * The page (packages/preview, shared with `cxspec preview`) saves its own tab, locale, picked
 * survey or journey, answers and scroll with `setState`, and VS Code hands that state to the
 * serializer and back to the revived page. It does not know which document it shows, so the
 * extension keeps that in its workspace state under `PreviewStateKey`: there is one preview per
 * window, so one record is enough.
 */
import { escapeHtml } from '@cxspec/model';
import type { PreviewFocus } from '@cxspec/preview';

export const PreviewStateKey = 'cxspec.preview';

/** The record in `workspaceState`: the document on show and the survey, journey or metrics in focus. */
export interface SavedPreview {
    uri: string;
    focus?: PreviewFocus;
}

export type RestorePlan =
    | { kind: 'show'; uri: string; focus?: PreviewFocus }
    /** Nothing says which document the panel showed (e.g. the workspace state was cleared). */
    | { kind: 'unknown' };

/** The record to keep for a preview target; the cursor position is not kept, the focus it chose is. */
export function savedPreview(uri: string, focus: PreviewFocus | undefined): SavedPreview {
    return focus ? { uri, focus: focus.name === undefined ? { kind: focus.kind } : { kind: focus.kind, name: focus.name } } : { uri };
}

/**
 * What a revived panel shows: the saved document, focused on what the page last showed (its own
 * state is the panel's, so it wins over the window-wide record), else on the saved focus.
 */
export function restorePlan(saved: unknown, pageState: unknown): RestorePlan {
    if (!isRecord(saved) || typeof saved.uri !== 'string' || saved.uri === '') return { kind: 'unknown' };
    const focus = pageFocus(pageState) ?? asFocus(saved.focus);
    return focus ? { kind: 'show', uri: saved.uri, focus } : { kind: 'show', uri: saved.uri };
}

/** The survey or journey the page had picked on its tab; the metrics tab needs no name. */
export function pageFocus(pageState: unknown): PreviewFocus | undefined {
    if (!isRecord(pageState)) return undefined;
    const tab = pageState.tab;
    if (tab === 'metrics') return { kind: 'metrics' };
    if (tab !== 'survey' && tab !== 'journey') return undefined;
    const name = pageState[tab];
    // No name means the page showed the spec's first one by default; the saved focus says which.
    return typeof name === 'string' && name !== '' ? { kind: tab, name } : undefined;
}

function asFocus(value: unknown): PreviewFocus | undefined {
    if (!isRecord(value)) return undefined;
    if (value.kind === 'metrics') return { kind: 'metrics' };
    if ((value.kind === 'survey' || value.kind === 'journey') && typeof value.name === 'string' && value.name !== '') return { kind: value.kind, name: value.name };
    return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A page with one message and no script, for a preview that cannot show its spec (a restored
 * preview whose file was deleted, a spec that fails on the first draw). Nothing may load or run.
 */
export function messagePageHtml(heading: string, message: string): string {
    return [
        '<!DOCTYPE html>',
        '<html lang="en">',
        '<head>',
        '<meta charset="utf-8">',
        `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; base-uri 'none'; form-action 'none'">`,
        `<title>${escapeHtml(heading)}</title>`,
        '</head>',
        '<body>',
        `<h1>${escapeHtml(heading)}</h1>`,
        `<p id="cx-message">${escapeHtml(message)}</p>`,
        '</body>',
        '</html>',
        ''
    ].join('\n');
}

/** The message for a saved document that is gone, naming it and saying how to get a preview back. */
export function missingSpecMessage(displayPath: string): string {
    return `${displayPath} no longer exists, so its preview cannot be restored. Open a .cx file and run 'CXSpec: Open Preview to the Side' (Ctrl+K V).`;
}

export const UnknownSpecMessage = "This preview does not know which spec it showed. Open a .cx file and run 'CXSpec: Open Preview to the Side' (Ctrl+K V).";
