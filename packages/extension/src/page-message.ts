/**
 * The webview's messages checked at run time: the page is a web context, and what it posts is
 * only typed by agreement, so the host acts on a message only once its shape is known.
 */
import type { PageMessage } from '@cxspec/preview';

const FOCUS_KINDS: ReadonlySet<string> = new Set(['survey', 'journey', 'metrics']);
/** A declaration name as the grammar admits it; anything else cannot name a survey or journey. */
const NAME = /^[_a-zA-Z]\w*$/;

/** The message when it is one the page may send, else undefined (ignored, never thrown). */
export function parsePageMessage(value: unknown): PageMessage | undefined {
    if (typeof value !== 'object' || value === null) return undefined;
    const message = value as Record<string, unknown>;
    if (message.type === 'ready') return { type: 'ready' };
    if (message.type !== 'focus' || typeof message.kind !== 'string' || !FOCUS_KINDS.has(message.kind)) return undefined;
    const kind = message.kind as 'survey' | 'journey' | 'metrics';
    if (message.name === undefined) return { type: 'focus', kind };
    return typeof message.name === 'string' && NAME.test(message.name) ? { type: 'focus', kind, name: message.name } : undefined;
}
