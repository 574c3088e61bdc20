import { AstUtils, type ValidationAcceptor } from 'langium';
import {
    isAnsweredCondition, isComparison, isInCondition, isQuestion,
    type Condition, type Page, type Question, type Survey
} from '../generated/ast.js';
import { surveyPages } from '../model/survey-structure.js';
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
        this.checkCondition(question.visibleWhen, survey, question, `Question '${question.name}'`, target => survey.questions.indexOf(target) > position, accept);
    }

    /** A page's display logic reads questions on earlier pages only: its own are not answered yet when it is shown. */
    checkPageLogic(page: Page, accept: ValidationAcceptor): void {
        if (!page.visibleWhen) return;
        const survey = page.$container;
        const pages = surveyPages(survey);
        const own = pages.findIndex(p => p.page === page);
        const earlier = new Set(pages.slice(0, Math.max(own, 0)).flatMap(p => p.questions));
        this.checkCondition(page.visibleWhen, survey, undefined, `Page '${page.name}'`, target => !earlier.has(target), accept);
    }

    private checkCondition(condition: Condition, survey: Survey, self: Question | undefined, what: string, later: (target: Question) => boolean, accept: ValidationAcceptor): void {
        for (const node of AstUtils.streamAst(condition)) {
            if (!isComparison(node) && !isInCondition(node) && !isAnsweredCondition(node)) continue;
            const predicate: Predicate = node;
            const target = resolveFieldTarget(predicate.field);
            if (!target) continue; // unresolved: CX001
            if (!isQuestion(target) || target.$container !== survey) {
                report(accept, 'CX404', `${what} is shown depending on '${quotedSource(predicate.field)}', which is not a question of survey '${survey.name}'; display logic reads only this survey's questions.`, predicate, { property: 'field' });
                continue;
            }
            if (target === self) {
                report(accept, 'CX403', `${what} is shown depending on its own answer, a cycle; make it depend on an earlier question.`, predicate, { property: 'field' });
                continue;
            }
            if (later(target)) {
                const where = self ? 'later in the survey' : 'on this page or a later one';
                const fix = self ? `move it above '${self.name}'` : `move it to an earlier page`;
                report(accept, 'CX401', `${what} is shown when ${quotedSource(predicate, target.name)}, but '${target.name}' is asked ${where}; ${fix}.`, predicate, { property: 'field' });
                continue;
            }
            checkPredicateTypes(predicate, target, accept);
        }
    }
}
