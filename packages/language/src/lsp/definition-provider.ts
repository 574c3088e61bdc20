import type { LangiumDocument, MaybePromise } from 'langium';
import { DefaultDefinitionProvider } from 'langium/lsp';
import type { CancellationToken, DefinitionParams, LocationLink } from 'vscode-languageserver';
import { guarded } from './guard.js';

/** Go to definition across the files of a spec (the scope provider limits names to the spec). */
export class CxSpecDefinitionProvider extends DefaultDefinitionProvider {
    override getDefinition(document: LangiumDocument, params: DefinitionParams, cancelToken?: CancellationToken): MaybePromise<LocationLink[] | undefined> {
        return guarded('go to definition', () => super.getDefinition(document, params, cancelToken));
    }
}
