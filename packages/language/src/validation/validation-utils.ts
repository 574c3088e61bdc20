import type { AstNode, Properties, ValidationAcceptor } from 'langium';
import type { DiagnosticRelatedInformation } from 'vscode-languageserver-types';
import { DIAGNOSTIC_RULES_BY_CODE, type DiagnosticCode } from '@cxspec/model';

/** Reports a rule's diagnostic at its default severity, with its code in `data` for code actions. */
export function report<N extends AstNode>(
    accept: ValidationAcceptor,
    code: DiagnosticCode,
    message: string,
    node: N,
    where: { property?: Properties<N>; index?: number; keyword?: string; relatedInformation?: DiagnosticRelatedInformation[] } = {},
    data: Record<string, unknown> = {}
): void {
    const rule = DIAGNOSTIC_RULES_BY_CODE.get(code)!;
    accept(rule.severity, message, { node, ...where, code, data: { code, ...data } } as never);
}

/** Reports every name that occurs more than once among `nodes`. */
export function reportDuplicates<N extends AstNode & { name: string }>(
    accept: ValidationAcceptor, nodes: Iterable<N>, what: string, scope: string
): void {
    const seen = new Map<string, N>();
    for (const node of nodes) {
        if (!node.name) continue;
        if (seen.has(node.name)) {
            report(accept, 'CX002', `Duplicate ${what} '${node.name}' in ${scope}; rename one of them.`, node, { property: 'name' as Properties<N> });
        } else {
            seen.set(node.name, node);
        }
    }
}
