/**
 * User content (a condition, a label, a file name, a cell value) quoted in a line of text output.
 * Such a line is read by terminals and by CI runners: a line break inside it starts a line of its
 * own, which GitHub Actions takes for a workflow command (`::error ...::`, `::add-mask::`), and an
 * escape character drives the terminal (colours, cursor moves, window titles).
 */

/**
 * C0 and C1 controls, DEL, the Unicode line and paragraph separators, and the bidirectional
 * embeddings, overrides and isolates (which reorder what a reader sees around them).
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** The text on one line with nothing a terminal or a CI runner acts on: `\n`, `\r`, `\t`, else `\u001b`. */
export function oneLine(text: string): string {
    return text.replace(UNSAFE, c => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
