// The reference for score.bench.mjs: DuckDB computes the benchmark spec's figures from the same
// CSV with SQL (NPS, CSAT top-2-box and CES mean with segments and months, driver correlations,
// means and top-2-box), and prints them as JSON. Usage: node duckdb-score.mjs <file.csv>
import { DuckDBInstance } from '@duckdb/node-api';

const file = process.argv[2];
const touchpoints = ['t1', 't2', 't3', 't4', 't5', 't6', 't7', 't8'];
const columns = { respondent_id: 'VARCHAR', submitted_at: 'TIMESTAMPTZ', nps: 'INTEGER', csat: 'INTEGER', ces: 'INTEGER',
    ...Object.fromEntries(touchpoints.map(t => [t, 'INTEGER'])), plan: 'VARCHAR' };
const instance = await DuckDBInstance.create(':memory:');
const db = await instance.connect();
await db.run("SET TimeZone = 'UTC'");
await db.run(`CREATE TABLE r AS SELECT * FROM read_csv('${file}', header = true, columns = ${JSON.stringify(columns).replace(/"/g, "'")})`);
const figures = `count(nps) AS nps_n,
    100.0 * (count(*) FILTER (nps >= 9) - count(*) FILTER (nps <= 6)) / count(nps) AS nps,
    100.0 * count(*) FILTER (csat >= 4) / count(csat) AS csat, avg(ces) AS ces, stddev_samp(ces) AS ces_sd`;
const rows = async sql => (await db.runAndReadAll(sql)).getRowObjectsJS();
const overall = await rows(`SELECT ${figures} FROM r`);
const segments = await rows(`SELECT plan, ${figures} FROM r WHERE plan IN ('pro', 'basic') GROUP BY plan ORDER BY plan`);
const months = await rows(`SELECT strftime(submitted_at, '%Y-%m') AS month, ${figures} FROM r GROUP BY month ORDER BY month`);
const complete = ['nps', ...touchpoints].map(c => `${c} IS NOT NULL`).join(' AND ');
const drivers = await rows(`SELECT count(*) AS n, ${touchpoints.map(t => `corr(nps, ${t}) AS ${t}_r`).join(', ')} FROM r WHERE ${complete}`);
const performance = await rows(`SELECT ${touchpoints.map(t => `avg(${t}) AS ${t}_mean, 100.0 * count(*) FILTER (${t} >= 4) / count(${t}) AS ${t}_top`).join(', ')} FROM r`);
db.closeSync();
instance.closeSync();
process.stdout.write(JSON.stringify({ overall, segments, months, drivers, performance }, (k, v) => (typeof v === 'bigint' ? Number(v) : v)) + '\n');
