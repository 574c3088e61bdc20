/**
 * `cxspec score` end to end: the built CLI (npm run build) spawned as users and CI run it, checked
 * for exit codes, messages and outputs.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, tempDir } from '../../packages/metrics/test/support/files.js';

const CLI = path.join(REPO, 'packages/cli/dist/cxspec.mjs');
const SPEC = path.join(REPO, 'examples/coffee-mobile-order');
const tmp = tempDir('cx-cli-score-');
afterAll(() => tmp.remove());

beforeAll(() => {
    if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing; run npm run build first`);
});

function score(...args: string[]) {
    return scoreIn(REPO, ...args);
}

function scoreIn(cwd: string, ...args: string[]) {
    return scoreWith({}, cwd, ...args);
}

function scoreWith(env: Record<string, string>, cwd: string, ...args: string[]) {
    const r = spawnSync(process.execPath, [CLI, 'score', ...args], { cwd, encoding: 'utf8', env: { ...process.env, CI: '1', ...env } });
    return { code: r.status, out: r.stdout, err: r.stderr };
}

const HEADER = 'respondent_id,submitted_at,recommend,menu_ease,pickup,drink,ready_on_arrival,visit_reason';

/** 400 responses over two months; `notReady` of them say the order was not ready. */
function responses(name: string, recommend: number, notReady: number): string {
    const rows = Array.from({ length: 400 }, (_, i) =>
        `r${i},2026-0${1 + (i % 2)}-1${i % 10}T10:00:00Z,${recommend},7,5,5,${i < notReady ? 'false' : 'true'},${i % 3 ? 'commute' : 'weekend'}`);
    return tmp.write(name, [HEADER, ...rows].join('\n') + '\n');
}

describe('cxspec score exit codes', () => {
    it('exits 0 when every target is met, with the verdicts but no progress bar when stderr is not a terminal', () => {
        const r = score(SPEC, '--responses', responses('good.csv', 10, 0));
        expect(r.err).toBe('5 metric(s): 5 met, 0 missed, 0 inconclusive, 0 insufficient; exit 0: no target missed\n');
        expect(r.code).toBe(0);
        const result = JSON.parse(r.out);
        expect(result.summary).toEqual({ met: 5, missed: 0, inconclusive: 0, insufficient: 0, none: 0 });
    });

    it('exits 1 when a target is missed', () => {
        const r = score(SPEC, '--responses', `AfterPickup=${responses('bad.csv', 0, 0)}`);
        expect(r.code).toBe(1);
        expect(JSON.parse(r.out).metrics.nps_all.verdict).toBe('missed');
    });

    it('exits 1 on an inconclusive target only with --fail-on inconclusive', () => {
        // 40 of 400 not ready = 10%, on the target: the interval straddles it.
        const file = responses('edge.csv', 10, 40);
        const plain = score(SPEC, '--responses', file);
        expect(JSON.parse(plain.out).metrics.not_ready.verdict).toBe('inconclusive');
        expect(plain.code).toBe(0);
        expect(score(SPEC, '--responses', file, '--fail-on', 'inconclusive').code).toBe(1);
    });
});

