import { AstUtils, type ValidationAcceptor } from 'langium';
import {
    isAnsweredCondition, isComparison, isInCondition, isQuestion,
    type Question
} from '../generated/ast.js';
import { resolveFieldTarget } from '../references/field-resolution.js';
import { checkPredicateTypes, type Predicate } from './condition-typing.js';
import { report } from './validation-utils.js';
import { quotedSource } from './quoted-source.js';

/** Display logic: reads only earlier questions of the same survey, each with values of its type. */
export class LogicValidator {
    checkDisplayLogic(question: Question, accept: ValidationAcceptor): void {
        if (!question.visibleWhen) return;
        const survey = question.$container;
        const position = survey.questions.indexOf(question);
        for (const node of AstUtils.streamAst(question.visibleWhen)) {
            if (!isComparison(node) && !isInCondition(node) && !isAnsweredCondition(node)) continue;
            const predicate: Predicate = node;
            const target = resolveFieldTarget(predicate.field);
            if (!target) continue; // unresolved: CX001
            if (!isQuestion(target) || target.$container !== survey) {
                report(accept, 'CX404', `Question '${question.name}' is shown depending on '${quotedSource(predicate.field)}', which is not a question of survey '${survey.name}'; display logic reads only this survey's questions.`, predicate, { property: 'field' });
                continue;
            }
            if (target === question) {
                report(accept, 'CX403', `Question '${question.name}' is shown depending on its own answer, a cycle; make it depend on an earlier question.`, predicate, { property: 'field' });
                continue;
            }
            if (survey.questions.indexOf(target) > position) {
                report(accept, 'CX401', `Question '${question.name}' is shown when ${quotedSource(predicate, target.name)}, but '${target.name}' is asked later in the survey; move it above '${question.name}'.`, predicate, { property: 'field' });
                continue;
            }
            checkPredicateTypes(predicate, target, accept);
        }
    }
}
