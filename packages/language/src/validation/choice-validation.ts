/**
 * How a question's options are offered: SurveyJS's own Other and None items (`specify`, CX340), and
 * a drop-down list, bounds on how many options are picked and a random order (CX341). Each setting
 * is checked against the question kinds SurveyJS gives it to, so nothing in the spec is compiled
 * into a property SurveyJS would ignore.
 */
import type { ValidationAcceptor } from 'langium';
import { SPECIAL_OPTION_IDS, type SpecialOption } from '@cxspec/model';
import type { Question } from '../generated/ast.js';
import { report } from './validation-utils.js';

/** The kinds SurveyJS offers each special option in. */
const SPECIAL_KINDS: Readonly<Record<SpecialOption, readonly string[]>> = {
    specify: ['choice', 'multichoice'],
    exclusive: ['multichoice']
};

const WHAT: Readonly<Record<SpecialOption, string>> = {
    specify: '"Other (please specify)"',
    exclusive: '"None of these"'
};

export class ChoiceValidator {
    checkQuestion(question: Question, accept: ValidationAcceptor): void {
        this.checkSpecialOptions(question, accept);
        this.checkPresentation(question, accept);
    }

    private checkSpecialOptions(question: Question, accept: ValidationAcceptor): void {
        const options = question.options;
        options.forEach((option, index) => {
            const special = option.special as SpecialOption | undefined;
            if (!special) return;
            if (!SPECIAL_KINDS[special].includes(question.kind)) {
                report(accept, 'CX340', `\`${special}\` (${WHAT[special]}) belongs to ${SPECIAL_KINDS[special].join(' and ')} questions, and '${question.name}' is ${question.kind}; remove it.`, option, { property: 'special' });
            } else if (option.name !== SPECIAL_OPTION_IDS[special]) {
                report(accept, 'CX340', `A \`${special}\` option is named '${SPECIAL_OPTION_IDS[special]}', the value SurveyJS records for ${WHAT[special]}; rename '${option.name}' to '${SPECIAL_OPTION_IDS[special]}'.`, option, { property: 'name' });
            } else if (options.some((o, i) => i < index && o.special === special)) {
                report(accept, 'CX340', `Question '${question.name}' has a second \`${special}\` option; keep one.`, option, { property: 'special' });
            } else if (options.some((o, i) => i > index && !o.special)) {
                // SurveyJS draws Other and None after every choice; the spec reads the same way.
                const lastPlain = options.filter(o => !o.special).at(-1)!;
                report(accept, 'CX340', `Option '${option.name}' of question '${question.name}' is \`${special}\`, which is always shown after the other options; move it after '${lastPlain.name}'.`, option, { property: 'special' });
            }
        });
    }

    private checkPresentation(question: Question, accept: ValidationAcceptor): void {
        if (question.dropdown && question.kind !== 'choice') {
            report(accept, 'CX341', `\`dropdown\` shows a choice question's options as a list to pick one from, and '${question.name}' is ${question.kind}; remove it.`, question, { keyword: 'dropdown' });
        }
        if (question.random && !['choice', 'multichoice', 'ranking'].includes(question.kind)) {
            report(accept, 'CX341', `\`random\` shuffles the options of choice, multichoice and ranking questions, and '${question.name}' is ${question.kind}; remove it.`, question, { keyword: 'random' });
        }
        const select = question.select;
        if (!select) return;
        if (question.kind !== 'multichoice') {
            report(accept, 'CX341', `\`select\` bounds how many options a multichoice answer holds, and '${question.name}' is ${question.kind}; remove it.`, select);
            return;
        }
        const choices = question.options.filter(o => o.special !== 'exclusive').length;
        const { min, max } = select;
        if (min === undefined && max === undefined) {
            report(accept, 'CX341', `\`select ..\` of question '${question.name}' gives no bound; write e.g. \`select 1..3\`, \`select 2..\` or \`select ..3\`.`, select);
        } else if (min !== undefined && max !== undefined && min > max) {
            report(accept, 'CX341', `\`select ${min}..${max}\` of question '${question.name}' asks for at least ${min} and at most ${max} options; write the smaller bound first.`, select);
        } else if ((min ?? 0) > choices || (max ?? 0) > choices || max === 0) {
            report(accept, 'CX341', `\`select ${min ?? ''}..${max ?? ''}\` of question '${question.name}' must lie within 1..${choices}, the options a respondent can pick together; change the bounds.`, select);
        }
    }
}
