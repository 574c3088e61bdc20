import type { AstNode, CstNode, LangiumDocument, MaybePromise } from 'langium';
import { DefaultDocumentSymbolProvider } from 'langium/lsp';
import type { CancellationToken, DocumentSymbol, DocumentSymbolParams } from 'vscode-languageserver';
import { isColumn, isDocument, isMetric, isQuestion, isSurvey, isTouchpoint } from '../generated/ast.js';
import { guarded } from './guard.js';
import { questionKindText, targetText } from './spec-facts.js';

/**
 * The outline: the spec line, then journeys > stages > touchpoints, surveys > questions > options,
 * segments, datasets > columns, metrics and driver analyses, each with a short detail.
 */
export class CxSpecDocumentSymbolProvider extends DefaultDocumentSymbolProvider {
    override getSymbols(document: LangiumDocument, params: DocumentSymbolParams, cancelToken?: CancellationToken): MaybePromise<DocumentSymbol[]> {
        return guarded('document symbols', () => {
            const root = document.parseResult.value;
            if (!isDocument(root) || !root.$cstNode) return super.getSymbols(document, params, cancelToken);
            const symbols: DocumentSymbol[] = [];
            const nameNode = this.nameProvider.getNameNode(root);
            if (nameNode) {
                // The spec symbol spans `spec Name { ... }` only: the declarations after it are siblings, not children.
                const end = root.header?.$cstNode ?? nameNode;
                symbols.push({
                    kind: this.nodeKindProvider.getSymbolKind(root),
                    name: root.name,
                    detail: root.header ? 'spec settings' : 'spec',
                    range: { start: root.$cstNode.range.start, end: end.range.end },
                    selectionRange: nameNode.range
                });
            }
            for (const element of root.elements) symbols.push(...this.getSymbol(document, element));
            return symbols;
        });
    }

    protected override createSymbol(document: LangiumDocument, astNode: AstNode, cstNode: CstNode, nameNode: CstNode, computedName?: string): DocumentSymbol {
        const symbol = super.createSymbol(document, astNode, cstNode, nameNode, computedName);
        const detail = detailOf(astNode);
        return detail ? { ...symbol, detail } : symbol;
    }
}

function detailOf(node: AstNode): string | undefined {
    if (isQuestion(node)) return questionKindText(node);
    if (isTouchpoint(node)) return node.channel;
    if (isSurvey(node)) return `${node.questions.length} questions`;
    if (isMetric(node)) return node.target ? `target ${targetText(node.target)}` : node.expr?.fn;
    if (isColumn(node)) return node.primitive ?? node.values.map(v => v.name).join(' | ');
    return undefined;
}
