import { GrammarUtils, type LangiumDocuments } from 'langium';
import { DefaultWorkspaceSymbolProvider, type LangiumSharedServices } from 'langium/lsp';
import { SymbolKind, type CancellationToken, type WorkspaceSymbol, type WorkspaceSymbolParams } from 'vscode-languageserver';
import { isDocument, isSurvey } from '../generated/ast.js';
import { guarded } from './guard.js';

/**
 * Every exported declaration of the workspace (top-level names and touchpoints), fuzzy-matched,
 * and the questions of every survey, which are found by name (`recommend`) as often as surveys
 * are but are not exported (they are read as `Survey.question`).
 */
export class CxSpecWorkspaceSymbolProvider extends DefaultWorkspaceSymbolProvider {
    private readonly documents: LangiumDocuments;

    constructor(services: LangiumSharedServices) {
        super(services);
        this.documents = services.workspace.LangiumDocuments;
    }

    override getSymbols(params: WorkspaceSymbolParams, cancelToken?: CancellationToken): Promise<WorkspaceSymbol[]> {
        return guarded('workspace symbols', async () => [...await super.getSymbols(params, cancelToken), ...this.questions(params.query.toLowerCase())]);
    }

    private questions(query: string): WorkspaceSymbol[] {
        const symbols: WorkspaceSymbol[] = [];
        for (const document of this.documents.all) {
            const root = document.parseResult.value;
            if (!isDocument(root)) continue;
            for (const survey of root.elements.filter(isSurvey)) {
                for (const question of survey.questions) {
                    const name = GrammarUtils.findNodeForProperty(question.$cstNode, 'name');
                    if (!name || !question.name || !this.fuzzyMatcher.match(query, question.name)) continue;
                    symbols.push({
                        name: question.name, kind: SymbolKind.Field, containerName: survey.name,
                        location: { uri: document.uri.toString(), range: name.range }
                    });
                }
            }
        }
        return symbols;
    }
}
