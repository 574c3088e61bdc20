/**
 * Display logic as SurveyJS `visibleIf` expressions with the display meaning of a condition
 * (docs/language.md, `compileCondition(..., 'display', ...)` in @cxspec/model), which is
 * SurveyJS's own for almost every test: `=`, `<`, `in` are false on an unanswered question,
 * `!=` and `not in` true. SurveyJS counts an unanswered text as equal to "", so text tests get an
 * explicit `notempty`/`empty` guard; a multichoice answer is an array, so `=` becomes `contains`
 * and `in` becomes `anyof`; SurveyJS's expression check does not know a matrix as a whole, so
 * "answered" reads its items.
 */
import type { Condition, Literal, Question } from '@cxspec/model';

/** A condition that SurveyJS cannot express with the spec's meaning. */
export class ExpressionError extends Error {}

/** A question of the survey, by name. */
export type QuestionOf = (name: string) => Pick<Question, 'kind' | 'items'> | undefined;

export function compileCondition(condition: Condition, questionOf: QuestionOf): string {
    switch (condition.type) {
        case 'and': case 'or':
            return condition.operands.map(c => operand(c, questionOf)).join(` ${condition.type} `);
        case 'not':
            return `!(${compileCondition(condition.operand, questionOf)})`;
        case 'answered': {
            const name = questionName(condition);
            const test = condition.negated ? 'empty' : 'notempty';
            const question = questionOf(name);
            if (question?.kind !== 'matrix') return `{${name}} ${test}`;
            const items = question.items.map(i => `{${name}.${i.id}} ${test}`);
            return items.length === 1 ? items[0] : `(${items.join(condition.negated ? ' and ' : ' or ')})`;
        }
        case 'in': {
            const name = `{${questionName(condition)}}`;
            const list = `[${condition.values.map(formatLiteral).join(', ')}]`;
            const test = `${name} ${condition.negated ? 'noneof' : 'anyof'} ${list}`;
            return questionOf(questionName(condition))?.kind === 'text' ? textGuard(name, condition.negated, test) : test;
        }
        case 'compare': {
            const kind = questionOf(questionName(condition))?.kind;
            const name = `{${questionName(condition)}}`;
            const value = formatLiteral(condition.value);
            if (kind === 'multichoice') {
                return `${name} ${condition.op === '=' ? 'contains' : 'notcontains'} ${value}`;
            }
            const test = `${name} ${condition.op} ${value}`;
            return kind === 'text' ? textGuard(name, condition.op === '!=', test) : test;
        }
    }
}

function operand(condition: Condition, questionOf: QuestionOf): string {
    const text = compileCondition(condition, questionOf);
    return condition.type === 'and' || condition.type === 'or' ? `(${text})` : text;
}

/** Question names are identifiers ([_a-zA-Z]\w*), which SurveyJS reads inside braces as they are. */
function questionName(condition: Extract<Condition, { field: unknown }>): string {
    const field = condition.field;
    if (field.source !== 'question') {
        throw new ExpressionError(`display logic reads questions of the survey, not dataset column '${field.dataset}.${field.column}'`);
    }
    return field.question;
}

/**
 * SurveyJS counts an unanswered text as equal to "" (and to any blank string), so a text test
 * states the unanswered outcome itself: false for `=` and `in`, true for `!=` and `not in`.
 */
function textGuard(name: string, trueWhenUnanswered: boolean, test: string): string {
    return trueWhenUnanswered ? `(${name} empty or ${test})` : `(${name} notempty and ${test})`;
}

export function formatLiteral(value: Literal): string {
    switch (value.type) {
        case 'number': case 'boolean': return String(value.value);
        case 'string': return quoteString(value.value);
        case 'option': return quoteString(value.id);
    }
}

/**
 * A SurveyJS string literal. Its grammar knows only `\'` and `\"` as escapes; any other backslash
 * is a plain character. A backslash right before the closing quote would escape it, so a trailing
 * space is added: SurveyJS compares strings trimmed, which the spec's semantics share.
 */
export function quoteString(s: string): string {
    const problem = unrepresentable(s);
    if (problem) throw new ExpressionError(problem);
    let body = s.replace(/['"]/g, c => `\\${c}`);
    if (body.endsWith('\\')) body += ' ';
    return `'${body}'`;
}

/** Strings SurveyJS would read as something else than the text they hold. */
function unrepresentable(s: string): string | undefined {
    const trimmed = s.trim();
    if (/^(true|false)$/i.test(trimmed)) {
        return `SurveyJS reads the string "${s}" as a boolean, not as text; compare with a text that is not true or false`;
    }
    if (trimmed !== '' && (!Number.isNaN(Number(trimmed)) || /^0x/i.test(trimmed))) {
        return `SurveyJS reads the string "${s}" as a number, not as text; compare with a text that is not a number`;
    }
    if (s.length > 1 && /^['"]/.test(s) && /['"]$/.test(s)) {
        return `SurveyJS strips the quotes around the string ${s}; compare with a text that does not start and end with a quote`;
    }
    return undefined;
}
