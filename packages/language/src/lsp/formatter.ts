import type { LangiumDocument, MaybePromise } from 'langium';
import type { Formatter } from 'langium/lsp';
import type {
    CancellationToken, DocumentFormattingParams, DocumentOnTypeFormattingOptions, DocumentOnTypeFormattingParams,
    DocumentRangeFormattingParams, Range, TextEdit
} from 'vscode-languageserver';
import { formatCxText } from './format-text.js';
import { guarded } from './guard.js';

/**
 * Applies format-text.ts as one edit per changed line. The layout keeps line numbers, so a range
 * or on-type request formats exactly its lines and never disturbs the rest of the file.
 */
export class CxSpecFormatter implements Formatter {
    formatDocument(document: LangiumDocument, _params: DocumentFormattingParams, _cancelToken?: CancellationToken): MaybePromise<TextEdit[]> {
        return guarded('formatting', () => lineEdits(document, undefined, true));
    }

    formatDocumentRange(document: LangiumDocument, params: DocumentRangeFormattingParams, _cancelToken?: CancellationToken): MaybePromise<TextEdit[]> {
        return guarded('range formatting', () => lineEdits(document, params.range, false));
    }

    formatDocumentOnType(document: LangiumDocument, params: DocumentOnTypeFormattingParams, _cancelToken?: CancellationToken): MaybePromise<TextEdit[]> {
        // After Enter the cursor sits on a fresh line; the line just finished is the one to lay out.
        const line = params.ch === '\n' ? Math.max(0, params.position.line - 1) : params.position.line;
        return guarded('on-type formatting', () => lineEdits(document, { start: { line, character: 0 }, end: { line, character: 0 } }, false));
    }

    get formatOnTypeOptions(): DocumentOnTypeFormattingOptions {
        return { firstTriggerCharacter: '}', moreTriggerCharacter: ['\n'] };
    }
}

function lineEdits(document: LangiumDocument, range: Range | undefined, wholeFile: boolean): TextEdit[] {
    const text = document.textDocument.getText();
    const formatted = formatCxText(text);
    // Unclosed strings or comments: the parser reports them; guessing a layout could destroy text.
    if (formatted === undefined) return [];
    const before = text.split('\n').map(l => l.replace(/\r$/, ''));
    const after = formatted.split('\n');
    const edits: TextEdit[] = [];
    const first = range?.start.line ?? 0;
    const last = range?.end.line ?? before.length - 1;
    for (let line = first; line <= last && line < before.length; line++) {
        if (before[line] === after[line]) continue;
        edits.push({ range: { start: { line, character: 0 }, end: { line, character: before[line].length } }, newText: after[line] });
    }
    if (wholeFile && !text.endsWith('\n')) {
        const lastEdit = edits.at(-1);
        if (lastEdit && lastEdit.range.start.line === before.length - 1) {
            lastEdit.newText += '\n';
        } else {
            const end = document.textDocument.positionAt(text.length);
            edits.push({ range: { start: end, end }, newText: '\n' });
        }
    }
    return edits;
}