describe('cxspec score on bad input', () => {
    it('reports an unterminated quote with file:line:column, exit 2, no stack trace', () => {
        const file = tmp.write('open.csv', `${HEADER}\nr1,2026-01-01T00:00:00Z,9,7,5,5,true,"commute\n`);
        const r = score(SPEC, '--responses', file);
        expect(r.code).toBe(2);
        expect(r.err).toBe(`cxspec score: ${file}:2:38: quoted field is never closed (a \`"\` opens it here)\n`);
    });

    it('reports a bad NDJSON line with its line and column', () => {
        const file = tmp.write('bad.ndjson', '{"respondent_id":"a","submitted_at":"2026-01-01T00:00:00Z","recommend":9}\n{"respondent_id":"b",\n');
        const r = score(SPEC, '--responses', file);
        expect(r.code).toBe(2);
        expect(r.err).toMatch(new RegExp(`^cxspec score: ${file.replace(/[.]/g, '\\.')}:2:22: invalid JSON: .+\\n$`));
    });

    it('warns about excluded values, and makes them errors with --strict', () => {
        const file = tmp.write('strict.csv', `${HEADER}\nr1,2026-01-01T00:00:00Z,9,7,5,5,true,commute\nr2,2026-01-01T00:00:00Z,12,7,5,5,true,commute\nr1,2026-01-02,9,7,5,5,true,commute\n`);
        // One usable row: every verdict is insufficient, which fails only with --fail-on inconclusive.
        const lenient = score(SPEC, '--responses', file);
        expect(lenient.code).toBe(0);
        expect(lenient.err).toBe([
            `warning: ${file}: duplicate id in column 'respondent_id', row 3: respondent_id 'r1' appears again; the later row is left out`,
            `warning: ${file}: out of range in column 'recommend', row 2: recommend is on a 0-10 scale, got '12'`,
            '5 metric(s): 0 met, 0 missed, 0 inconclusive, 5 insufficient; exit 0: no target missed; --fail-on inconclusive would exit 1', ''
        ].join('\n'));
        const strict = score(SPEC, '--responses', file, '--strict');
        expect(strict.code).toBe(2);
        expect(strict.out).toBe('');
        expect(strict.err).toContain(`error: ${file}: out of range in column 'recommend', row 2:`);
        expect(strict.err).toContain('cxspec score: --strict: 2 value(s) or row(s) failed the checks above\n');
    });

    it('exits 2 on spec errors, printing them as file:line:col', () => {
        const dir = path.join(tmp.dir, 'broken');
        fs.mkdirSync(dir);
        fs.writeFileSync(path.join(dir, 'spec.cx'), 'spec Broken {\n  locales en default\n}\nmetric m = nps(Nowhere.q) target >= 10\n');
        const r = scoreIn(tmp.dir, 'broken', '--responses', responses('any.csv', 10, 0));
        expect(r.code).toBe(2);
        expect(r.err).toMatch(/^broken\/spec\.cx:4:\d+ error CX\d+ /m);
        expect(r.err).toMatch(/cxspec score: the spec has \d+ error\(s\); fix them before scoring\n$/);
    });

    it('exits 2 with usage for unknown surveys, missing files and bad options', () => {
        const unknown = score(SPEC, '--responses', 'Nope=x.csv');
        expect(unknown.code).toBe(2);
        expect(unknown.err).toMatch(/^cxspec score: --responses: spec CoffeeMobileOrder has no survey 'Nope' \(surveys: AfterPickup\)/);
        const missing = score(SPEC, '--responses', path.join(tmp.dir, 'none.csv'));
        expect(missing.code).toBe(2);
        expect(missing.err).toBe(`cxspec score: ${path.join(tmp.dir, 'none.csv')}:1:1: cannot be read (ENOENT)\n`);
        expect(score(SPEC, '--responses', 'x.csv', '--format', 'pdf').code).toBe(2);
        expect(score(SPEC).err).toMatch(/give at least one --responses or --dataset file/);
    });
});

describe('cxspec score progress', () => {
    it('draws a progress bar on a terminal (util-linux script gives it one) and clears it at the end', () => {
        const lines = Array.from({ length: 60_000 }, (_, i) => `r${i},2026-01-01T10:00:00Z,9,7,5,5,true,commute`);
        const file = tmp.write('big.csv', [HEADER, ...lines].join('\n') + '\n');
        const env = { ...process.env };
        delete env.CI;
        const command = [process.execPath, CLI, 'score', SPEC, '--responses', file, '--out', path.join(tmp.dir, 'big.json')].map(a => `'${a}'`).join(' ');
        const r = spawnSync('script', ['-qec', command, '/dev/null'], { encoding: 'utf8', env });
        expect(r.status).toBe(0);
        const mb = (fs.statSync(file).size / 1048576).toFixed(1);
        expect(r.stdout).toContain(`] 100% ${mb}/${mb} MB ${file}\x1b[K`);
        // Cleared before the closing lines (script's terminal turns \n into \r\n).
        expect(r.stdout.slice(r.stdout.lastIndexOf('\r\x1b[K'))).toBe(`\r\x1b[Kwrote ${path.join(tmp.dir, 'big.json')} (json report of CoffeeMobileOrder)\r\n5 metric(s): 5 met, 0 missed, 0 inconclusive, 0 insufficient; exit 0: no target missed\r\n`);
    });
});

describe('cxspec score reports', () => {
    it('writes Markdown and HTML reports with --out, and the same JSON bytes every run', () => {
        const file = responses('report.csv', 10, 0);
        const md = path.join(tmp.dir, 'r.md'), html = path.join(tmp.dir, 'r.html');
        expect(score(SPEC, '--responses', file, '--format', 'md', '--out', md, '--locale', 'en').code).toBe(0);
        expect(fs.readFileSync(md, 'utf8')).toMatch(/^# Coffee chain mobile order (&|&amp;) pick-up\n/);
        expect(score(SPEC, '--responses', file, '--format', 'html', '--out', html).code).toBe(0);
        expect(fs.readFileSync(html, 'utf8')).toMatch(/^<!DOCTYPE html>[\s\S]*<svg/i);
        expect(score(SPEC, '--responses', file).out).toBe(score(SPEC, '--responses', file).out);
    });

    it('gives the same bytes on two threads (worker started before the spec loads) as on one', () => {
        const file = responses('threads.csv', 8, 30);
        const one = scoreWith({ CXSPEC_SPLIT_BYTES: '1e12' }, REPO, SPEC, '--responses', file);
        const two = scoreWith({ CXSPEC_SPLIT_BYTES: '0' }, REPO, SPEC, '--responses', file);
        expect(two).toEqual(one);
        expect(JSON.parse(two.out).input.rowsRead).toBe(400);
    });
});
