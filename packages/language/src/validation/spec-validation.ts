import { AstUtils, GrammarUtils, WorkspaceCache, type AstNode, type LangiumSharedCoreServices, type ValidationAcceptor } from 'langium';
import type { DiagnosticRelatedInformation } from 'vscode-languageserver-types';
import type { Document, SpecHeader } from '../generated/ast.js';
import type { SpecMembership } from '../references/spec-membership.js';
import { report } from './validation-utils.js';

/** Checks that span the files of a spec: its header, and names unique across all its files. */
/** The first declaration of each top-level name and of each touchpoint name in a spec. */
interface FirstDeclarations { topLevel: Map<string, AstNode>; touchpoints: Map<string, AstNode> }

export class SpecValidator {
    private readonly firsts: WorkspaceCache<string, FirstDeclarations>;

    constructor(private readonly membership: SpecMembership, shared: LangiumSharedCoreServices) {
        this.firsts = new WorkspaceCache(shared);
    }

    checkDocument(doc: Document, accept: ValidationAcceptor): void {
        if (!doc.name) return;
        const headers = this.membership.headersOf(doc.name);
        if (headers.length === 0) {
            report(accept, 'CX003', `No file declares the locales of spec '${doc.name}'; write \`spec ${doc.name} { locales ja default, en }\` in one of its files.`, doc, { property: 'name' });
        } else if (doc.header && headers.length > 1 && headers[0] !== doc.header) {
            report(accept, 'CX004', `Spec '${doc.name}' already declares its header in ${fileName(headers[0])}; remove the braces here and keep \`spec ${doc.name}\`.`, doc, { property: 'name' });
        }
        this.checkUniqueNames(doc, accept);
    }

    checkHeader(header: SpecHeader, accept: ValidationAcceptor): void {
        const seen = new Set<string>();
        header.locales.forEach((locale, index) => {
            if (seen.has(locale.code)) {
                report(accept, 'CX006', `Locale '${locale.code}' is declared twice; remove one.`, header, { property: 'locales', index });
            }
            seen.add(locale.code);
        });
        const defaults = header.locales.filter(l => l.isDefault);
        if (defaults.length > 1) {
            report(accept, 'CX006', `Locales ${defaults.map(l => `'${l.code}'`).join(' and ')} are all marked default; keep \`default\` on one.`, header, { keyword: 'locales' });
        }
    }

    /** Top-level names share one namespace per spec, and so do touchpoints. */
    private checkUniqueNames(doc: Document, accept: ValidationAcceptor): void {
        const { topLevel: firstTopLevel, touchpoints: firstTouchpoint } = this.firstDeclarations(doc.name);
        for (const element of doc.elements) {
            const first = firstTopLevel.get(element.name);
            if (first && first !== element) {
                report(accept, 'CX002', `Duplicate name '${element.name}' in spec '${doc.name}' (first declared ${where(first, element)}); rename one of them.`, element, { property: 'name', relatedInformation: firstDeclared(first) });
            }
            if (element.$type !== 'Journey') continue;
            for (const stage of element.stages) {
                for (const tp of stage.touchpoints) {
                    const firstTp = firstTouchpoint.get(tp.name);
                    if (firstTp && firstTp !== tp) {
                        report(accept, 'CX002', `Duplicate touchpoint '${tp.name}' in spec '${doc.name}' (first declared ${where(firstTp, tp)}); touchpoint names are unique across journeys, rename one of them.`, tp, { property: 'name', relatedInformation: firstDeclared(firstTp) });
                    }
                }
            }
        }
    }

    /** Collected once per spec and build, not once per file, which would grow with the square of the files. */
    private firstDeclarations(spec: string): FirstDeclarations {
        return this.firsts.get(spec, () => {
            const topLevel = new Map<string, AstNode>();
            const touchpoints = new Map<string, AstNode>();
            for (const root of this.membership.documentsOf(spec)) {
                for (const element of root.elements) {
                    if (element.name && !topLevel.has(element.name)) topLevel.set(element.name, element);
                    if (element.$type !== 'Journey') continue;
                    for (const stage of element.stages) {
                        for (const tp of stage.touchpoints) {
                            if (tp.name && !touchpoints.has(tp.name)) touchpoints.set(tp.name, tp);
                        }
                    }
                }
            }
            return { topLevel, touchpoints };
        });
    }
}

function fileName(node: AstNode): string {
    const uri = AstUtils.getDocument(node).uri.path;
    return uri.slice(uri.lastIndexOf('/') + 1);
}

/** The first declaration as a related location, so the editor links to it. */
function firstDeclared(first: AstNode): DiagnosticRelatedInformation[] {
    const name = GrammarUtils.findNodeForProperty(first.$cstNode, 'name') ?? first.$cstNode;
    if (!name) return [];
    return [{ location: { uri: AstUtils.getDocument(first).uri.toString(), range: name.range }, message: 'first declared here' }];
}

function where(first: AstNode, here: AstNode): string {
    const line = (first.$cstNode?.range.start.line ?? 0) + 1;
    return AstUtils.getDocument(first) === AstUtils.getDocument(here) ? `on line ${line}` : `in ${fileName(first)}:${line}`;
}
