/**
 * Property: for random conditions over every kind of question and dataset column (compare, in,
 * not in, is answered, and/or/not), used as `rate(... where ...)` metrics and as segments, the SQL
 * on DuckDB and on PostgreSQL counts exactly what the native evaluator counts; and on data where
 * some values are also excluded (flagged invalid), every response's outcome (true, false or
 * unknown) from the SQL predicate on both databases is the one the analysis mode of the model's
 * evaluator gives (docs/language.md, "What a condition means"). This pins down the semantics of
 * unanswered and excluded fields, text lists (multichoice) and customers whose key does not join.
 * Display mode is held to SurveyJS in packages/compiler/test/display-logic-differential.test.ts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Condition, type CxModel, type FieldRef, type Literal, type Metric, type Segment, type Survey, type Truth } from '@cxspec/model';
import { loadWorkspace } from '@cxspec/language';
import { evaluate } from '@cxspec/metrics';
import fc from 'fast-check';
import type pg from 'pg';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startPostgres, type PostgresServer } from '../../../test/support/postgres.js';
import {
    createTablesSql, datasetColumns, datasetTableName, dialectOf, generateMetricsSql, normaliseRow, openTableAppender, runMetricsOnDuckDb,
    surveyColumns, surveyTableName, withDuckDb, type SpecData
} from '../src/index.js';
import type { DuckDBConnection } from '@duckdb/node-api';
import { outcomesSql, ruleOutcomes, withExcludedValues } from './support/condition-rows.js';
import { expectAgreement } from './support/compare.js';
import { loadIntoPostgres } from './support/load-postgres.js';
import { generateSpecData } from './support/spec-data.js';
import { writeCsvFiles } from './support/write-files.js';
import { propertyRuns } from '../../../test/support/property-runs.js';

let base: CxModel;
let server: PostgresServer;
let client: pg.Client;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cxspec-sql-prop-'));

beforeAll(async () => {
    const workspace = await loadWorkspace(['examples/b2b-saas']);
    base = workspace.model('B2bSaas');
    server = await startPostgres();
    client = await server.connect();
});

afterAll(async () => {
    await client?.end();
    server?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
});

const TEXTS = ['とても良かった', 'Fast and friendly', 'not in the data'];
const DATES = ['2024-03-01', '2025-01-15', '2025-04-01', '2026-02-28'];

type Leaf = { field: FieldRef; literals: Literal[]; ordered: boolean };

const num = (value: number): Literal => ({ type: 'number', value });
const option = (id: string): Literal => ({ type: 'option', id });
const text = (value: string): Literal => ({ type: 'string', value });

/** Every field a condition on `survey` may read, with literals of its type. */
function leaves(model: CxModel, survey: Survey): Leaf[] {
    const out: Leaf[] = [];
    for (const q of survey.questions) {
        const field: FieldRef = { source: 'question', survey: survey.name, question: q.name };
        if (q.scale && q.kind !== 'matrix') out.push({ field, literals: [q.scale.min, q.scale.max, Math.round((q.scale.min + q.scale.max) / 2)].map(num), ordered: true });
        if (q.kind === 'choice' || q.kind === 'multichoice') out.push({ field, literals: q.options.map(o => option(o.id)), ordered: false });
        if (q.kind === 'boolean') out.push({ field, literals: [true, false].map(value => ({ type: 'boolean', value })), ordered: false });
        if (q.kind === 'text') out.push({ field, literals: TEXTS.map(text), ordered: false });
    }
    const dataset = model.datasets.find(d => d.name === survey.joins)!;
    for (const c of dataset.columns) {
        const field: FieldRef = { source: 'column', dataset: dataset.name, column: c.name };
        if (c.type === 'enum') out.push({ field, literals: c.values.map(option), ordered: false });
        if (c.type === 'number') out.push({ field, literals: [0, 50_000.5, 100_000].map(num), ordered: true });
        if (c.type === 'date') out.push({ field, literals: DATES.map(text), ordered: true });
        if (c.type === 'text') out.push({ field, literals: ['JP', 'US', "O'Brien"].map(text), ordered: false });
    }
    return out;
}

function conditionArb(fields: Leaf[]): fc.Arbitrary<Condition> {
    const leaf = fc.constantFrom(...fields).chain(f => fc.oneof(
        fc.record({
            type: fc.constant('compare' as const), field: fc.constant(f.field),
            op: fc.constantFrom(...(f.ordered ? ['=', '!=', '<', '<=', '>', '>='] as const : ['=', '!='] as const)),
            value: fc.constantFrom(...f.literals)
        }),
        fc.record({ type: fc.constant('in' as const), field: fc.constant(f.field), values: fc.subarray(f.literals, { minLength: 1 }), negated: fc.boolean() }),
        fc.record({ type: fc.constant('answered' as const), field: fc.constant(f.field), negated: fc.boolean() })
    ));
    const { tree } = fc.letrec<{ tree: Condition }>(tie => ({
        tree: fc.oneof({ depthSize: 'small', withCrossShrink: true },
            leaf,
            fc.record({ type: fc.constant('and' as const), operands: fc.array(tie('tree'), { minLength: 2, maxLength: 3 }) }),
            fc.record({ type: fc.constant('or' as const), operands: fc.array(tie('tree'), { minLength: 2, maxLength: 3 }) }),
            fc.record({ type: fc.constant('not' as const), operand: tie('tree') }))
    }));
    return tree;
}

