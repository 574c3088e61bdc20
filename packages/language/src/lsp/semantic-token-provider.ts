import { isReference, type AstNode, type LangiumDocument, type Reference } from 'langium';
import { AbstractSemanticTokenProvider, type SemanticTokenAcceptor } from 'langium/lsp';
import {
    SemanticTokenModifiers, SemanticTokenTypes,
    type CancellationToken, type SemanticTokens, type SemanticTokensDelta, type SemanticTokensDeltaParams,
    type SemanticTokensParams, type SemanticTokensRangeParams
} from 'vscode-languageserver';
import { isLocaleDecl, isLocalizedText } from '../generated/ast.js';
import { guarded } from './guard.js';

/** One token type per concept, the same for a declaration (marked `declaration`) and its references. */
const TYPES: Record<string, SemanticTokenTypes> = {
    Document: SemanticTokenTypes.namespace,
    Journey: SemanticTokenTypes.namespace,
    Stage: SemanticTokenTypes.namespace,
    Touchpoint: SemanticTokenTypes.event,
    Survey: SemanticTokenTypes.class,
    Question: SemanticTokenTypes.property,
    MatrixItem: SemanticTokenTypes.property,
    Column: SemanticTokenTypes.property,
    Option: SemanticTokenTypes.enumMember,
    EnumValue: SemanticTokenTypes.enumMember,
    Segment: SemanticTokenTypes.type,
    Dataset: SemanticTokenTypes.struct,
    Metric: SemanticTokenTypes.function,
    DriverAnalysis: SemanticTokenTypes.function
};

/** Cross-reference properties of each node type, whatever their target. */
const REFERENCE_PROPERTIES: Record<string, string[]> = {
    Question: ['about'],
    Trigger: ['touchpoint'],
    Survey: ['joins'],
    FieldRef: ['head', 'member'],
    SymbolValue: ['symbol'],
    Metric: ['segments'],
    RateExpr: ['source'],
    LifecycleExpr: ['dataset'],
    ClvExpr: ['dataset', 'value'],
    Lifecycle: ['start', 'end'],
    DriverAnalysis: ['drivers']
};

export class CxSpecSemanticTokenProvider extends AbstractSemanticTokenProvider {
    override semanticHighlight(document: LangiumDocument, params: SemanticTokensParams, cancelToken?: CancellationToken): Promise<SemanticTokens> {
        return guarded('semantic tokens', () => super.semanticHighlight(document, params, cancelToken));
    }

    override semanticHighlightRange(document: LangiumDocument, params: SemanticTokensRangeParams, cancelToken?: CancellationToken): Promise<SemanticTokens> {
        return guarded('semantic tokens', () => super.semanticHighlightRange(document, params, cancelToken));
    }

    override semanticHighlightDelta(document: LangiumDocument, params: SemanticTokensDeltaParams, cancelToken?: CancellationToken): Promise<SemanticTokens | SemanticTokensDelta> {
        return guarded('semantic tokens', () => super.semanticHighlightDelta(document, params, cancelToken));
    }

    protected highlightElement(node: AstNode, acceptor: SemanticTokenAcceptor): void {
        const type = TYPES[node.$type];
        if (type && typeof (node as { name?: unknown }).name === 'string') {
            acceptor({ node, property: 'name', type, modifier: SemanticTokenModifiers.declaration });
        }
        if (isLocalizedText(node) || isLocaleDecl(node)) {
            acceptor({ node, property: isLocaleDecl(node) ? 'code' : 'locale', type: SemanticTokenTypes.decorator });
        }
        for (const property of REFERENCE_PROPERTIES[node.$type] ?? []) {
            const value = (node as unknown as Record<string, unknown>)[property];
            const refs = Array.isArray(value) ? value : [value];
            refs.forEach((ref, index) => {
                if (!isReference(ref)) return;
                const target = (ref as Reference).ref;
                const refType = target ? TYPES[target.$type] : undefined;
                if (refType) acceptor({ node, property, type: refType, index: Array.isArray(value) ? index : undefined });
            });
        }
    }
}
