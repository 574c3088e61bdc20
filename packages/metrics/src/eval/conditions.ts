/**
 * Segment and rate conditions compiled to closures over a row, with the analysis meaning of a
 * condition (`compileCondition(..., 'analysis', ...)` in @cxspec/model, docs/language.md): null
 * means the row cannot be judged (a value it reads was excluded, or its customer key did not join),
 * and such a row is left out of the segment or rate rather than counted on either side.
 */
import { compileCondition as compileModelCondition, EXCLUDED, literalValue, type Condition, type Dataset, type FieldRef, type FieldReader, type Survey } from '@cxspec/model';
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

function readerOf(field: FieldRef, scope: ConditionScope): FieldReader<RowContext> {
    if (field.source === 'question') {
        if (!scope.survey || field.survey !== scope.survey.name) return { get: () => undefined };
        const index = scope.survey.questions.findIndex(q => q.name === field.question);
        return { get: ctx => { const a = ctx.answers[index]; return a === INVALID ? EXCLUDED : a; } };
    }
    const dataset = scope.datasets.find(d => d.name === field.dataset)!;
    const index = dataset.columns.findIndex(c => c.name === field.column);
    const reader: FieldReader<RowContext> = {
        get: ctx => {
            if (ctx.joined === INVALID) return EXCLUDED;
            if (ctx.joined === null) return undefined;
            const a = ctx.joined.values[index];
            return a === INVALID ? EXCLUDED : a;
        }
    };
    // A date column holds day numbers; its literals are written as ISO dates.
    if (dataset.columns[index].type === 'date') {
        reader.literal = value => {
            const plain = literalValue(value);
            return typeof plain === 'string' ? parseDate(plain) ?? plain : plain;
        };
    }
    return reader;
}

export function compileCondition(cond: Condition, scope: ConditionScope): Predicate {
    return compileModelCondition(cond, 'analysis', field => readerOf(field, scope));
}
