import type { LangiumDocument, MaybePromise } from 'langium';
import { DefaultReferencesProvider } from 'langium/lsp';
import type { CancellationToken, Location, ReferenceParams } from 'vscode-languageserver';
import { guarded } from './guard.js';

/** Find references across the files of a spec. */
export class CxSpecReferencesProvider extends DefaultReferencesProvider {
    override findReferences(document: LangiumDocument, params: ReferenceParams, cancelToken?: CancellationToken): MaybePromise<Location[]> {
        return guarded('find references', () => super.findReferences(document, params, cancelToken));
    }
}
