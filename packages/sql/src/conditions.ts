/**
 * Conditions (segments, `rate(... where ...)`) as SQL predicates, with the analysis meaning of a
 * condition (docs/language.md; `compileCondition(..., 'analysis', ...)` in @cxspec/model): an
 * unanswered field makes `=`, `<`, `in` false and `!=`, `not in` true (the COALESCE), strings
 * compare exactly, and a field that was excluded (its `_invalid` flag) or a response whose
 * customer key does not join cannot be judged: that test is NULL, and SQL's three-valued AND, OR
 * and NOT are the analysis mode's Kleene logic, so the row is left out of the segment or rate.
 */
import type { Condition, FieldRef, Literal } from '@cxspec/model';
import { doubleLiteral, quoteText, type Dialect } from './dialect.js';

/** How a field is stored, which decides how it is compared. */
export type FieldShape = 'scalar' | 'date' | 'list' | 'matrix';

export interface ResolvedField {
    /** SQL expressions of its column(s): one, or one per item for a matrix. */
    columns: string[];
    shape: FieldShape;
    /** True when the row can be judged on this field (its customer joined); absent when always. */
    guard?: string;
}

export type FieldResolver = (field: FieldRef) => ResolvedField;

export function conditionSql(condition: Condition, dialect: Dialect, resolve: FieldResolver): string {
    switch (condition.type) {
        case 'and': return `(${condition.operands.map(c => conditionSql(c, dialect, resolve)).join(' AND ')})`;
        case 'or': return `(${condition.operands.map(c => conditionSql(c, dialect, resolve)).join(' OR ')})`;
        case 'not': return `(NOT ${conditionSql(condition.operand, dialect, resolve)})`;
        case 'answered': {
            const field = resolve(condition.field);
            const answered = answeredSql(field, dialect);
            return guarded(field, condition.negated ? `(NOT ${answered})` : answered);
        }
        case 'compare': {
            const field = resolve(condition.field);
            const column = field.columns[0];
            const value = literalSql(condition.value, field.shape, dialect);
            const test = field.shape === 'list'
                ? (condition.op === '!=' ? `NOT ${dialect.listHas(column, value)}` : dialect.listHas(column, value))
                : `${column} ${condition.op === '!=' ? '<>' : condition.op} ${value}`;
            return guarded(field, `COALESCE(${test}, ${condition.op === '!=' ? 'TRUE' : 'FALSE'})`);
        }
        case 'in': {
            const field = resolve(condition.field);
            const column = field.columns[0];
            const values = condition.values.map(v => literalSql(v, field.shape, dialect));
            const hit = values.length === 0 ? 'FALSE'
                : `COALESCE(${field.shape === 'list' ? dialect.listHasAny(column, values) : `${column} IN (${values.join(', ')})`}, FALSE)`;
            return guarded(field, condition.negated ? `(NOT ${hit})` : hit);
        }
    }
}

function guarded(field: ResolvedField, test: string): string {
    return field.guard ? `CASE WHEN ${field.guard} THEN ${test} END` : test;
}

function answeredSql(field: ResolvedField, dialect: Dialect): string {
    if (field.shape === 'list') return `(${field.columns[0]} IS NOT NULL AND ${dialect.listLength(field.columns[0])} > 0)`;
    return `(${field.columns.map(c => `${c} IS NOT NULL`).join(' OR ')})`;
}

function literalSql(value: Literal, shape: FieldShape, dialect: Dialect): string {
    switch (value.type) {
        case 'boolean': return value.value ? 'TRUE' : 'FALSE';
        case 'number': return doubleLiteral(value.value);
        case 'option': return quoteText(dialect.name, value.id);
        case 'string': {
            const text = quoteText(dialect.name, value.value);
            return shape === 'date' ? `CAST(${text} AS DATE)` : text;
        }
    }
}
