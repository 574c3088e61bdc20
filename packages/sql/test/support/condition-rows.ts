/**
 * A condition judged row by row, by the rule (the analysis mode of @cxspec/model's evaluator) and
 * by the generated SQL predicate, so a test can compare every response's true / false / unknown
 * rather than only the counts of a rate.
 */
import { EXCLUDED, evaluateCondition, type Condition, type CxModel, type FieldRef, type Survey, type Truth } from '@cxspec/model';
import { conditionSql } from '../../src/conditions.js';
import { dialectOf, quoteIdent, type DialectName } from '../../src/dialect.js';
import { resolver } from '../../src/field-resolver.js';
import type { Row, SpecData } from '../../src/load-duckdb.js';
import { D, R } from '../../src/metric-context.js';
import { datasetTableName, INVALID_SUFFIX, surveyTableName, type TableNames } from '../../src/tables.js';
import { seeded } from '../../../../scripts/seeded.mjs';

/** The data with about one value in `every` of each survey question and dataset column marked excluded (NULL, flag set). */
export function withExcludedValues(model: CxModel, data: SpecData, seed: number, every = 10): SpecData {
    const random = seeded(seed);
    const mark = (row: Row, name: string): Row => {
        if (random() >= 1 / every) return row;
        return { ...row, [name]: null, [name + INVALID_SUFFIX]: true };
    };
    const surveys = Object.fromEntries(model.surveys.map(s => [s.name, (data.surveys[s.name] ?? []).map(row =>
        s.questions.filter(q => q.kind !== 'matrix').reduce((r, q) => mark(r, q.name), row))]));
    const datasets = Object.fromEntries(model.datasets.map(d => [d.name, (data.datasets[d.name] ?? []).map(row =>
        d.columns.filter(c => c.name !== d.key).reduce((r, c) => mark(r, c.name), row))]));
    return { surveys, datasets };
}

/** Each response's outcome by the rule, in respondent_id order (rows flagged excluded read as EXCLUDED; an unjoined key too). */
export function ruleOutcomes(model: CxModel, survey: Survey, data: SpecData, condition: Condition): Array<[string, Truth]> {
    const dataset = model.datasets.find(d => d.name === survey.joins);
    const customers = new Map((dataset ? data.datasets[dataset.name] ?? [] : []).map(row => [row[dataset!.key] as string, row]));
    const value = (row: Row, name: string) => (row[name + INVALID_SUFFIX] === true ? EXCLUDED : row[name] ?? undefined);
    const rows = [...(data.surveys[survey.name] ?? [])].sort((a, b) => compareIds(a.respondent_id as string, b.respondent_id as string));
    return rows.map(row => {
        const lookup = (field: FieldRef): unknown => {
            if (field.source === 'question') {
                const question = survey.questions.find(q => q.name === field.question)!;
                if (question.kind !== 'matrix') return value(row, question.name);
                return Object.fromEntries(question.items.map(i => [i.id, row[`${question.name}.${i.id}`] ?? undefined]));
            }
            const customer = dataset && row[dataset.key] !== null ? customers.get(row[dataset.key] as string) : undefined;
            return customer ? value(customer, field.column) : EXCLUDED;
        };
        return [row.respondent_id as string, evaluateCondition(condition, 'analysis', lookup)];
    });
}

/** SQL listing each response's respondent_id and the condition's predicate, in respondent_id order. */
export function outcomesSql(model: CxModel, survey: Survey, condition: Condition, dialect: DialectName, names: TableNames = {}): string {
    const dataset = model.datasets.find(d => d.name === survey.joins);
    const ctx = { model, dialect: dialectOf(dialect), names, shared: new Map(), flags: true };
    const predicate = conditionSql(condition, ctx.dialect, resolver(ctx, survey, dataset));
    const join = dataset
        ? ` LEFT JOIN ${datasetTableName(dataset.name, names)} AS ${D} ON ${D}.${quoteIdent(dataset.key)} = ${R}.${quoteIdent(dataset.key)}`
        : '';
    return `SELECT ${R}.respondent_id AS id, ${predicate} AS v FROM ${surveyTableName(survey.name, names)} AS ${R}${join} ORDER BY ${R}.respondent_id`;
}

/** Byte order of ASCII ids, as both databases sort text here (PostgreSQL's cluster is initialised with the C locale). */
function compareIds(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}
