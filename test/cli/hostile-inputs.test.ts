/**
 * Hostile and odd inputs from the probe of issue #16, end to end through the built CLI: git trees
 * that climb out of the checkout folder, a mistyped `<rev>:<path>`, column mappings that replace a
 * column, answer values nested thousands deep or megabytes long, years before 1900, mentions and
 * links in Markdown for pull-request comments, and model paths that followed the working directory.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, runCli, scoreWarnings } from './run-cli.js';

const COFFEE = 'examples/coffee-mobile-order';
const COFFEE_RESPONSES = `${COFFEE}/responses/AfterPickup.csv`;
const HEAD = '{"respondent_id":"a","submitted_at":"2026-01-01T00:00:00Z"';

let tmp: string;
const write = (name: string, text: string) => {
    const file = path.join(tmp, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    return file;
};

beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cxspec-hostile-'));
});

afterAll(() => {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe('diff <rev> on hostile and mistyped revisions', () => {
    let repo: string;
    const git = (args: string[], input?: string) => execFileSync('git', args, {
        cwd: repo, encoding: 'utf8', input,
        env: { ...process.env, GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 'test@example.com', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 'test@example.com' }
    }).trim();

    beforeAll(() => {
        repo = path.join(tmp, 'repo');
        fs.mkdirSync(path.join(repo, 'specs/coffee'), { recursive: true });
        git(['init', '-q', '-b', 'main']);
        fs.copyFileSync(path.join(REPO, 'packages/review/test/fixtures/diff/v1/spec.cx'), path.join(repo, 'specs/coffee/spec.cx'));
        fs.writeFileSync(path.join(repo, 'README.md'), 'not a spec\n');
        git(['add', '.']);
        git(['commit', '-q', '-m', 'v1']);
        // A tree git itself never writes but `git mktree` accepts: x/../../somewhere/evil.cx.
        const blob = git(['hash-object', '-w', '--stdin'], 'spec Evil\n');
        let tree = git(['mktree'], `100644 blob ${blob}\tevil.cx\n`);
        for (const name of ['somewhere', '..', '..', 'x']) tree = git(['mktree'], `040000 tree ${tree}\t${name}\n`);
        git(['update-ref', 'refs/heads/evil', git(['commit-tree', tree, '-m', 'evil'])]);
    });

    it('refuses a tree entry that leaves the temporary folder, exit 2 naming it, and writes nothing outside', () => {
        // The checkout folder is made under TMPDIR, so an entry climbing two levels lands in `outside`.
        const outside = path.join(tmp, 'outside');
        const inner = path.join(outside, 'inner');
        fs.mkdirSync(inner, { recursive: true });
        const run = runCli(['diff', 'evil', 'specs'], repo, { TMPDIR: inner });
        expect(run.stderr).toBe('cxspec diff: evil: tree entry "x/../../somewhere/evil.cx" leaves the folder the revision is read into; refusing to write it\n');
        expect(run.stdout).toBe('');
        expect(run.code).toBe(2);
        expect(fs.existsSync(path.join(outside, 'somewhere'))).toBe(false);
        expect(fs.existsSync(path.join(inner, 'somewhere'))).toBe(false);
        expect(fs.readdirSync(inner)).toEqual([]);
    });

    it('refuses a <rev>:<path> that holds no .cx file (a typo), even with --fail-on breaking, exit 2', () => {
        const typo = runCli(['diff', 'HEAD:spec', 'specs', '--fail-on', 'breaking'], repo);
        expect(typo.stderr).toBe('cxspec diff: HEAD:spec: holds no .cx file at that revision\n');
        expect(typo.stdout).toBe('');
        expect(typo.code).toBe(2);
        const notSpec = runCli(['diff', 'HEAD:README.md', 'specs'], repo);
        expect(notSpec.stderr).toBe('cxspec diff: HEAD:README.md: holds no .cx file at that revision\n');
        expect(notSpec.code).toBe(2);
        // With --base a path the change adds is still an empty old side: every spec in it is added.
        fs.mkdirSync(path.join(repo, 'specs/d2c'));
        for (const f of ['spec.cx', 'metrics.cx']) fs.copyFileSync(path.join(REPO, 'examples/d2c-ecommerce', f), path.join(repo, 'specs/d2c', f));
        const added = runCli(['diff', '--base', 'main', 'specs/d2c', '--format', 'text', '--fail-on', 'breaking'], repo);
        expect(added.stderr).toBe('');
        expect(added.stdout.split('\n')[0]).toBe('D2cEcommerce: 0 breaking, 1 non-breaking, 0 cosmetic');
        expect(added.code).toBe(0);
    });
});

describe('score --map that would replace a column', () => {
    it('refuses a column mapped onto a column the file already has, naming both, exit 2', () => {
        const map = write('onto-recommend.json', '{"columns":{"pickup":"recommend"}}');
        const run = runCli(['score', COFFEE, '--responses', COFFEE_RESPONSES, '--map', map]);
        expect(run.stderr).toBe(`cxspec score: ${map}:1:1: columns.pickup: maps 'pickup' onto 'recommend', which ${COFFEE_RESPONSES} already has as a column; list 'recommend' under "ignore" to replace it, or map 'pickup' to another field\n`);
        expect(run.stdout).toBe('');
        expect(run.code).toBe(2);
    });

    it('refuses a column mapped onto respondent_id instead of dropping every row as a duplicate, in both engines', () => {
        const map = write('onto-id.json', '{"columns":{"drink":"respondent_id"}}');
        const message = `cxspec score: ${map}:1:1: columns.drink: maps 'drink' onto 'respondent_id', which ${COFFEE_RESPONSES} already has as a column; list 'respondent_id' under "ignore" to replace it, or map 'drink' to another field\n`;
        for (const engine of ['native', 'duckdb']) {
            const run = runCli(['score', COFFEE, '--responses', COFFEE_RESPONSES, '--map', map, '--engine', engine]);
            expect(run.stderr, engine).toBe(message);
            expect(run.code, engine).toBe(2);
        }
    });

    it('refuses two columns mapped to one field, naming both, exit 2', () => {
        const map = write('two-to-one.json', '{"columns":{"Q1":"recommend","Q2":"recommend"}}');
        const run = runCli(['score', COFFEE, '--responses', COFFEE_RESPONSES, '--map', map]);
        expect(run.stderr).toBe(`cxspec score: ${map}:1:1: columns.Q2: 'Q2' and 'Q1' are both mapped to 'recommend'; map only one of them\n`);
        expect(run.code).toBe(2);
    });

    it('still replaces a column on purpose when the replaced one is ignored', () => {
        const map = write('replace.json', '{"columns":{"pickup":"recommend"},"ignore":["recommend"]}');
        const run = runCli(['score', COFFEE, '--responses', COFFEE_RESPONSES, '--map', map]);
        expect(scoreWarnings(run.stderr)).toBe('');
        // 1,379: the rows whose pick-up rating is answered.
        expect(JSON.parse(run.stdout).metrics.nps_all.n).toBe(1379);
    });
});

describe('score on hostile answer values', () => {
    const deep = `${'['.repeat(5000)}9${']'.repeat(5000)}`;
    const warning = (file: string) => `warning: ${file}: wrong type in column 'recommend', row 1: recommend expects a whole number from 0 to 10, got an array [[[[…]]]]\n`;

    it('reports a value nested 5,000 deep by its type and a bounded preview in NDJSON, JSON and --engine duckdb', () => {
        const ndjson = write('deep.ndjson', `${HEAD},"recommend":${deep}}\n`);
        const json = write('deep.json', `[${HEAD},"recommend":${deep}}]`);
        for (const [file, engine] of [[ndjson, 'native'], [json, 'native'], [ndjson, 'duckdb'], [json, 'duckdb']]) {
            const run = runCli(['score', COFFEE, '--responses', file, '--engine', engine]);
            expect(scoreWarnings(run.stderr), `${file} ${engine}`).toBe(warning(file));
            expect(JSON.parse(run.stdout).input.exclusions[0].message).toBe('recommend expects a whole number from 0 to 10, got an array [[[[…]]]]');
            expect(run.code).toBe(0);
        }
    });

    it('quotes at most 60 characters of a 10 MB value on stderr and in the JSON report', () => {
        const file = write('big.ndjson', `${HEAD},"recommend":"${'x'.repeat(10_000_000)}"}\n`);
        const run = runCli(['score', COFFEE, '--responses', file]);
        const message = `recommend expects a whole number from 0 to 10, got '${'x'.repeat(60)}…' (10000000 characters)`;
        expect(scoreWarnings(run.stderr)).toBe(`warning: ${file}: wrong type in column 'recommend', row 1: ${message}\n`);
        expect(JSON.parse(run.stdout).input.exclusions[0].message).toBe(message);
        expect(run.stdout.length).toBeLessThan(20_000);
    });

    it('reports JSON 1e309 as a number too large, not as null', () => {
        const file = write('huge.ndjson', `${HEAD},"recommend":1e309}\n`);
        const run = runCli(['score', COFFEE, '--responses', file]);
        expect(scoreWarnings(run.stderr)).toBe(`warning: ${file}: wrong type in column 'recommend', row 1: recommend expects a whole number from 0 to 10, got a number too large to represent (Infinity)\n`);
    });

    it('refuses a record giving one field twice (dotted key and nested object) instead of counting it twice', () => {
        const file = write('twice.ndjson', `${HEAD},"recommend":9}\n${HEAD.replace('"a"', '"b"')},"recommend":9,"a.b":1,"a":{"b":2}}\n`);
        const run = runCli(['score', COFFEE, '--responses', file]);
        expect(run.stderr).toBe(`cxspec score: ${file}:2:1: the record gives 'a.b' twice, as a dotted key and inside a nested object; keep one\n`);
        expect(run.code).toBe(2);
        const matrix = write('matrix-twice.json', `[${HEAD},"recommend":9},\n ${HEAD.replace('"a"', '"b"')},"packaging.box_size":1,"packaging":{"box_size":5}}]`);
        const json = runCli(['score', 'examples/d2c-ecommerce', '--responses', `PostDelivery=${matrix}`,
            '--responses', 'PostReturn=examples/d2c-ecommerce/responses/PostReturn.csv']);
        expect(json.stderr).toBe(`cxspec score: ${matrix}:2:2: the record gives 'packaging.box_size' twice, as a dotted key and inside a nested object; keep one\n`);
        expect(json.code).toBe(2);
    });
});

describe('score on years before 1900', () => {
    it('takes them for data errors (bad_timestamp) and groups periods the same way in both engines', () => {
        const file = write('years.csv', [
            'respondent_id,submitted_at,recommend',
            'r1,0050-06-15T10:00:00Z,10', 'r2,0050-06-15T10:00:00+09:00,0', 'r3,2026-01-05T10:00:00Z,9', 'r4,1950-06-15T10:00:00Z,3'
        ].join('\n') + '\n');
        const outputs = ['native', 'duckdb'].map(engine => {
            const run = runCli(['score', COFFEE, '--responses', file, '--engine', engine]);
            expect(scoreWarnings(run.stderr), engine).toBe(`warning: ${file}: bad timestamp in column 'submitted_at', rows 1, 2: submitted_at '0050-06-15T10:00:00Z' is before 1900, most likely a data error; the row is left out of period breakdowns\n`);
            const result = JSON.parse(run.stdout);
            expect(result.metrics.nps_all.periods.map((p: { period: string; n: number }) => `${p.period} ${p.n}`), engine).toEqual(['1950-06 1', '2026-01 1']);
            return run.stdout;
        });
        expect(outputs[1]).toBe(outputs[0]);
    });
});

describe('Markdown for pull-request comments', () => {
    const hostile = 'NPS @octocat #12 https://evil.example/x www.evil.example a@b.example $x$';
    const neutral = 'NPS @&#8203;octocat \\#&#8203;12 https&#8203;://evil.example/x www&#8203;.evil.example a@&#8203;b.example \\$x\\$';
    let spec: string;

    beforeAll(() => {
        spec = path.join(tmp, 'hostile-spec');
        fs.cpSync(path.join(REPO, COFFEE), spec, { recursive: true });
        const metrics = path.join(spec, 'metrics.cx');
        fs.writeFileSync(metrics, fs.readFileSync(metrics, 'utf8').replace('ja "モバイルオーダー NPS"', `ja "${hostile}"`));
    });

    it('score --format md neutralises mentions, references, bare links and math in labels', () => {
        const run = runCli(['score', spec, '--responses', COFFEE_RESPONSES, '--format', 'md']);
        const lines = run.stdout.split('\n').filter(l => l.includes('octocat'));
        expect(lines).toEqual([
            `| ${neutral} (\`nps_all\`) | 37.1 pts | \\[32.8, 41.3\\] | 1,440 | &gt;= 30.0 pts (警告 35.0 pts) | **達成** |`,
            `### ${neutral} (\`nps_all\`)`
        ]);
    });

    it('diff --format md neutralises them in a changed title', () => {
        const run = runCli(['diff', COFFEE, spec, '--format', 'md']);
        const lines = run.stdout.split('\n').filter(l => l.includes('octocat'));
        expect(lines).toHaveLength(1);
        expect(lines[0].endsWith(`| The title of metric 'nps\\_all' changed in 'ja'.<br>モバイルオーダー NPS → ${neutral} |`)).toBe(true);
        expect(run.code).toBe(0);
    });
});

describe('model paths', () => {
    it('are the same from any working directory: relative to the spec root, not to where compile runs', () => {
        const fromRepo = runCli(['model', COFFEE]);
        const fromExamples = runCli(['model', 'coffee-mobile-order'], path.join(REPO, 'examples'));
        const fromElsewhere = runCli(['model', path.join(REPO, COFFEE)], tmp);
        expect(fromRepo.code).toBe(0);
        expect(JSON.parse(fromRepo.stdout).spec.loc.file).toBe('examples/coffee-mobile-order/spec.cx');
        expect(fromExamples.stdout).toBe(fromRepo.stdout);
        expect(fromElsewhere.stdout).toBe(fromRepo.stdout);
        const out = [path.join(tmp, 'out-a'), path.join(tmp, 'out-b')];
        expect(runCli(['compile', COFFEE, '--out', out[0]]).code).toBe(0);
        expect(runCli(['compile', '.', '--out', out[1]], path.join(REPO, COFFEE)).code).toBe(0);
        expect(fs.readFileSync(path.join(out[1], 'CoffeeMobileOrder.model.json'), 'utf8')).toBe(fs.readFileSync(path.join(out[0], 'CoffeeMobileOrder.model.json'), 'utf8'));
    });

    it('outside a repository are relative to the folder holding the spec files', () => {
        const copy = path.join(tmp, 'copy');
        fs.cpSync(path.join(REPO, COFFEE), copy, { recursive: true });
        const inside = runCli(['model', '.'], copy);
        expect(JSON.parse(inside.stdout).spec.loc.file).toBe('spec.cx');
        expect(runCli(['model', copy], REPO).stdout).toBe(inside.stdout);
    });
});
