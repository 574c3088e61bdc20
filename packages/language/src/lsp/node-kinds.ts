import type { AstNode, AstNodeDescription } from 'langium';
import { DefaultNodeKindProvider } from 'langium/lsp';
import { CompletionItemKind, SymbolKind } from 'vscode-languageserver';

const SYMBOL_KINDS: Record<string, SymbolKind> = {
    Document: SymbolKind.Package,
    Journey: SymbolKind.Module,
    Stage: SymbolKind.Namespace,
    Touchpoint: SymbolKind.Event,
    Survey: SymbolKind.Class,
    Question: SymbolKind.Field,
    Option: SymbolKind.EnumMember,
    MatrixItem: SymbolKind.Field,
    Segment: SymbolKind.Interface,
    Dataset: SymbolKind.Struct,
    Column: SymbolKind.Property,
    EnumValue: SymbolKind.EnumMember,
    Metric: SymbolKind.Function,
    DriverAnalysis: SymbolKind.Function
};

const COMPLETION_KINDS: Record<string, CompletionItemKind> = {
    Journey: CompletionItemKind.Module,
    Stage: CompletionItemKind.Module,
    Touchpoint: CompletionItemKind.Event,
    Survey: CompletionItemKind.Class,
    Question: CompletionItemKind.Field,
    Option: CompletionItemKind.EnumMember,
    MatrixItem: CompletionItemKind.Field,
    Segment: CompletionItemKind.Interface,
    Dataset: CompletionItemKind.Struct,
    Column: CompletionItemKind.Property,
    EnumValue: CompletionItemKind.EnumMember,
    Metric: CompletionItemKind.Function,
    DriverAnalysis: CompletionItemKind.Function
};

/** Distinct icons per concept in the outline, workspace symbols and completion lists. */
export class CxSpecNodeKindProvider extends DefaultNodeKindProvider {
    override getSymbolKind(node: AstNode | AstNodeDescription): SymbolKind {
        return SYMBOL_KINDS[typeOf(node)] ?? SymbolKind.Field;
    }

    override getCompletionItemKind(node: AstNode | AstNodeDescription): CompletionItemKind {
        return COMPLETION_KINDS[typeOf(node)] ?? CompletionItemKind.Reference;
    }
}

function typeOf(node: AstNode | AstNodeDescription): string {
    return '$type' in node ? node.$type : node.type;
}
