import { CstUtils, URI, type CstNode, type LangiumDocument } from 'langium';
import { DefaultLanguageServer, type LangiumSharedServices } from 'langium/lsp';
import type { Connection, InitializeParams, InitializeResult, Position, Range, SelectionRange } from 'vscode-languageserver';
import { guarded } from './guard.js';

/** Langium's server with the selection-range capability, which Langium has no service for. */
export class CxSpecLanguageServer extends DefaultLanguageServer {
    protected override buildInitializeResult(params: InitializeParams): InitializeResult {
        const result = super.buildInitializeResult(params);
        return { ...result, capabilities: { ...result.capabilities, selectionRangeProvider: true } };
    }
}

/** Expand selection: the word, then each enclosing node of the syntax tree (a condition, a question, a survey). */
export function registerSelectionRanges(connection: Connection, shared: LangiumSharedServices): void {
    connection.onSelectionRanges(params => guarded('selection ranges', () => {
        const document = shared.workspace.LangiumDocuments.getDocument(URI.parse(params.textDocument.uri));
        return params.positions.map(position => (document ? selectionRangeAt(document, position) : { range: { start: position, end: position } }));
    }));
}

export function selectionRangeAt(document: LangiumDocument, position: Position): SelectionRange {
    const root = document.parseResult.value.$cstNode;
    const offset = document.textDocument.offsetAt(position);
    let node: CstNode | undefined = root && CstUtils.findLeafNodeAtOffset(root, offset);
    const ranges: Range[] = [];
    for (; node; node = node.container) {
        const last = ranges.at(-1);
        if (!last || !sameRange(last, node.range)) ranges.push(node.range);
    }
    let result: SelectionRange | undefined;
    for (const range of ranges.reverse()) result = { range, parent: result };
    return result ?? { range: { start: position, end: position } };
}

function sameRange(a: Range, b: Range): boolean {
    return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}
