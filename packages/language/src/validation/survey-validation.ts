import { AstUtils, type ValidationAcceptor } from 'langium';
import type { Document, Option, Question, Survey } from '../generated/ast.js';
import type { QuestionKind } from '@cxspec/model';
import {
    DEFAULT_LIMITS, UNTITLED_PAGE, KINDS_WITH_CUSTOM_SCALE, KINDS_WITH_OPTIONS, SCALED_KINDS, estimateSeconds, maxScalePoints
} from '@cxspec/model';
import type { SpecMembership } from '../references/spec-membership.js';
import { report, reportDuplicates } from './validation-utils.js';
import { surveyPages, surveyReadingSeconds } from '../model/survey-structure.js';

export class SurveyValidator {
    constructor(private readonly membership: SpecMembership) {}

    checkSurvey(survey: Survey, accept: ValidationAcceptor): void {
        reportDuplicates(accept, survey.questions, 'question', `survey '${survey.name}'`);
        this.checkPages(survey, accept);
        const sample = survey.trigger?.sample;
        if (survey.trigger && sample !== undefined && !(sample > 0 && sample <= 100)) {
            report(accept, 'CX301', `Sampling ${sample}% of survey '${survey.name}' is outside (0, 100] %; invite between 0.1% and 100% of customers.`, survey.trigger, { property: 'sample' });
        }
        if (survey.questions.length === 0) {
            report(accept, 'CX306', `Survey '${survey.name}' has no questions; add at least one \`question\`.`, survey, { property: 'name' });
            return;
        }
        this.checkFatigue(survey, accept);
    }

    checkQuestion(question: Question, accept: ValidationAcceptor): void {
        const kind = question.kind as QuestionKind;
        this.checkScale(question, kind, accept);
        reportDuplicates(accept, question.options as Option[], 'option', `question '${question.name}'`);
        reportDuplicates(accept, question.items, 'item', `question '${question.name}'`);
        if (KINDS_WITH_OPTIONS.has(kind) && question.options.length < 2) {
            report(accept, 'CX303', `${cap(kind)} question '${question.name}' needs at least two options; add \`option id { ... }\` entries.`, question, { property: 'name' });
        }
        if (!KINDS_WITH_OPTIONS.has(kind) && question.options.length > 0) {
            report(accept, 'CX303', `Options belong to choice, multichoice and ranking questions, not to ${kind} question '${question.name}'; remove them or change the kind.`, question.options[0], { property: 'name' });
        }
        if (kind === 'matrix' && question.items.length === 0) {
            report(accept, 'CX303', `Matrix question '${question.name}' needs at least one \`item id { ... }\`.`, question, { property: 'name' });
        }
        if (kind !== 'matrix' && question.items.length > 0) {
            report(accept, 'CX303', `Items belong to matrix questions, not to ${kind} question '${question.name}'; remove them or make it a matrix.`, question.items[0], { property: 'name' });
        }
        const ends = new Set<string>();
        question.labels.forEach((label) => {
            const scaleEnd = label.end === 'low' || label.end === 'high';
            if (scaleEnd && !SCALED_KINDS.has(kind)) {
                report(accept, 'CX304', `'${label.end}' labels the end of a scale, which ${kind} question '${question.name}' does not have; remove it.`, label, { property: 'end' });
            } else if (!scaleEnd && kind !== 'boolean') {
                report(accept, 'CX304', `'${label.end}' labels an answer of a boolean question, and '${question.name}' is ${kind}; remove it.`, label, { property: 'end' });
            } else if (ends.has(label.end)) {
                report(accept, 'CX304', `Question '${question.name}' labels '${label.end}' twice; keep one.`, label, { property: 'end' });
            }
            ends.add(label.end);
        });
    }

