import type { LangiumDocument, MaybePromise } from 'langium';
import { DefaultFoldingRangeProvider } from 'langium/lsp';
import type { CancellationToken, FoldingRange, FoldingRangeParams } from 'vscode-languageserver';
import { guarded } from './guard.js';

/** Folds every multi-line block (journey, stage, survey, question, ...) and comment. */
export class CxSpecFoldingRangeProvider extends DefaultFoldingRangeProvider {
    override getFoldingRanges(document: LangiumDocument, params: FoldingRangeParams, cancelToken?: CancellationToken): MaybePromise<FoldingRange[]> {
        return guarded('folding', () => super.getFoldingRanges(document, params, cancelToken));
    }
}
