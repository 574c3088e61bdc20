/**
 * Which declarations completion offers for a reference: the scope provider resolves every name
 * that could link (so a misuse gets its own diagnostic), while completion offers only names the
 * language's rules accept there.
 */
import { AstUtils, type AstNode, type ReferenceInfo } from 'langium';
import type { QuestionKind } from '@cxspec/model';
import { NUMERIC_KINDS, scaleOf } from '@cxspec/model';
import {
    isBoxExpr, isClvExpr, isColumn, isDataset, isDriverAnalysis, isFieldRef, isLifecycle, isMeanExpr, isNpsExpr, isQuestion, isSurvey,
    type Question
} from '../generated/ast.js';
import { resolveFieldTarget } from '../references/field-resolution.js';

/** False for a candidate the rules reject where `refInfo` is being completed. */
export function offered(refInfo: ReferenceInfo, candidate: AstNode): boolean {
    const container = refInfo.container;
    if (isFieldRef(container)) {
        const score = scoringExpr(container);
        if (score) {
            if (refInfo.property === 'head') return isSurvey(candidate) || (isMeanExpr(score) && isDataset(candidate));
            if (isQuestion(candidate)) return isNpsExpr(score) ? measuresNps(candidate) : NUMERIC_KINDS.has(candidate.kind as QuestionKind);
            return isMeanExpr(score) && isColumn(candidate) && candidate.primitive === 'number';
        }
        const question = AstUtils.getContainerOfType(container, isQuestion);
        // Display logic reads answers already given: earlier questions of the same survey.
        if (question && refInfo.property === 'head') return isQuestion(candidate) && askedBefore(candidate, question);
        return true;
    }
    if (isLifecycle(container)) return isColumn(candidate) && candidate.primitive === 'date';
    if (isClvExpr(container) && refInfo.property === 'value') return isColumn(candidate) && candidate.primitive === 'number';
    if (isDriverAnalysis(container) && refInfo.property === 'drivers') {
        const outcome = resolveFieldTarget(container.outcome);
        const listed = new Set(container.drivers.map(d => d.ref).filter(d => d !== undefined));
        return isQuestion(candidate) && candidate !== outcome && !listed.has(candidate) && NUMERIC_KINDS.has(candidate.kind as QuestionKind);
    }
    return true;
}

/** The metric function around a field reference, when it is one that scores a question. */
function scoringExpr(node: AstNode) {
    for (let n: AstNode | undefined = node; n; n = n.$container) {
        if (isNpsExpr(n) || isBoxExpr(n) || isMeanExpr(n)) return n;
        if (!isFieldRef(n)) return undefined;
    }
    return undefined;
}

/** nps() reads an NPS question or a 0..10 rating (as the metric checks accept). */
function measuresNps(question: Question): boolean {
    if (question.kind === 'nps') return true;
    const scale = question.kind === 'rating' ? scaleOf('rating', question.range) : null;
    return scale?.min === 0 && scale.max === 10;
}

function askedBefore(candidate: Question, question: Question): boolean {
    const survey = question.$container;
    return candidate.$container === survey && survey.questions.indexOf(candidate) < survey.questions.indexOf(question);
}
