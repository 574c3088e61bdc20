import { GrammarUtils, type AstNode, type LangiumDocument } from 'langium';
import { AbstractInlayHintProvider, type InlayHintAcceptor } from 'langium/lsp';
import { InlayHintKind, type CancellationToken, type InlayHint, type InlayHintParams } from 'vscode-languageserver';
import { isSurvey } from '../generated/ast.js';
import { guarded } from './guard.js';
import { formatDuration, surveySeconds } from './spec-facts.js';

/** After each survey's name: how long respondents take, estimated as for the fatigue check (CX305). */
export class CxSpecInlayHintProvider extends AbstractInlayHintProvider {
    override getInlayHints(document: LangiumDocument, params: InlayHintParams, cancelToken?: CancellationToken): Promise<InlayHint[] | undefined> {
        return guarded('inlay hints', () => super.getInlayHints(document, params, cancelToken));
    }

    computeInlayHint(node: AstNode, acceptor: InlayHintAcceptor): void {
        if (!isSurvey(node)) return;
        const nameNode = GrammarUtils.findNodeForProperty(node.$cstNode, 'name');
        if (!nameNode) return;
        const seconds = surveySeconds(node);
        acceptor({
            position: nameNode.range.end,
            label: `≈ ${formatDuration(seconds)}`,
            kind: InlayHintKind.Type,
            paddingLeft: true,
            tooltip: `${node.questions.length} questions; estimated completion time ${seconds} s`
        });
    }
}
