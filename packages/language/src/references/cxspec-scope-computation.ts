import { DefaultScopeComputation, type AstNode, type AstNodeDescription, type LangiumDocument } from 'langium';
import { isDocument, isTouchpoint, type Document } from '../generated/ast.js';

/**
 * Exports every top-level declaration and, because surveys, metrics and other files refer to them
 * by their plain name, every touchpoint of every journey.
 */
export class CxSpecScopeComputation extends DefaultScopeComputation {
    override async collectExportedSymbols(document: LangiumDocument): Promise<AstNodeDescription[]> {
        const root = document.parseResult.value as Document;
        const exports: AstNodeDescription[] = [];
        if (!isDocument(root)) return exports;
        for (const element of root.elements) {
            this.addExportedSymbol(element, exports, document);
            if (element.$type === 'Journey') {
                for (const stage of element.stages) {
                    for (const touchpoint of stage.touchpoints) {
                        this.addExportedSymbol(touchpoint, exports, document);
                    }
                }
            }
        }
        return exports;
    }

    protected override addLocalSymbol(node: AstNode, document: LangiumDocument, symbols: Parameters<DefaultScopeComputation['addLocalSymbol']>[2]): void {
        // Touchpoints are global (exported above); keeping them out of local scopes avoids
        // resolving a touchpoint through its stage before the spec-wide duplicate check runs.
        if (isTouchpoint(node)) return;
        super.addLocalSymbol(node, document, symbols);
    }
}