    private checkScale(question: Question, kind: QuestionKind, accept: ValidationAcceptor): void {
        if (kind !== 'number') {
            if (question.integer) report(accept, 'CX307', `\`integer\` belongs to number questions, and '${question.name}' is ${kind}; remove it or make it \`number\`.`, question, { property: 'integer' });
            if (question.unit) report(accept, 'CX307', `A unit belongs to number questions, and '${question.name}' is ${kind}; remove \`unit\` or make it \`number\`.`, question.unit);
        }
        const range = question.range;
        if (!range) return;
        if (kind === 'number') {
            if (range.min >= range.max) report(accept, 'CX302', `Range ${range.min}..${range.max} of number question '${question.name}' must run upwards; e.g. write 0..120.`, range);
            return;
        }
        if (!KINDS_WITH_CUSTOM_SCALE.has(kind)) {
            const why = kind === 'nps' ? 'NPS is 0..10 by definition' : `${kind} questions have no scale`;
            report(accept, 'CX302', `Question '${question.name}' cannot have a scale: ${why}; remove \`${range.min}..${range.max}\`.`, range);
            return;
        }
        const points = range.max - range.min + 1;
        const most = maxScalePoints(kind);
        if (range.min >= range.max || points > most) {
            report(accept, 'CX302', `Scale ${range.min}..${range.max} of question '${question.name}' must run upwards over 2 to ${most} points; e.g. write 1..5.`, range);
        }
    }

    private checkPages(survey: Survey, accept: ValidationAcceptor): void {
        reportDuplicates(accept, survey.pages, 'page', `survey '${survey.name}'`);
        reportDuplicates(accept, survey.groups, 'group', `survey '${survey.name}'`);
        const questionNames = new Set(survey.questions.map(q => q.name));
        for (const group of survey.groups.filter(g => questionNames.has(g.name))) {
            // SurveyJS keeps panels and questions in one namespace of element names.
            report(accept, 'CX320', `Group '${group.name}' has the name of a question of survey '${survey.name}'; rename the group.`, group, { property: 'name' });
        }
        const pages = surveyPages(survey);
        for (const { page, questions } of pages) {
            if (page && page.name === UNTITLED_PAGE && pages[0].page === undefined) {
                report(accept, 'CX320', `Page '${page.name}' has the name of survey '${survey.name}''s untitled first page (the questions before the first \`page\`); rename the page.`, page, { property: 'name' });
            }
            if (page && questions.length === 0) {
                report(accept, 'CX320', `Page '${page.name}' of survey '${survey.name}' has no questions: a respondent would see an empty page; put questions after it or remove it.`, page, { property: 'name' });
            }
        }
        for (const { group, questions } of pages.flatMap(p => p.groups)) {
            if (questions.length === 0) {
                report(accept, 'CX320', `Group '${group.name}' of survey '${survey.name}' has no questions (a group holds the questions after it, up to the next group or page); put questions after it or remove it.`, group, { property: 'name' });
            }
        }
    }

    private checkFatigue(survey: Survey, accept: ValidationAcceptor): void {
        const root = AstUtils.findRootNode(survey) as Document;
        const limits = this.membership.headersOf(root.name)[0]?.limits;
        const maxQuestions = limits?.maxQuestions ?? DEFAULT_LIMITS.maxQuestions;
        const maxSeconds = limits?.maxSeconds ?? DEFAULT_LIMITS.maxSeconds;
        const seconds = survey.questions.reduce((sum, q) => sum + estimateSeconds(q.kind as QuestionKind, q.options.length, q.items.length), 0)
            + surveyReadingSeconds(survey);
        if (survey.questions.length > maxQuestions) {
            report(accept, 'CX305', `Survey '${survey.name}' asks ${survey.questions.length} questions, more than the limit of ${maxQuestions}; drop or merge questions to keep respondents.`, survey, { property: 'name' });
        } else if (seconds > maxSeconds) {
            report(accept, 'CX305', `Survey '${survey.name}' takes about ${seconds} s, more than the limit of ${maxSeconds} s; shorten it or raise \`limits seconds\`.`, survey, { property: 'name' });
        }
    }
}

function cap(s: string): string {
    return s.charAt(0).toUpperCase() + s.slice(1);
}
