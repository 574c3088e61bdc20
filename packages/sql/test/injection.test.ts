/**
 * Names and labels holding quotes, semicolons, comment markers and backslashes cannot change the
 * generated SQL: a spec whose survey, dataset, question, column, option, segment and metric names
 * and whose string literals are SQL injection attempts still gives SQL that runs on DuckDB and on
 * PostgreSQL, computes what the native evaluator computes, and leaves a sentinel table untouched.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CxModel } from '@cxspec/model';
import { loadWorkspace } from '@cxspec/language';
import { evaluate } from '@cxspec/metrics';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startPostgres, type PostgresServer } from '../../../test/support/postgres.js';
import { UnsafeTextError, generateMetricsSql, loadIntoDuckDb, normaliseRow, quoteIdent, quoteText } from '../src/index.js';
import { expectAgreement } from './support/compare.js';
import { loadIntoPostgres } from './support/load-postgres.js';
import { generateSpecData } from './support/spec-data.js';
import { writeCsvFiles } from './support/write-files.js';

/** Every name the example declares, renamed to an attack; the JSON token is replaced everywhere. */
const HOSTILE: Record<string, Record<string, string>> = {
    'coffee-mobile-order': {
        AfterPickup: `After'Pickup"; DROP TABLE x; --`,
        recommend: `rec"ommend */ DROP TABLE x; /*`,
        visit_reason: `visit\\reason'; DROP TABLE x; --`,
        commute: `com'mute\\'; DROP TABLE x; --`,
        weekend: `week"end /* x */`,
        Commuter: `Com'muter"; --`,
        nps_all: `nps'); DROP TABLE x; --`,
        ready_on_arrival: `ready"; DELETE FROM x; --`
    },
    'b2b-saas': {
        Customers: `Cust'omers"; DROP TABLE x; --`,
        customer_id: `customer"_id'; --`,
        plan: `pl"an'; DROP TABLE x; --`,
        region: `re\\gion */`,
        enterprise: `enter'prise\\; DROP TABLE x; --`,
        JP: `J'P"; DROP TABLE x; --`,
        churned_on: `churned_on"--`,
        churn_rate: `churn'; DROP TABLE x; --`
    }
};

function hostileModel(model: CxModel, renames: Record<string, string>): CxModel {
    let json = JSON.stringify(model);
    for (const [from, to] of Object.entries(renames)) {
        expect(json, `the example declares '${from}'`).toContain(JSON.stringify(from));
        json = json.replaceAll(JSON.stringify(from), JSON.stringify(to));
    }
    return CxModel.parse(JSON.parse(json));
}

let server: PostgresServer;
beforeAll(async () => { server = await startPostgres(); });
afterAll(() => server?.stop());

describe.each(Object.keys(HOSTILE))('%s with hostile names', example => {
    test('the SQL runs on DuckDB and PostgreSQL, agrees with the native evaluator and drops nothing', async () => {
        const workspace = await loadWorkspace([path.join('examples', example)]);
        const model = hostileModel(workspace.model(workspace.specNames[0]), HOSTILE[example]);
        const data = generateSpecData(model, 7, { responses: 300, customers: 200 });
        if (example === 'b2b-saas') {
            // Give the hostile region literal some rows to match.
            data.datasets[HOSTILE[example].Customers].forEach((row, i) => { if (i % 3 === 0) row[HOSTILE[example].region] = HOSTILE[example].JP; });
        }
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cxspec-sql-inject-'));
        try {
            const native = await evaluate(model, writeCsvFiles(model, data, dir));

            const instance = await DuckDBInstance.create(':memory:');
            const duck = await instance.connect();
            await duck.run('CREATE TABLE x (id INTEGER); INSERT INTO x VALUES (1)');
            await loadIntoDuckDb(duck, model, data);
            const duckTables = (await duck.runAndReadAll('SELECT table_name FROM information_schema.tables ORDER BY 1')).getRows();
            const duckRows = (await duck.runAndReadAll(generateMetricsSql(model, { dialect: 'duckdb' }))).getRowObjectsJS().map(r => normaliseRow(r as Record<string, unknown>));
            expect((await duck.runAndReadAll('SELECT count(*) AS n FROM x')).getRows()).toEqual([[1n]]);
            expect((await duck.runAndReadAll('SELECT table_name FROM information_schema.tables ORDER BY 1')).getRows()).toEqual(duckTables);
            expect(duckTables.length).toBe(1 + model.surveys.length + model.datasets.length);
            duck.closeSync();
            instance.closeSync();

            const client = await server.connect();
            try {
                const schema = `inj_${example.replaceAll('-', '_')}`;
                await client.query(`CREATE SCHEMA ${schema}; SET search_path TO ${schema}; CREATE TABLE x (id INTEGER); INSERT INTO x VALUES (1)`);
                // Backslashes must mean the same whatever this setting is.
                await client.query('SET standard_conforming_strings = off');
                await loadIntoPostgres(client, model, data);
                const pgRows = (await client.query(generateMetricsSql(model, { dialect: 'postgres' }))).rows.map(normaliseRow);
                expect((await client.query('SELECT count(*)::int AS n FROM x')).rows).toEqual([{ n: 1 }]);
                const tables = await client.query(`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = '${schema}'`);
                expect(tables.rows[0].n).toBe(1 + model.surveys.length + model.datasets.length);
                expectAgreement(pgRows, native, `${example} PostgreSQL`);
            } finally {
                await client.end();
            }
            expectAgreement(duckRows, native, `${example} DuckDB`);
            const renamedMetric = Object.values(HOSTILE[example]).find(name => model.metrics.some(m => m.name === name))!;
            expect(duckRows.some(r => r.metric === renamedMetric && r.n > 0)).toBe(true);
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });
});

describe('quoting', () => {
    test('identifiers double their quotes; literals double theirs, PostgreSQL backslashes go in E strings', () => {
        expect(quoteIdent(`a"b`)).toBe(`"a""b"`);
        expect(quoteText('duckdb', `it's \\ fine`)).toBe(`'it''s \\ fine'`);
        expect(quoteText('postgres', `it's`)).toBe(`'it''s'`);
        expect(quoteText('postgres', `it's \\ fine`)).toBe(`E'it''s \\\\ fine'`);
    });

    test('a NUL character is refused, never dropped', () => {
        expect(() => quoteIdent('a\0b')).toThrow(UnsafeTextError);
        expect(() => quoteText('duckdb', 'a\0b')).toThrow(/NUL/);
    });
});
