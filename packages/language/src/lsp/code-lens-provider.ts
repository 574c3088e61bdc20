import { AstUtils, type AstNode, type LangiumDocument, type MaybePromise } from 'langium';
import type { CodeLensProvider } from 'langium/lsp';
import type { CancellationToken, CodeLens, CodeLensParams } from 'vscode-languageserver';
import { isDocument, isFieldRef, isJourney, isQuestion, isSurvey, isTouchpoint, type Question, type Touchpoint } from '../generated/ast.js';
import { resolveField, resolveFieldTarget } from '../references/field-resolution.js';
import type { SpecMembership } from '../references/spec-membership.js';
import type { CxSpecLspServices } from './cxspec-lsp-module.js';
import { guarded } from './guard.js';
import { PreviewJourneyCommand, PreviewSurveyCommand, type PreviewCommandArgs } from '../protocol.js';

/**
 * "Preview survey" above each survey and "Preview journey" above each journey; above each
 * touchpoint how many questions measure it, above each question how many metrics and driver
 * analyses read it (counts over all files of the spec; a lens without an action).
 */
export class CxSpecCodeLensProvider implements CodeLensProvider {
    private readonly membership: SpecMembership;

    constructor(services: CxSpecLspServices) {
        this.membership = services.references.SpecMembership;
    }

    provideCodeLens(document: LangiumDocument, _params: CodeLensParams, _cancelToken?: CancellationToken): MaybePromise<CodeLens[]> {
        return guarded('code lenses', () => {
            const root = document.parseResult.value;
            if (!isDocument(root)) return [];
            const lenses: CodeLens[] = [];
            const counts = this.readers(root.name);
            const count = (node: Touchpoint | Question, noun: string, verb: string) => {
                const start = node.$cstNode?.range.start;
                const n = counts.get(node) ?? 0;
                if (start) lenses.push({ range: { start, end: start }, command: { title: `${verb} ${n} ${noun}${n === 1 ? '' : 's'}`, command: '' } });
            };
            for (const element of root.elements) {
                const range = element.$cstNode?.range;
                if (!range || !element.name) continue;
                const args: PreviewCommandArgs = { uri: document.uri.toString(), name: element.name };
                const lensRange = { start: range.start, end: range.start };
                if (isSurvey(element)) {
                    lenses.push({ range: lensRange, command: { title: 'Preview survey', command: PreviewSurveyCommand, arguments: [args] } });
                    for (const question of element.questions) count(question, 'metric', 'read by');
                } else if (isJourney(element)) {
                    lenses.push({ range: lensRange, command: { title: 'Preview journey', command: PreviewJourneyCommand, arguments: [args] } });
                    for (const touchpoint of element.stages.flatMap(s => s.touchpoints)) count(touchpoint, 'question', 'measured by');
                }
            }
            return lenses;
        });
    }

    /** Questions measuring each touchpoint, metrics and driver analyses reading each question, in one pass over the spec. */
    private readers(spec: string): Map<Touchpoint | Question, number> {
        const counts = new Map<Touchpoint | Question, number>();
        const add = (node: AstNode | undefined) => {
            if (isTouchpoint(node) || isQuestion(node)) counts.set(node, (counts.get(node) ?? 0) + 1);
        };
        for (const root of this.membership.documentsOf(spec)) {
            for (const element of root.elements) {
                if (isSurvey(element)) {
                    for (const question of element.questions) add(question.about?.ref);
                } else if (element.$type === 'Metric') {
                    // Each metric once, whether it reads the question in its function or its rate condition.
                    const read = new Set<AstNode>();
                    for (const node of AstUtils.streamAllContents(element)) {
                        const field = isFieldRef(node) ? resolveField(node) : undefined;
                        if (field) read.add(field);
                    }
                    read.forEach(add);
                } else if (element.$type === 'DriverAnalysis') {
                    const read = new Set<AstNode | undefined>([resolveFieldTarget(element.outcome), ...element.drivers.map(d => d.ref)]);
                    read.forEach(add);
                }
            }
        }
        return counts;
    }
}
