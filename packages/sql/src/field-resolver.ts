/**
 * Fields of conditions resolved to columns of the response row (alias r) and of the dataset row
 * (alias d), with the guard that says when the row can be judged on them.
 */
import type { Dataset, FieldRef, Survey } from '@cxspec/model';
import type { FieldResolver, ResolvedField } from './conditions.js';
import { quoteIdent } from './dialect.js';
import { D, R, SpecShapeError, type MetricContext } from './metric-context.js';
import { INVALID_SUFFIX } from './tables.js';

/** Resolves fields to columns of the response row (alias r) and of the dataset row (alias d). */
export function resolver(ctx: MetricContext, survey: Survey | undefined, dataset: Dataset | undefined): FieldResolver {
    const valid = (alias: string, name: string) => `${alias}.${quoteIdent(name + INVALID_SUFFIX)} IS NOT TRUE`;
    return (field: FieldRef): ResolvedField => {
        if (field.source === 'question') {
            const question = survey && field.survey === survey.name ? survey.questions.find(q => q.name === field.question) : undefined;
            if (!question) throw new SpecShapeError(`'${field.survey}.${field.question}' is not a question of the rows being counted`);
            if (question.kind === 'matrix') {
                return { columns: question.items.map(item => `${R}.${quoteIdent(`${question.name}.${item.id}`)}`), shape: 'matrix' };
            }
            const list = question.kind === 'multichoice' || question.kind === 'ranking';
            const resolved: ResolvedField = { columns: [`${R}.${quoteIdent(question.name)}`], shape: list ? 'list' : 'scalar' };
            if (ctx.flags) resolved.guard = valid(R, question.name);
            return resolved;
        }
        const source = dataset && field.dataset === dataset.name ? dataset : undefined;
        if (!source) throw new SpecShapeError(`'${field.dataset}.${field.column}' is not a column of the rows being counted`);
        const column = source.columns.find(c => c.name === field.column);
        const resolved: ResolvedField = { columns: [`${D}.${quoteIdent(field.column)}`], shape: column?.type === 'date' ? 'date' : 'scalar' };
        // A response whose key finds no customer cannot be judged on the customer's columns.
        const guards = [...(survey ? [`${D}.${quoteIdent(source.key)} IS NOT NULL`] : []), ...(ctx.flags && column ? [valid(D, column.name)] : [])];
        if (guards.length > 0) resolved.guard = guards.join(' AND ');
        return resolved;
    };
}
