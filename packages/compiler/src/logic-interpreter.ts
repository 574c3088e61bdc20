/**
 * The project's own meaning of a CX condition, evaluated directly over an answer set. The compiler
 * turns the same conditions into SurveyJS `visibleIf` expressions; the differential test holds the
 * two to the same results, and the preview and the evaluator can reuse this for display logic and
 * segment conditions.
 *
 * Semantics:
 * - A field is answered unless its value is absent, null, `""`, `[]`, or an object with no answered
 *   entry (an untouched matrix).
 * - A comparison or `in` test on an unanswered field is false, whatever the operator (so
 *   `q != x` and `q not in [...]` need an answer); `not` negates the whole condition after it.
 * - On a multichoice answer (an array), `= x` means "x is among the selected options", `!= x`
 *   "x is not", `in [...]` "any of these is selected", `not in [...]` "none of these is".
 * - Strings compare ignoring letter case and surrounding whitespace, as SurveyJS compares them.
 * - `<`, `<=`, `>`, `>=` compare numbers with numbers and strings (ISO dates) with strings; other
 *   pairs are false.
 */
import type { Condition, FieldRef, Literal, Survey } from '@cxspec/model';

/** Reads a field's value from wherever the answers live; undefined when absent. */
export type FieldLookup = (field: FieldRef) => unknown;

export function isAnswered(value: unknown): boolean {
    if (value === undefined || value === null || value === '') return false;
    if (typeof value === 'number') return !Number.isNaN(value);
    if (Array.isArray(value)) return value.length > 0;
    if (typeof value === 'object') return Object.values(value).some(isAnswered);
    return true;
}

export function valuesEqual(a: unknown, b: Literal): boolean {
    if (typeof a === 'string' && typeof b === 'string') return a.trim().toLowerCase() === b.trim().toLowerCase();
    return a === b;
}

function ordered(op: '<' | '<=' | '>' | '>=', a: unknown, b: Literal): boolean {
    const comparable = (typeof a === 'number' && typeof b === 'number') || (typeof a === 'string' && typeof b === 'string');
    if (!comparable) return false;
    switch (op) {
        case '<': return a < b;
        case '<=': return a <= b;
        case '>': return a > b;
        case '>=': return a >= b;
    }
}

export function evaluateCondition(condition: Condition, lookup: FieldLookup): boolean {
    switch (condition.type) {
        case 'and': return condition.operands.every(c => evaluateCondition(c, lookup));
        case 'or': return condition.operands.some(c => evaluateCondition(c, lookup));
        case 'not': return !evaluateCondition(condition.operand, lookup);
        case 'answered': return isAnswered(lookup(condition.field)) !== condition.negated;
        case 'in': {
            const value = lookup(condition.field);
            if (!isAnswered(value)) return false;
            const selected = Array.isArray(value) ? value : [value];
            const hit = selected.some(v => condition.values.some(x => valuesEqual(v, x)));
            return hit !== condition.negated;
        }
        case 'compare': {
            const value = lookup(condition.field);
            if (!isAnswered(value)) return false;
            const { op, value: literal } = condition;
            if (op === '=' || op === '!=') {
                const equal = Array.isArray(value) ? value.some(v => valuesEqual(v, literal)) : valuesEqual(value, literal);
                return equal === (op === '=');
            }
            return !Array.isArray(value) && ordered(op, value, literal);
        }
    }
}

/**
 * Names of the questions of `survey` that are shown for `answers` (keyed by question name), in
 * survey order. Conditions read the answers as given, also answers of questions that are hidden,
 * as SurveyJS does until the survey is completed.
 */
export function visibleQuestions(survey: Survey, answers: Readonly<Record<string, unknown>>): string[] {
    const lookup: FieldLookup = field => field.source === 'question' && Object.hasOwn(answers, field.question)
        ? answers[field.question]
        : undefined;
    return survey.questions
        .filter(q => q.visibleWhen === null || evaluateCondition(q.visibleWhen, lookup))
        .map(q => q.name);
}
