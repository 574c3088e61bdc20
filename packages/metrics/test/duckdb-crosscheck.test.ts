/**
 * Cross-check against DuckDB: for a generated response file, DuckDB reads the same CSV and computes
 * the figures with SQL written here, independently of the evaluator; both must agree to 1e-9.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { evaluate, type EvaluationResult } from '../src/index.js';
import { coffeeCsv } from './support/generate.js';
import { exampleModel, tempDir } from './support/files.js';

const tmp = tempDir('cx-duck-');
let instance: DuckDBInstance;
let db: DuckDBConnection;
let result: EvaluationResult;

beforeAll(async () => {
    const file = tmp.write('coffee.csv', coffeeCsv(20_000, 11));
    const model = await exampleModel('coffee-mobile-order');
    result = await evaluate(model, { responses: [{ survey: 'AfterPickup', file }], datasets: [] });
    instance = await DuckDBInstance.create(':memory:');
    db = await instance.connect();
    await db.run(`CREATE TABLE r AS SELECT * FROM read_csv('${file}', header = true, all_varchar = true)`);
    await db.run(`CREATE VIEW v AS SELECT
        TRY_CAST(recommend AS INTEGER) AS recommend, TRY_CAST(menu_ease AS INTEGER) AS menu_ease,
        TRY_CAST(payment AS INTEGER) AS payment, TRY_CAST(ready_notice AS INTEGER) AS ready_notice,
        TRY_CAST(pickup AS INTEGER) AS pickup, TRY_CAST(drink AS INTEGER) AS drink, TRY_CAST(rewards AS INTEGER) AS rewards,
        ready_on_arrival, visit_reason, strftime(CAST(submitted_at AS TIMESTAMPTZ) AT TIME ZONE 'UTC', '%Y-%m') AS month
        FROM r`);
});

afterAll(() => {
    db?.closeSync();
    instance?.closeSync();
    tmp.remove();
});

async function query(sql: string): Promise<Record<string, number | string | null>[]> {
    const reader = await db.runAndReadAll(sql);
    return reader.getRowObjectsJS().map(row => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v as number | string | null])));
}

const NPS_SQL = (where: string) => `SELECT count(recommend) AS n,
    100.0 * (count(*) FILTER (recommend >= 9) - count(*) FILTER (recommend <= 6)) / count(recommend) AS nps,
    (count(*) FILTER (recommend >= 9) + 0.75) / (count(recommend) + 3) AS pa,
    (count(*) FILTER (recommend <= 6) + 0.75) / (count(recommend) + 3) AS da
    FROM v WHERE recommend IS NOT NULL AND ${where}`;

describe('evaluator and DuckDB agree', () => {
    it('on NPS and its adjusted-Wald interval', async () => {
        const [row] = await query(`SELECT n, nps, 100 * (pa - da - 1.959963984540054 * sqrt((pa + da - (pa - da) ^ 2) / (n + 3))) AS lo,
            100 * (pa - da + 1.959963984540054 * sqrt((pa + da - (pa - da) ^ 2) / (n + 3))) AS hi FROM (${NPS_SQL('true')})`);
        const m = result.metrics.nps_all;
        expect(m.n).toBe(row.n);
        expect(Math.abs(m.value! - (row.nps as number))).toBeLessThan(1e-9);
        expect(Math.abs(m.ci![0] - (row.lo as number))).toBeLessThan(1e-9);
        expect(Math.abs(m.ci![1] - (row.hi as number))).toBeLessThan(1e-9);
    });

    it('on top-box shares and the not-ready rate', async () => {
        const [row] = await query(`SELECT
            100.0 * count(*) FILTER (pickup >= 4) / count(pickup) AS pickup_csat, count(pickup) AS pickup_n,
            100.0 * count(*) FILTER (drink >= 4) / count(drink) AS drink_csat,
            100.0 * count(*) FILTER (menu_ease >= 5) / count(menu_ease) AS ordering_ease,
            100.0 * count(*) FILTER (ready_on_arrival = 'false') / count(*) AS not_ready FROM v`);
        expect(result.metrics.pickup_csat.n).toBe(row.pickup_n);
        for (const name of ['pickup_csat', 'drink_csat', 'ordering_ease', 'not_ready'] as const) {
            expect(Math.abs(result.metrics[name].value! - (row[name] as number)), name).toBeLessThan(1e-9);
        }
    });

    it('per segment and per month', async () => {
        const [commuter] = await query(NPS_SQL(`visit_reason = 'commute'`));
        const [leisure] = await query(`SELECT 100.0 * count(*) FILTER (drink >= 4) / count(drink) AS v, count(drink) AS n FROM v WHERE visit_reason IN ('weekend', 'meetup')`);
        const nps = result.metrics.nps_all.segments[0], drink = result.metrics.drink_csat.segments[1];
        expect([nps.segment, nps.n, drink.segment, drink.n]).toEqual(['Commuter', commuter.n, 'Leisure', leisure.n]);
        expect(Math.abs(nps.value! - (commuter.nps as number))).toBeLessThan(1e-9);
        expect(Math.abs(drink.value! - (leisure.v as number))).toBeLessThan(1e-9);
        const months = await query(`SELECT month, count(recommend) AS n,
            100.0 * (count(*) FILTER (recommend >= 9) - count(*) FILTER (recommend <= 6)) / count(recommend) AS nps
            FROM v WHERE recommend IS NOT NULL GROUP BY month ORDER BY month`);
        const periods = result.metrics.nps_all.periods;
        expect(periods.map(p => [p.period, p.n])).toEqual(months.map(m => [m.month, m.n]));
        periods.forEach((p, i) => expect(Math.abs(p.value! - (months[i].nps as number))).toBeLessThan(1e-9));
    });

    it('on driver performance means, top-2-box and correlations over complete rows', async () => {
        const drivers = result.drivers.loyalty.drivers;
        const cols = drivers.map(d => d.question);
        const [perf] = await query(`SELECT ${cols.map(c => `avg(${c}) AS ${c}_mean, 100.0 * count(*) FILTER (${c} >= 4) / count(${c}) AS ${c}_top`).join(', ')} FROM v`);
        const complete = `recommend IS NOT NULL AND ${cols.map(c => `${c} IS NOT NULL`).join(' AND ')}`;
        const [corr] = await query(`SELECT count(*) AS n, ${cols.map(c => `corr(recommend, ${c}) AS ${c}_r`).join(', ')} FROM v WHERE ${complete}`);
        expect(result.drivers.loyalty.n).toBe(corr.n);
        for (const d of drivers) {
            // menu_ease is on 1-7: its top 2 boxes are 6-7.
            const top = d.question === 'menu_ease'
                ? (await query(`SELECT 100.0 * count(*) FILTER (menu_ease >= 6) / count(menu_ease) AS t FROM v`))[0].t
                : perf[`${d.question}_top`];
            expect(Math.abs(d.performance.mean! - (perf[`${d.question}_mean`] as number)), d.question).toBeLessThan(1e-9);
            expect(Math.abs(d.performance.topBox! - (top as number)), d.question).toBeLessThan(1e-9);
            expect(Math.abs(d.r! - (corr[`${d.question}_r`] as number)), d.question).toBeLessThan(1e-9);
        }
    });
});
