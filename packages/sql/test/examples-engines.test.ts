/**
 * The SQL of every example runs on embedded DuckDB and on a real PostgreSQL server over the same
 * seeded data, and both agree with the native evaluator (`cxspec score`) to 1e-9 on every metric,
 * segment and period; `score --engine duckdb` gives the native result, field for field.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type CxModel } from '@cxspec/model';
import { loadWorkspace } from '@cxspec/language';
import { evaluate, type EvaluationResult } from '@cxspec/metrics';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startPostgres, type PostgresServer } from '../../../test/support/postgres.js';
import { evaluateWithDuckDb, generateMetricsSql, normaliseRow, runMetricsOnDuckDb, type SpecData, type SqlResultRow } from '../src/index.js';
import { expectAgreement, firstDifference } from './support/compare.js';
import { loadIntoPostgres } from './support/load-postgres.js';
import { generateSpecData, type DataSize } from './support/spec-data.js';
import { writeCsvFiles } from './support/write-files.js';

const EXAMPLES = ['b2b-saas', 'coffee-mobile-order', 'd2c-ecommerce', 'life-insurance-sales', 'mobile-carrier-shop'];
const SIZES: Array<[string, DataSize]> = [['typical', { responses: 600, customers: 400 }], ['tiny', { responses: 9, customers: 7 }]];

let server: PostgresServer;
let client: pg.Client;
const dirs: string[] = [];

beforeAll(async () => {
    server = await startPostgres();
    client = await server.connect();
});

afterAll(async () => {
    await client?.end();
    server?.stop();
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

async function modelOf(example: string): Promise<CxModel> {
    const workspace = await loadWorkspace([path.join('examples', example)]);
    expect(workspace.hasErrors).toBe(false);
    return workspace.model(workspace.specNames[0]);
}

async function onPostgres(model: CxModel, data: SpecData, schema: string): Promise<SqlResultRow[]> {
    await client.query(`CREATE SCHEMA "${schema}"`);
    await loadIntoPostgres(client, model, data, { schema });
    const result = await client.query(generateMetricsSql(model, { dialect: 'postgres', tables: { schema } }));
    return result.rows.map(normaliseRow);
}

describe.each(EXAMPLES)('%s', example => {
    test.each(SIZES)('%s data: DuckDB, PostgreSQL and the native evaluator agree', async (size, dataSize) => {
        const model = await modelOf(example);
        const data = generateSpecData(model, EXAMPLES.indexOf(example) + 1, dataSize);
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cxspec-sql-'));
        dirs.push(dir);
        const files = writeCsvFiles(model, data, dir);
        const native = await evaluate(model, files);

        const duck = await runMetricsOnDuckDb(model, data);
        const postgres = await onPostgres(model, data, `${example.replaceAll('-', '_')}_${size}`);
        const compared = expectAgreement(duck, native, `${example} DuckDB`) + expectAgreement(postgres, native, `${example} PostgreSQL`);
        const segments = Object.values(native.metrics).reduce((s, m) => s + m.segments.length, 0);
        const periods = Object.values(native.metrics).reduce((s, m) => s + m.periods.length, 0);
        expect(duck.length).toBe(model.metrics.length + segments + periods);
        if (size === 'typical') expect(compared).toBeGreaterThan(400);

        const engine: EvaluationResult = await evaluateWithDuckDb(model, files);
        expect(firstDifference(engine, native)).toBeNull();
    });
});

test.each(['week', 'month', 'quarter', 'year'] as const)('every metric of b2b-saas per %s (ISO weeks, lifecycle windows) agrees too', async unit => {
    const model = await modelOf('b2b-saas');
    const perUnit = { ...model, metrics: model.metrics.map(m => ({ ...m, period: unit })) };
    const data = generateSpecData(perUnit, 42, { responses: 500, customers: 300 });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cxspec-sql-'));
    dirs.push(dir);
    const native = await evaluate(perUnit, writeCsvFiles(perUnit, data, dir));
    expectAgreement(await runMetricsOnDuckDb(perUnit, data), native, `per ${unit} DuckDB`);
    expectAgreement(await onPostgres(perUnit, data, `b2b_per_${unit}`), native, `per ${unit} PostgreSQL`);
    expect(native.metrics.churn_rate.periods.length).toBeGreaterThan(unit === 'year' ? 1 : 8);
});

test('a clv of a yearly value (per year) agrees too, and is the monthly clv of the same column / 12', async () => {
    const model = await modelOf('b2b-saas');
    const monthly = model.metrics.find(m => m.name === 'customer_clv')!;
    if (monthly.expr.kind !== 'clv' || monthly.expr.valuePeriod !== 'month') throw new Error('customer_clv is not a monthly clv');
    const withYearly = { ...model, metrics: [...model.metrics, { ...monthly, name: 'customer_clv_yearly', expr: { ...monthly.expr, valuePeriod: 'year' as const } }] };
    const data = generateSpecData(withYearly, 7, { responses: 300, customers: 400 });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cxspec-sql-'));
    dirs.push(dir);
    const files = writeCsvFiles(withYearly, data, dir);
    const native = await evaluate(withYearly, files);
    const duck = await runMetricsOnDuckDb(withYearly, data);
    expectAgreement(duck, native, 'yearly clv DuckDB');
    expectAgreement(await onPostgres(withYearly, data, 'b2b_yearly_clv'), native, 'yearly clv PostgreSQL');
    expect(firstDifference(await evaluateWithDuckDb(withYearly, files), native)).toBeNull();
    const [m, y] = [native.metrics.customer_clv, native.metrics.customer_clv_yearly];
    expect(y.value).not.toBeNull();
    expect(y.value! * 12).toBeCloseTo(m.value!, 6);
    expect(y.segments.map(s => s.value! * 12)).toEqual(m.segments.map(s => expect.closeTo(s.value!, 6)));
    expect(duck.filter(r => r.metric === 'customer_clv_yearly').map(r => r.breakdown)).toEqual(['overall', 'segment', 'segment']);
});

test('the examples cover every metric kind', async () => {
    const kinds = new Set<string>();
    for (const example of EXAMPLES) for (const m of (await modelOf(example)).metrics) kinds.add(m.expr.kind);
    expect([...kinds].sort()).toEqual(['bottomBox', 'churn', 'clv', 'mean', 'nps', 'rate', 'retention', 'topBox']);
});
