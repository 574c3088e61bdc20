/**
 * Text from specs and data files placed in the Markdown report (GitHub-flavoured, as rendered in
 * pull-request comments and job summaries): no markup, no raw HTML, no broken table cells.
 */
import { escapeMarkdown } from '@cxspec/model';

/** Text that renders literally inside a paragraph or a table cell, on one line. */
export function mdText(text: string): string {
    return escapeMarkdown(text.replace(/\r\n|\r|\n/g, ' '));
}

/** An identifier as inline code when it is a plain name, else as escaped text. */
export function mdName(name: string): string {
    return /^[\p{L}\p{N}_.-]+$/u.test(name) ? `\`${name}\`` : mdText(name);
}

/** One table row from already-escaped cells. */
export function mdRow(cells: string[]): string {
    return `| ${cells.join(' | ')} |`;
}

/** Header row and alignment row of a table; `right` marks numeric columns. */
export function mdHeader(cells: string[], right: boolean[]): string[] {
    return [mdRow(cells), `|${right.map(r => (r ? '---:' : '---')).join('|')}|`];
}
