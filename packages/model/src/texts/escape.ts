import { mdNeutralizeReferences } from './markdown-references.js';

/**
 * The one escaper per output language for spec and data text (labels, names, messages); SQL
 * identifiers and literals are quoted in the sql package, next to the dialects.
 */

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text that reads literally in HTML or SVG element content and in quoted attributes. */
export function escapeHtml(text: string): string {
    return text.replace(/[&<>"']/g, c => HTML_ENTITIES[c]);
}

/**
 * Text that renders literally in GitHub-flavoured Markdown, in a paragraph or a table cell: no
 * emphasis, code, links, headings or images, no raw HTML, no cell break, and nothing GitHub links
 * or notifies (mentions, issue references, bare URLs, math). Line breaks are left to the caller,
 * which knows whether it writes a paragraph (a space) or a table cell (`<br>`).
 */
export function escapeMarkdown(text: string): string {
    return mdNeutralizeReferences(text
        .replace(/[\\`*_[\]|~#!]/g, c => `\\${c}`)
        .replace(/[&<>]/g, c => HTML_ENTITIES[c]));
}
