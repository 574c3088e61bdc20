/**
 * `cxspec diff` end to end: two folders, `<rev>:<path>`, and `--base <rev>` against a real git
 * repository made in a temporary folder (v1 committed, then changed to v2 in the working tree).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, runCli } from './run-cli.js';

const FIXTURES = path.join(REPO, 'packages/review/test/fixtures/diff');
const V1 = 'packages/review/test/fixtures/diff/v1';
const fixture = (name: string) => `packages/review/test/fixtures/diff/${name}`;

let repo: string;
const git = (...args: string[]) => execFileSync('git', args, {
    cwd: repo, encoding: 'utf8',
    env: { ...process.env, GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 'test@example.com', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 'test@example.com' }
});

beforeAll(() => {
    repo = fs.mkdtempSync(path.join(os.tmpdir(), 'cxspec-diff-git-'));
    git('init', '-q', '-b', 'main');
    fs.mkdirSync(path.join(repo, 'specs/coffee'), { recursive: true });
    fs.copyFileSync(path.join(FIXTURES, 'v1/spec.cx'), path.join(repo, 'specs/coffee/spec.cx'));
    fs.writeFileSync(path.join(repo, 'README.md'), 'not a spec\n');
    git('add', '.');
    git('commit', '-q', '-m', 'v1');
    // The pull request: the spec becomes v2-rename and a second spec is added.
    fs.copyFileSync(path.join(FIXTURES, 'v2-rename/spec.cx'), path.join(repo, 'specs/coffee/spec.cx'));
    fs.mkdirSync(path.join(repo, 'specs/d2c'));
    fs.copyFileSync(path.join(REPO, 'examples/d2c-ecommerce/spec.cx'), path.join(repo, 'specs/d2c/spec.cx'));
    fs.copyFileSync(path.join(REPO, 'examples/d2c-ecommerce/metrics.cx'), path.join(repo, 'specs/d2c/metrics.cx'));
});

afterAll(() => {
    if (repo) fs.rmSync(repo, { recursive: true, force: true });
});

describe('cxspec diff', () => {
    it('diffs two folders as text and exits 0 without --fail-on', () => {
        const run = runCli(['diff', V1, fixture('v2-survey'), '--format', 'text']);
        expect(run.stdout.split('\n')[0]).toBe('CoffeeReview: 3 breaking, 7 non-breaking, 2 cosmetic');
        expect(run.code).toBe(0);
    });

    it('exits 1 with --fail-on breaking only when a change is breaking', () => {
        expect(runCli(['diff', V1, fixture('v2-survey'), '--format', 'json', '--fail-on', 'breaking']).code).toBe(1);
        const journey = runCli(['diff', V1, fixture('v2-journey'), '--format', 'json', '--fail-on', 'breaking']);
        expect(JSON.parse(journey.stdout).summary).toEqual({ 'breaking': 0, 'non-breaking': 7, 'cosmetic': 2 });
        expect(journey.code).toBe(0);
    });

    it('with --base reads the old side from the git revision and detects the rename', () => {
        const run = runCli(['diff', '--base', 'main', 'specs', '--format', 'json'], repo);
        expect(run.stderr).toBe('');
        const json = JSON.parse(run.stdout);
        expect(json.specs.map((s: { spec: string }) => s.spec)).toEqual(['CoffeeReview', 'D2cEcommerce']);
        expect(json.specs[0].changes.map((c: { kind: string; before?: string; after?: string }) => `${c.kind} ${c.before} -> ${c.after}`)).toEqual([
            'question.renamed recommend -> likely_to_recommend',
            'question.renamed points -> rewards_appeal',
            'question.wording How attractive are the points and rewards? -> How appealing are the points and rewards?'
        ]);
        expect(json.specs[0].changes[0].loc).toEqual({ file: 'specs/coffee/spec.cx', line: 64 });
        expect(json.specs[1].changes.map((c: { kind: string }) => c.kind)).toEqual(['spec.added']);
        expect(run.code).toBe(0);
    });

    it('reads <rev>:<path> and a bare revision, from a subfolder too', () => {
        const markdown = runCli(['diff', 'HEAD:coffee', 'coffee', '--fail-on', 'breaking'], path.join(repo, 'specs'));
        expect(markdown.stdout).toContain('| `CoffeeReview` | 2 | 1 | 0 |');
        expect(markdown.stdout).toContain('```mermaid\nflowchart LR\n');
        expect(markdown.code).toBe(1);
        const text = runCli(['diff', 'main', 'coffee', '--format', 'text'], path.join(repo, 'specs'));
        expect(text.stdout.split('\n')[0]).toBe('CoffeeReview: 2 breaking, 1 non-breaking, 0 cosmetic');
        expect(text.code).toBe(0);
    });

    it('exits 2 with a clear message for an unknown revision, a side with errors, or bad options', () => {
        const rev = runCli(['diff', '--base', 'no-such-branch', 'specs'], repo);
        expect(rev.stderr).toBe('cxspec diff: no-such-branch: is not a git revision of the repository here\n');
        expect(rev.code).toBe(2);
        const side = runCli(['diff', 'nothing-here', 'specs'], repo);
        expect(side.stderr).toBe('cxspec diff: nothing-here: is neither a file or folder nor a git revision (use <rev>:<path> for a path at a revision)\n');
        expect(side.code).toBe(2);
        const broken = runCli(['diff', V1, 'packages/review/test/fixtures/check']);
        expect(broken.stderr.split('\n').at(-2)).toBe('cxspec diff: the new side (packages/review/test/fixtures/check) has errors; a diff needs specs that validate.');
        expect(broken.stdout).toBe('');
        expect(broken.code).toBe(2);
        const failOn = runCli(['diff', V1, V1, '--fail-on', 'everything']);
        expect(failOn.stderr.split('\n')[0]).toBe("cxspec diff: --fail-on takes 'breaking' (got 'everything')");
        expect(failOn.code).toBe(2);
    });
});
