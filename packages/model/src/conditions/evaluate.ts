/**
 * The one evaluator of CX conditions, with the two modes docs/language.md ("What a condition
 * means") defines: `display` for a question's `when` (what SurveyJS, which runs the deployed survey,
 * does), `analysis` for `segment ... where` and `rate(... where ...)` (three-valued, so a row whose
 * value was excluded is left out rather than counted on either side).
 *
 * Both modes read a value in one of three states: answered, not answered (absent, null, `""`, `[]`,
 * NaN, or an object with no answered entry such as an untouched matrix) and excluded (`EXCLUDED`:
 * the value failed validation, or the row's customer key did not join). They agree on answered and
 * unanswered values except string equality, and differ in what an excluded value makes of a test:
 *
 * | test on a value that is | answered                       | not answered | excluded: display / analysis |
 * | `=`, `<`, `<=`, `>`, `>=`, `in` | the comparison           | false        | false / unknown              |
 * | `!=`, `not in`          | the comparison                 | true         | true / unknown               |
 * | `is answered`           | true                           | false        | false / unknown              |
 * | `is not answered`       | false                          | true         | true / unknown               |
 *
 * `and`, `or` and `not` are two-valued in display mode (no test is unknown there) and Kleene's
 * three-valued logic in analysis mode (false and unknown = false, true or unknown = true,
 * not unknown = unknown), which is SQL's. Strings compare ignoring letter case and surrounding
 * whitespace in display mode (as SurveyJS compares them) and exactly in analysis mode (as SQL
 * compares them). A multichoice answer is a set: `= x` means x is selected, `in [...]` that any is.
 * `<`, `<=`, `>`, `>=` compare numbers with numbers and strings with strings (dates); any other
 * pair, and a set, is false.
 */
import type { ComparisonOp, Condition, FieldRef, Literal } from '../cx-model.js';

/** Which meaning a condition has: `display` for display logic, `analysis` for segments and rates. */
export type ConditionMode = 'display' | 'analysis';

/** The value of a field that was excluded: it failed validation, or the row's customer did not join. */
export const EXCLUDED: unique symbol = Symbol('excluded');

/** A condition's outcome: null is "unknown" (analysis mode only), and leaves the row out. */
export type Truth = boolean | null;

/** How the evaluator reads one field from a row of type C. */
export interface FieldReader<C> {
    /** The field's value: an answer, a form of "not answered", or EXCLUDED. */
    get(ctx: C): unknown;
    /** The value a literal stands for in this field, when it is stored otherwise (a date as a day number). */
    literal?(value: Literal): unknown;
}

export type ReaderOf<C> = (field: FieldRef) => FieldReader<C>;

/** The plain value a literal stands for: an option id and a quoted string are both their text. */
export function literalValue(value: Literal): number | boolean | string {
    switch (value.type) {
        case 'number': case 'boolean': case 'string': return value.value;
        case 'option': return value.id;
    }
}

/** True unless the value is one of the forms of "not answered" (EXCLUDED is neither). */
export function isAnswered(value: unknown): boolean {
    if (value === undefined || value === null || value === '') return false;
    if (typeof value === 'number') return !Number.isNaN(value);
    if (Array.isArray(value)) return value.length > 0;
    if (typeof value === 'object') return Object.values(value).some(isAnswered);
    return true;
}

type Equal = (a: unknown, b: unknown) => boolean;

const EQUAL: Record<ConditionMode, Equal> = {
    display: (a, b) => typeof a === 'string' && typeof b === 'string' ? a.trim().toLowerCase() === b.trim().toLowerCase() : a === b,
    analysis: (a, b) => a === b
};

function ordered(op: '<' | '<=' | '>' | '>=', a: unknown, b: unknown): boolean {
    if (!((typeof a === 'number' && typeof b === 'number') || (typeof a === 'string' && typeof b === 'string'))) return false;
    switch (op) {
        case '<': return a < b;
        case '<=': return a <= b;
        case '>': return a > b;
        case '>=': return a >= b;
    }
}

