/**
 * Piping: `{name}` inside a survey's text shows the answer to question `name` (SurveyJS text
 * processing, which the compiled survey keeps as written). Checked like display logic: the name is
 * a question of the same survey (CX330), answered before the text is shown (CX331), and a question
 * that may be hidden there is warned about, since its answer would then be empty (CX332).
 */
import { AstUtils, GrammarUtils, type ValidationAcceptor } from 'langium';
import type { Range } from 'vscode-languageserver-types';
import {
    isGroup, isPage, isQuestion, isSurvey, isThanks,
    type Condition, type LocalizedText, type Question, type Survey
} from '../generated/ast.js';
import { surveyPages } from '../model/survey-structure.js';
import { report } from './validation-utils.js';

/** `{name}` with an identifier inside, as SurveyJS's text processor reads a value name. */
export const PIPE = /\{([_a-zA-Z]\w*)\}/g;

/** The pipes of a text: each name with its range in the source (a text is on one line). */
export function pipesOf(text: LocalizedText): Array<{ name: string; range: Range }> {
    const cst = GrammarUtils.findNodeForProperty(text.$cstNode, 'text');
    if (!cst) return [];
    const start = cst.range.start;
    return [...cst.text.matchAll(PIPE)].map(match => ({
        name: match[1],
        range: {
            start: { line: start.line, character: start.character + match.index },
            end: { line: start.line, character: start.character + match.index + match[0].length }
        }
    }));
}

export class PipingValidator {
    checkPiping(text: LocalizedText, accept: ValidationAcceptor): void {
        const pipes = pipesOf(text);
        if (pipes.length === 0) return;
        const survey = AstUtils.getContainerOfType(text, isSurvey);
        if (!survey) return; // texts outside surveys are not shown to respondents
        const answeredBefore = this.answeredBefore(text, survey);
        const questions = new Map(survey.questions.map(q => [q.name, q]));
        for (const { name, range } of pipes) {
            const target = questions.get(name);
            if (!target) {
                report(accept, 'CX330', `'{${name}}' pipes an answer into this text, but survey '${survey.name}' has no question '${name}'; use the name of an earlier question.`, text, { range } as never);
                continue;
            }
            if (!answeredBefore.has(target)) {
                report(accept, 'CX331', `'{${name}}' pipes the answer to '${name}', which is not answered yet when this text is shown; pipe only questions asked before it (on an earlier page for a page's texts).`, text, { range } as never);
                continue;
            }
            const hiddenBy = this.mayBeHidden(target, survey);
            if (hiddenBy) {
                report(accept, 'CX332', `'{${name}}' pipes the answer to '${name}', which may be hidden (it is shown only when ${hiddenBy}), and then shows as empty; pipe a question every respondent sees, or word the text for an empty answer.`, text, { range } as never);
            }
        }
    }

    /** The questions answered by the time the text is shown. */
    private answeredBefore(text: LocalizedText, survey: Survey): Set<Question> {
        const pages = surveyPages(survey);
        const owner = text.$container;
        const question = AstUtils.getContainerOfType(text, isQuestion);
        if (question) return new Set(survey.questions.slice(0, survey.questions.indexOf(question)));
        if (isPage(owner) || isPage(owner.$container)) {
            const page = isPage(owner) ? owner : owner.$container;
            const index = pages.findIndex(p => p.page === page);
            return new Set(pages.slice(0, Math.max(index, 0)).flatMap(p => p.questions));
        }
        if (isGroup(owner) || isGroup(owner.$container)) {
            const group = isGroup(owner) ? owner : owner.$container;
            const offset = group.$cstNode?.offset ?? 0;
            return new Set(survey.questions.filter(q => (q.$cstNode?.offset ?? 0) < offset));
        }
        if (isThanks(owner)) return new Set(survey.questions);
        return new Set(); // the survey's title, description and welcome text come before every answer
    }

    /** The condition text under which `target` is shown, when it has one or its page has one. */
    private mayBeHidden(target: Question, survey: Survey): string | undefined {
        const page = surveyPages(survey).find(p => p.questions.includes(target))?.page;
        const conditions: Condition[] = [target.visibleWhen, page?.visibleWhen].filter((c): c is Condition => c !== undefined);
        return conditions.length > 0 ? conditions.map(c => c.$cstNode?.text.replace(/\s+/g, ' ') ?? '').join(' and ') : undefined;
    }
}
