import { AstUtils, GrammarAST, type LangiumDocument, type MaybePromise } from 'langium';
import { DefaultRenameProvider } from 'langium/lsp';
import { LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import type { CancellationToken, Range, RenameParams, TextDocumentPositionParams, WorkspaceEdit } from 'vscode-languageserver';
import type { CxSpecLspServices } from './cxspec-lsp-module.js';
import { guarded } from './guard.js';

const NAME = /^[_a-zA-Z]\w*$/;

/** Renames a declaration and every reference to it in all files of its spec. */
export class CxSpecRenameProvider extends DefaultRenameProvider {
    /** Keywords that cannot serve as names (the `Name` rule admits a few, e.g. `text`, `low`). */
    private readonly reserved: Set<string>;

    constructor(services: CxSpecLspServices) {
        super(services);
        const grammar = services.Grammar;
        const nameRule = grammar.rules.find(r => r.name === 'Name');
        const allowed = new Set(nameRule ? AstUtils.streamAllContents(nameRule).filter(GrammarAST.isKeyword).map(k => k.value) : []);
        this.reserved = new Set(AstUtils.streamAllContents(grammar).filter(GrammarAST.isKeyword)
            .map(k => k.value).filter(v => NAME.test(v) && !allowed.has(v)));
    }

    override rename(document: LangiumDocument, params: RenameParams, cancelToken?: CancellationToken): Promise<WorkspaceEdit | undefined> {
        return guarded('rename', () => {
            if (!NAME.test(params.newName) || this.reserved.has(params.newName)) {
                throw new ResponseError(LSPErrorCodes.RequestFailed,
                    `'${params.newName}' cannot be a CXSpec name; use letters, digits and _, start with a letter or _, and avoid keywords.`);
            }
            return super.rename(document, params, cancelToken);
        });
    }

    override prepareRename(document: LangiumDocument, params: TextDocumentPositionParams, cancelToken?: CancellationToken): MaybePromise<Range | undefined> {
        return guarded('prepare rename', () => super.prepareRename(document, params, cancelToken));
    }
}