/** Whether an answered value passes `op value`; a set (multichoice) is equal when it holds the value. */
function compares(op: ComparisonOp, a: unknown, b: unknown, equal: Equal): boolean {
    switch (op) {
        case '=': return Array.isArray(a) ? a.some(x => equal(x, b)) : equal(a, b);
        case '!=': return !(Array.isArray(a) ? a.some(x => equal(x, b)) : equal(a, b));
        case '<': case '<=': case '>': case '>=': return !Array.isArray(a) && ordered(op, a, b);
    }
}

type Compiled<C> = (ctx: C) => Truth;

/**
 * A leaf test: `test` on an answered value, `unanswered` on an unanswered one, and on an excluded
 * one unknown (analysis) or the unanswered outcome (display: SurveyJS keeps no excluded value, so a
 * value the spec would exclude reads as not given).
 */
function leaf<C>(mode: ConditionMode, get: (ctx: C) => unknown, unanswered: boolean, test: (value: unknown) => boolean): Compiled<C> {
    const excluded = mode === 'analysis' ? null : unanswered;
    return ctx => {
        const value = get(ctx);
        if (value === EXCLUDED) return excluded;
        return isAnswered(value) ? test(value) : unanswered;
    };
}

/**
 * A condition compiled once into a function of a row, for evaluators that judge many rows (the
 * metrics pass). Display mode never returns null.
 */
export function compileCondition<C>(condition: Condition, mode: 'display', readerOf: ReaderOf<C>): (ctx: C) => boolean;
export function compileCondition<C>(condition: Condition, mode: ConditionMode, readerOf: ReaderOf<C>): (ctx: C) => Truth;
export function compileCondition<C>(condition: Condition, mode: ConditionMode, readerOf: ReaderOf<C>): (ctx: C) => Truth {
    const equal = EQUAL[mode];
    switch (condition.type) {
        case 'compare': {
            const field = readerOf(condition.field);
            const value = field.literal ? field.literal(condition.value) : literalValue(condition.value);
            const op = condition.op;
            return leaf(mode, field.get, op === '!=', a => compares(op, a, value, equal));
        }
        case 'in': {
            const field = readerOf(condition.field);
            const values = condition.values.map(v => (field.literal ? field.literal(v) : literalValue(v)));
            const negated = condition.negated;
            const hit = (a: unknown) => (Array.isArray(a) ? a : [a]).some(x => values.some(v => equal(x, v)));
            return leaf(mode, field.get, negated, a => hit(a) !== negated);
        }
        case 'answered': {
            const negated = condition.negated;
            return leaf(mode, readerOf(condition.field).get, negated, () => !negated);
        }
        case 'and': {
            const parts = condition.operands.map(c => compileCondition(c, mode, readerOf));
            return ctx => {
                let unknown = false;
                for (const part of parts) {
                    const v = part(ctx);
                    if (v === false) return false;
                    if (v === null) unknown = true;
                }
                return unknown ? null : true;
            };
        }
        case 'or': {
            const parts = condition.operands.map(c => compileCondition(c, mode, readerOf));
            return ctx => {
                let unknown = false;
                for (const part of parts) {
                    const v = part(ctx);
                    if (v === true) return true;
                    if (v === null) unknown = true;
                }
                return unknown ? null : false;
            };
        }
        case 'not': {
            const inner = compileCondition(condition.operand, mode, readerOf);
            return ctx => {
                const v = inner(ctx);
                return v === null ? null : !v;
            };
        }
    }
}

/** One condition judged once; `lookup` gives each field's value (undefined when absent). */
export function evaluateCondition(condition: Condition, mode: 'display', lookup: (field: FieldRef) => unknown): boolean;
export function evaluateCondition(condition: Condition, mode: ConditionMode, lookup: (field: FieldRef) => unknown): Truth;
export function evaluateCondition(condition: Condition, mode: ConditionMode, lookup: (field: FieldRef) => unknown): Truth {
    return compileCondition<null>(condition, mode, field => ({ get: () => lookup(field) }))(null);
}
