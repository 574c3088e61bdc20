/**
 * Messages between the preview page and its host (the VS Code extension), as small typed
 * `{ type, ... }` objects. Types only, so both the page bundle and the extension import it freely.
 */
import type { PreviewData } from './preview-data.js';

/** Host → page. */
export type HostMessage =
    /** New data after an edit: the page re-renders in place, keeping tab, locale, answers and scroll. */
    | { type: 'update'; data: PreviewData }
    /** The spec cannot be previewed right now (e.g. it has errors); the page keeps its last render. */
    | { type: 'error'; message: string };

/** Page → host. */
export type PageMessage =
    /** The page has rendered and listens for updates. */
    | { type: 'ready' }
    /** The user picked another survey or journey; the host follows it on the next update. */
    | { type: 'focus'; kind: 'survey' | 'journey' | 'metrics'; name?: string };

/** What the page keeps across reloads of the webview (VS Code `getState`/`setState`). */
export interface PageState {
    tab: 'survey' | 'journey' | 'metrics';
    locale: string;
    survey: string | null;
    journey: string | null;
    scrollY: number;
    /** The reviewer's answers in the survey on show, so a reloaded webview keeps them. */
    answers: { survey: string; data: Record<string, unknown> } | null;
    /** Designer view: ids and the spec's rules beside the names and plain descriptions. */
    designer?: boolean;
}
