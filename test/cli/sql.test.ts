/**
 * `cxspec sql` and `cxspec score --engine duckdb` as users run them: the bundled CLI (built by
 * `npm test` before the tests) spawned with this Node from the repository root.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadWorkspace } from '@cxspec/language';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { generateMetricsSql } from '@cxspec/sql';
import { close, firstDifference } from '../../packages/sql/test/support/compare.js';
import { generateSpecData } from '../../packages/sql/test/support/spec-data.js';
import { writeCsvFiles, type WrittenFiles } from '../../packages/sql/test/support/write-files.js';

const BIN = path.resolve('packages/cli/bin/cxspec.js');
let tmp: string;

function cxspec(...args: string[]) {
    const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, CI: '1' } });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => { tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cxspec-sql-cli-')); });
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('cxspec sql', () => {
    test('prints the generated SQL; --out writes the same bytes', async () => {
        const workspace = await loadWorkspace(['examples/coffee-mobile-order']);
        const expected = generateMetricsSql(workspace.model('CoffeeMobileOrder'), { dialect: 'postgres' });
        const printed = cxspec('sql', 'examples/coffee-mobile-order', '--dialect', 'postgres');
        expect(printed.status).toBe(0);
        expect(printed.stdout).toBe(expected);
        const out = path.join(tmp, 'coffee.sql');
        const written = cxspec('sql', 'examples/coffee-mobile-order', '--dialect', 'postgres', '--out', out);
        expect([written.status, written.stdout, written.stderr]).toEqual([0, `wrote ${out} (postgres SQL of CoffeeMobileOrder)\n`, '']);
        expect(fs.readFileSync(out, 'utf8')).toBe(expected);
    });

    test('--ddl with --schema and --table gives a script that runs on an empty DuckDB', async () => {
        const result = cxspec('sql', 'examples/b2b-saas', '--dialect', 'duckdb', '--ddl', '--schema', 'cx', '--table', 'Customers=crm.customers');
        expect(result.status).toBe(0);
        expect(result.stdout).toContain('CREATE TABLE "crm"."customers" (');
        expect(result.stdout).toContain('CREATE TABLE "cx"."responses_OnboardingSurvey" (');
        const instance = await DuckDBInstance.create(':memory:');
        const connection = await instance.connect();
        try {
            await connection.run('CREATE SCHEMA cx; CREATE SCHEMA crm');
            const rows = (await connection.runAndReadAll(result.stdout)).getRowObjectsJS();
            const overall = rows.filter(r => r.breakdown === 'overall');
            expect(overall.map(r => r.metric)).toEqual(['onboarding_nps', 'training_csat', 'relationship_nps', 'enterprise_at_risk',
                'renewal_ease', 'churn_rate', 'retention_rate', 'customer_clv', 'arpa', 'upper_plan_mix']);
            expect(overall.every(r => r.n === 0n && r.value === null && r.verdict === 'insufficient')).toBe(true);
        } finally {
            connection.closeSync();
            instance.closeSync();
        }
    });

    test('usage mistakes exit 2 with the usage; a spec with errors exits 1 with file:line:col', () => {
        const noDialect = cxspec('sql', 'examples/coffee-mobile-order');
        expect(noDialect.status).toBe(2);
        expect(noDialect.stderr).toContain('choose --dialect duckdb or postgres');
        const badTable = cxspec('sql', 'examples/coffee-mobile-order', '--dialect', 'duckdb', '--table', 'Nope=t');
        expect(badTable.status).toBe(2);
        expect(badTable.stderr).toContain("--table: the spec has no survey or dataset 'Nope' (surveys: AfterPickup; datasets: none)");
        const broken = path.join(tmp, 'broken.cx');
        fs.writeFileSync(broken, 'spec Broken\n\nmetric m = nps(Nowhere.q) target >= 30\n');
        const failed = cxspec('sql', broken, '--dialect', 'duckdb');
        expect(failed.status).toBe(1);
        expect(failed.stdout).toBe('');
        expect(failed.stderr).toMatch(/broken\.cx:3:\d+ error CX\d+ /);
        expect(failed.stderr).not.toMatch(/\n\s+at /);
    });
});

describe('cxspec score --engine duckdb', () => {
    let files: WrittenFiles;
    const args = () => ['score', 'examples/b2b-saas', ...files.responses.flatMap(r => ['--responses', `${r.survey}=${r.file}`]),
        ...files.datasets.flatMap(d => ['--dataset', `${d.dataset}=${d.file}`])];

    beforeAll(async () => {
        const workspace = await loadWorkspace(['examples/b2b-saas']);
        const model = workspace.model('B2bSaas');
        files = writeCsvFiles(model, generateSpecData(model, 11, { responses: 400, customers: 300 }), tmp);
    });

    test('prints the native result, with the same exit code', () => {
        const native = cxspec(...args());
        const duck = cxspec(...args(), '--engine', 'duckdb');
        expect(duck.status).toBe(native.status);
        expect(duck.stderr).toBe(native.stderr);
        expect(firstDifference(JSON.parse(duck.stdout), JSON.parse(native.stdout))).toBeNull();
        expect(close(JSON.parse(duck.stdout).metrics.churn_rate.value, JSON.parse(native.stdout).metrics.churn_rate.value)).toBe(true);
    });

    test('an unknown engine is a usage error', () => {
        const result = cxspec(...args(), '--engine', 'spark');
        expect(result.status).toBe(2);
        expect(result.stderr).toContain('--engine is native or duckdb');
    });
});
