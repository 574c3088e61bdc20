import type { LangiumDocument, MaybePromise } from 'langium';
import { DefaultFoldingRangeProvider } from 'langium/lsp';
import { FoldingRangeKind, type CancellationToken, type FoldingRange, type FoldingRangeParams } from 'vscode-languageserver';
import { guarded } from './guard.js';

/**
 * Folds every multi-line block (journey, stage, survey, question, ...) and block comment, and
 * runs of `//` lines, which specs use for their prose headers.
 */
export class CxSpecFoldingRangeProvider extends DefaultFoldingRangeProvider {
    override getFoldingRanges(document: LangiumDocument, params: FoldingRangeParams, cancelToken?: CancellationToken): MaybePromise<FoldingRange[]> {
        return guarded('folding', async () => {
            const ranges = [...await super.getFoldingRanges(document, params, cancelToken), ...lineCommentRuns(document.textDocument.getText())];
            return ranges.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
        });
    }
}

function lineCommentRuns(text: string): FoldingRange[] {
    const runs: FoldingRange[] = [];
    let start = -1;
    const lines = text.split('\n');
    lines.forEach((line, index) => {
        const comment = line.trimStart().startsWith('//');
        if (comment && start < 0) start = index;
        if (!comment && start >= 0) {
            if (index - 1 > start) runs.push({ startLine: start, endLine: index - 1, kind: FoldingRangeKind.Comment });
            start = -1;
        }
    });
    if (start >= 0 && lines.length - 1 > start) runs.push({ startLine: start, endLine: lines.length - 1, kind: FoldingRangeKind.Comment });
    return runs;
}