/** The example with its metrics replaced by rate metrics over the conditions, broken down by segments of the others. */
function modelWith(conditions: Condition[], segmentConditions: Condition[], survey: Survey): CxModel {
    const template = base.metrics[0];
    const segments: Segment[] = segmentConditions.map((condition, i) => ({ name: `S${i}`, title: {}, condition, loc: template.loc }));
    const metrics: Metric[] = conditions.map((condition, i) => ({
        ...template,
        name: `rate${i}`,
        expr: { kind: 'rate', source: { type: 'survey', survey: survey.name }, condition },
        unit: 'percent', range: [0, 100],
        segments: segments.map(s => s.name),
        period: (['week', 'month', 'quarter', 'year', null] as const)[i % 5],
        target: { op: '>=', value: 40, warning: i % 3 === 0 ? 45 : null },
        minSample: 20
    }));
    return { ...base, segments, metrics, drivers: [] };
}

test('random conditions count the same rows in SQL (DuckDB, PostgreSQL) and natively', async () => {
    const surveys = base.surveys.filter(s => s.joins);
    const runs = propertyRuns(25);
    let run = 0;
    await fc.assert(fc.asyncProperty(
        fc.constantFrom(...surveys).chain(survey => fc.tuple(fc.constant(survey),
            fc.array(conditionArb(leaves(base, survey)), { minLength: 3, maxLength: 6 }),
            fc.array(conditionArb(leaves(base, survey)), { minLength: 1, maxLength: 3 }))),
        async ([survey, conditions, segmentConditions]) => {
            run++;
            const model = modelWith(conditions, segmentConditions, survey);
            const data = generateSpecData(model, run, { responses: 160, customers: 60 });
            const runDir = fs.mkdtempSync(path.join(dir, 'run-'));
            const native = await evaluate(model, writeCsvFiles(model, data, runDir));
            expectAgreement(await runMetricsOnDuckDb(model, data), native, 'DuckDB');
            const schema = `prop_${run}`;
            await client.query(`CREATE SCHEMA ${schema}`);
            await loadIntoPostgres(client, model, data, { schema });
            const rows = (await client.query(generateMetricsSql(model, { dialect: 'postgres', tables: { schema } }))).rows.map(normaliseRow);
            expectAgreement(rows, native, 'PostgreSQL');

            const dirty = withExcludedValues(model, data, run);
            const expected = [...conditions, ...segmentConditions].map(c => ruleOutcomes(model, survey, dirty, c));
            for (const outcomes of expected) seen.push(...outcomes.map(([, v]) => v));
            const ruleSchema = `rule_${run}`;
            await client.query(`CREATE SCHEMA ${ruleSchema}`);
            await loadIntoPostgres(client, model, dirty, { schema: ruleSchema }, true);
            const onDuckDb = await withDuckDb(async connection => {
                await loadFlagged(connection, model, dirty);
                return Promise.all(expected.map(async (_, i) => outcomes(
                    (await connection.runAndReadAll(outcomesSql(model, survey, [...conditions, ...segmentConditions][i], 'duckdb'))).getRowObjectsJS())));
            });
            for (const [i, condition] of [...conditions, ...segmentConditions].entries()) {
                expect(onDuckDb[i], `DuckDB rows of condition ${i}`).toEqual(expected[i]);
                const pgRows = (await client.query(outcomesSql(model, survey, condition, 'postgres', { schema: ruleSchema }))).rows;
                expect(outcomes(pgRows), `PostgreSQL rows of condition ${i}`).toEqual(expected[i]);
            }
        }), { numRuns: runs, seed: 20261123 });
    expect(run).toBeGreaterThanOrEqual(runs);
    // The random conditions reach every outcome of the three-valued rule.
    expect([true, false, null].map(v => seen.filter(x => x === v).length > 0)).toEqual([true, true, true]);
    // 25 runs load both databases twice: ~20 s alone, past the default 60 s on a loaded 2-core machine.
}, 300_000);

const seen: Truth[] = [];

function outcomes(rows: Array<Record<string, unknown>>): Array<[string, Truth]> {
    return rows.map(r => [r.id as string, r.v as Truth]);
}

/** The data in fresh DuckDB tables that carry the excluded-value flags. */
async function loadFlagged(connection: DuckDBConnection, model: CxModel, data: SpecData): Promise<void> {
    await connection.run(createTablesSql(model, dialectOf('duckdb'), {}, true));
    const tables = [
        ...model.surveys.map(s => [surveyTableName(s.name), surveyColumns(s, model, true), data.surveys[s.name] ?? []] as const),
        ...model.datasets.map(d => [datasetTableName(d.name), datasetColumns(d, true), data.datasets[d.name] ?? []] as const)
    ];
    for (const [table, columns, rows] of tables) {
        const appender = await openTableAppender(connection, table, columns);
        try {
            for (const row of rows) appender.append(row);
        } finally {
            await appender.close();
        }
    }
}
