import type { LangiumDocument, MaybePromise } from 'langium';
import { DefaultDocumentHighlightProvider } from 'langium/lsp';
import type { CancellationToken, DocumentHighlight, DocumentHighlightParams } from 'vscode-languageserver';
import { guarded } from './guard.js';

/** Highlights the name under the cursor and its uses in the file; asked on every cursor move. */
export class CxSpecDocumentHighlightProvider extends DefaultDocumentHighlightProvider {
    override getDocumentHighlight(document: LangiumDocument, params: DocumentHighlightParams, cancelToken?: CancellationToken): MaybePromise<DocumentHighlight[] | undefined> {
        return guarded('document highlight', () => super.getDocumentHighlight(document, params, cancelToken));
    }
}
