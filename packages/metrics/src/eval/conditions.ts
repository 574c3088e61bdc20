/**
 * Segment and rate conditions compiled to closures over a row. Three-valued: null means the row
 * cannot be judged (a value it reads was excluded, or its customer key did not join), and such a
 * row is left out of the segment or rate rather than counted on either side. An unanswered
 * question compares like SurveyJS's runtime: `=`, `<`, `in` are false, `!=` and `not in` true.
 */
import type { Condition, Dataset, FieldRef, Literal, Survey } from '@cxspec/model';
import type { DatasetRecord } from '../check/dataset-table.js';
import { INVALID, type Answer } from '../check/values.js';
import { parseDate } from '../check/timestamp.js';

/** What conditions read: a response's answers and its joined customer, or one customer. */
export interface RowContext {
    answers: Answer[];
    joined: DatasetRecord | null | typeof INVALID;
}

export type Predicate = (ctx: RowContext) => boolean | null;

export interface ConditionScope {
    /** The survey whose answers `ctx.answers` holds; null for dataset rows. */
    survey: Survey | null;
    datasets: Dataset[];
}

type Getter = (ctx: RowContext) => Answer;

function getter(field: FieldRef, scope: ConditionScope): { get: Getter; isDate: boolean } {
    if (field.source === 'question') {
        if (!scope.survey || field.survey !== scope.survey.name) return { get: () => undefined, isDate: false };
        const index = scope.survey.questions.findIndex(q => q.name === field.question);
        return { get: ctx => ctx.answers[index], isDate: false };
    }
    const dataset = scope.datasets.find(d => d.name === field.dataset)!;
    const index = dataset.columns.findIndex(c => c.name === field.column);
    return {
        get: ctx => (ctx.joined === INVALID ? INVALID : ctx.joined === null ? undefined : ctx.joined.values[index]),
        isDate: dataset.columns[index].type === 'date'
    };
}

function literal(value: Literal, isDate: boolean): Literal {
    if (isDate && typeof value === 'string') return parseDate(value) ?? value;
    return value;
}

function equals(a: Answer, b: Literal): boolean {
    if (Array.isArray(a)) return a.includes(String(b));
    return a === b;
}

function compare(a: Answer, op: '<' | '<=' | '>' | '>=', b: Literal): boolean {
    if (typeof a !== typeof b || (typeof a !== 'number' && typeof a !== 'string')) return false;
    const x = a as number | string, y = b as number | string;
    switch (op) {
        case '<': return x < y;
        case '<=': return x <= y;
        case '>': return x > y;
        case '>=': return x >= y;
    }
}

export function compileCondition(cond: Condition, scope: ConditionScope): Predicate {
    switch (cond.type) {
        case 'compare': {
            const { get, isDate } = getter(cond.field, scope);
            const value = literal(cond.value, isDate);
            const op = cond.op;
            return ctx => {
                const a = get(ctx);
                if (a === INVALID) return null;
                if (a === undefined) return op === '!=';
                if (op === '=') return equals(a, value);
                if (op === '!=') return !equals(a, value);
                return compare(a, op, value);
            };
        }
        case 'in': {
            const { get, isDate } = getter(cond.field, scope);
            const values = cond.values.map(v => literal(v, isDate));
            const negated = cond.negated;
            return ctx => {
                const a = get(ctx);
                if (a === INVALID) return null;
                const hit = a !== undefined && values.some(v => equals(a, v));
                return negated ? !hit : hit;
            };
        }
        case 'answered': {
            const { get } = getter(cond.field, scope);
            const negated = cond.negated;
            return ctx => {
                const a = get(ctx);
                if (a === INVALID) return null;
                return (a !== undefined) !== negated;
            };
        }
        case 'and': {
            const parts = cond.operands.map(c => compileCondition(c, scope));
            return ctx => {
                let unknown = false;
                for (const p of parts) {
                    const v = p(ctx);
                    if (v === false) return false;
                    if (v === null) unknown = true;
                }
                return unknown ? null : true;
            };
        }
        case 'or': {
            const parts = cond.operands.map(c => compileCondition(c, scope));
            return ctx => {
                let unknown = false;
                for (const p of parts) {
                    const v = p(ctx);
                    if (v === true) return true;
                    if (v === null) unknown = true;
                }
                return unknown ? null : false;
            };
        }
        case 'not': {
            const inner = compileCondition(cond.operand, scope);
            return ctx => {
                const v = inner(ctx);
                return v === null ? null : !v;
            };
        }
    }
}
