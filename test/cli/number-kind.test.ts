/**
 * Number questions and wide ratings through the bundled CLI: native and DuckDB scores agree on a
 * number question's mean (a DOUBLE column), and `cxspec sql` / `score --engine duckdb` refuse a
 * median with a located error instead of leaving it out.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const BIN = path.resolve('packages/cli/bin/cxspec.js');
const FIXTURE = path.resolve('packages/compiler/test/fixtures/number-and-slider.cx');
let tmp: string;

function cxspec(...args: string[]) {
    const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, CI: '1' } });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const CSV = `respondent_id,submitted_at,age,wait,score
r1,2026-01-05T10:00:00Z,30,2.5,70
r2,2026-01-05T11:00:00Z,41,10,85
r3,2026-01-06T10:00:00Z,17,0.5,
r4,2026-01-06T12:00:00Z,65,4,40
r5,2026-01-07T09:00:00Z,22,7.25,100
`;

beforeAll(() => { tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cxspec-number-cli-')); });
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('number questions in the CLI', () => {
    test('native and DuckDB scores give the same means of a number question and a 0..100 rating', () => {
        const file = path.join(tmp, 'visit.csv');
        fs.writeFileSync(file, CSV);
        const values = (engine: string) => {
            const run = cxspec('score', FIXTURE, '--responses', `Visit=${file}`, '--format', 'json', '--engine', engine);
            expect(run.status, run.stderr).toBe(0);
            const metrics = JSON.parse(run.stdout).metrics as Record<string, { value: number; n: number; ci: [number, number] }>;
            return Object.entries(metrics).map(([name, m]) => [name, m.value, m.n, m.ci]);
        };
        const native = values('native');
        expect(native.map(([name, value, n]) => [name, value, n])).toEqual([['mean_wait', 4.85, 5], ['mean_score', 73.75, 4]]);
        const duckdb = values('duckdb');
        native.forEach((row, i) => {
            expect(duckdb[i][0]).toBe(row[0]);
            expect(Math.abs((duckdb[i][1] as number) - (row[1] as number))).toBeLessThan(1e-9);
            expect(duckdb[i][2]).toBe(row[2]);
        });
    });

    test('cxspec sql and score --engine duckdb refuse a median, naming the metric', () => {
        const spec = path.join(tmp, 'median.cx');
        fs.writeFileSync(spec, fs.readFileSync(FIXTURE, 'utf8') + 'metric median_wait = median(Visit.wait)\n');
        const line = fs.readFileSync(spec, 'utf8').split('\n').length - 1;
        const message = `median.cx:${line}:1 error metric 'median_wait': median() is not computed in SQL yet; score this metric with the native engine (cxspec score without --engine duckdb)\n`;
        const sql = cxspec('sql', spec, '--dialect', 'postgres');
        expect([sql.status, sql.stdout, sql.stderr]).toEqual([1, '', message]);
        const file = path.join(tmp, 'visit.csv');
        fs.writeFileSync(file, CSV);
        const score = cxspec('score', spec, '--responses', `Visit=${file}`, '--engine', 'duckdb');
        expect([score.status, score.stdout, score.stderr]).toEqual([1, '', message]);
        const native = cxspec('score', spec, '--responses', `Visit=${file}`, '--format', 'json');
        expect(native.status).toBe(0);
        expect(JSON.parse(native.stdout).metrics.median_wait.value).toBe(4);
    });
});
