/**
 * `cxspec validate` and `cxspec model` as users run them: the built CLI bundle in a child process,
 * on spec files written to a temporary folder (`npm test` builds the bundle before vitest runs).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CxModel } from '@cxspec/model';
import { loadWorkspace } from '@cxspec/language';

const repo = path.resolve(__dirname, '../..');
const bin = path.join(repo, 'packages/cli/bin/cxspec.js');
let dir: string;

function cxspec(...args: string[]): { status: number | null; stdout: string; stderr: string } {
    const result = spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, CI: '1' } });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const CLEAN = `spec Shop { locales en default, ja }
journey Visit { stage Counter { touchpoint Desk channel store } }
survey AfterVisit {
    en "After your visit" ja "ご来店後"
    trigger after Desk delay 1h sample 50%
    question recommend: nps about Desk { en "Recommend us?" ja "薦めますか?" }
    question why: text when recommend <= 6 { en "Why?" ja "理由は?" }
}
metric loyalty = nps(AfterVisit.recommend) target >= 20
`;

// Errors and a warning in two files of one spec.
const BROKEN_SURVEY = `spec Broken { locales en default, ja }
survey S {
    en "S" ja "S"
    trigger after Desk sample 120%
    question why: text when recommend <= 6 { en "Why?" ja "理由は?" }
    question recommend: nps about Desk { en "Recommend us?" }
}
`;
const BROKEN_METRICS = `spec Broken
journey J { stage St { touchpoint Desk channel store touchpoint Phone channel call_center } }
metric loyalty = nps(S.recommend) target >= 30%
metric reasons = mean(S.why)
`;

beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cxspec-cli-'));
    fs.mkdirSync(path.join(dir, 'clean'));
    fs.writeFileSync(path.join(dir, 'clean/shop.cx'), CLEAN);
    fs.mkdirSync(path.join(dir, 'broken/nested'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'broken/survey.cx'), BROKEN_SURVEY);
    fs.writeFileSync(path.join(dir, 'broken/nested/metrics.cx'), BROKEN_METRICS);
    fs.writeFileSync(path.join(dir, 'broken/notes.txt'), 'not a spec, ignored');
    fs.mkdirSync(path.join(dir, 'syntax'));
    fs.writeFileSync(path.join(dir, 'syntax/bad.cx'), 'spec Bad { locales en }\nsurvey S { question q nps { en "Q" } }\n');
    fs.mkdirSync(path.join(dir, 'loop'));
    fs.symlinkSync('self.cx', path.join(dir, 'loop/self.cx'));
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('cxspec validate', () => {
    it('exits 0 and prints nothing but the summary for a clean spec', () => {
        expect(cxspec('validate', 'clean')).toEqual({
            status: 0, stdout: '', stderr: '1 file(s), 1 spec(s): 0 error(s), 0 warning(s)\n'
        });
    });

    it('exits 1 and prints every diagnostic as file:line:col severity CODE message, sorted by file and position', () => {
        expect(cxspec('validate', 'broken')).toEqual({
            status: 1,
            stdout: [
                "broken/nested/metrics.cx:2:65 warning CX202 No question measures touchpoint 'Phone' (coverage gap); add a question with `about Phone` to a survey, or mark it `not measured \"why\"` when that is deliberate.",
                "broken/nested/metrics.cx:3:47 error CX703 Target of metric 'loyalty' is in points, not '%'; NPS is in points from -100 to 100, write `30` without %.",
                "broken/nested/metrics.cx:4:23 error CX701 mean() cannot score question 'why': it is free text, which has no score; measure a rating, or use rate(S where ...) for choices.",
                "broken/survey.cx:4:31 error CX301 Sampling 120% of survey 'S' is outside (0, 100] %; invite between 0.1% and 100% of customers.",
                "broken/survey.cx:5:29 error CX401 Question 'why' is shown when recommend <= 6, but 'recommend' is asked later in the survey; move it above 'why'.",
                "broken/survey.cx:6:14 warning CX102 The question 'recommend' has no 'ja' text; add `ja \"...\"` or respondents in 'ja' see the default text.",
                ''
            ].join('\n'),
            stderr: '2 file(s), 1 spec(s): 4 error(s), 2 warning(s)\n'
        });
    });

    it('exits 0 on warnings only', () => {
        fs.writeFileSync(path.join(dir, 'warn.cx'), CLEAN.replace('spec Shop', 'spec Warn').replace(' ja "理由は?"', ''));
        expect(cxspec('validate', 'warn.cx')).toEqual({
            status: 0,
            stdout: "warn.cx:7:14 warning CX102 The question 'why' has no 'ja' text; add `ja \"...\"` or respondents in 'ja' see the default text.\n",
            stderr: '1 file(s), 1 spec(s): 0 error(s), 1 warning(s)\n'
        });
    });

    it('reports a syntax error on one line with its position and nothing that follows from it', () => {
        expect(cxspec('validate', 'syntax/bad.cx')).toEqual({
            status: 1,
            stdout: "syntax/bad.cx:2:23 error CX000 Expected ':' but found 'nps'.\n",
            stderr: '1 file(s), 1 spec(s): 1 error(s), 0 warning(s)\n'
        });
    });

    it('validates several inputs at once and prints the same bytes every run', () => {
        const first = cxspec('validate', 'clean', 'broken');
        expect(first.status).toBe(1);
        expect(first.stdout.split('\n').filter(Boolean).length).toBe(6);
        expect(first.stderr).toBe('3 file(s), 2 spec(s): 4 error(s), 2 warning(s)\n');
        expect(cxspec('validate', 'clean', 'broken')).toEqual(first);
    });

    it('exits 2 when a file or folder does not exist, cannot be read or holds no spec', () => {
        expect(cxspec('validate', 'clean', 'missing.cx')).toEqual({ status: 2, stdout: '', stderr: 'cxspec validate: missing.cx: no such file or folder\n' });
        expect(cxspec('validate', 'no-such-folder')).toEqual({ status: 2, stdout: '', stderr: 'cxspec validate: no-such-folder: no such file or folder\n' });
        expect(cxspec('validate', 'loop')).toEqual({ status: 2, stdout: '', stderr: 'cxspec validate: loop/self.cx: cannot be read (ELOOP)\n' });
        fs.mkdirSync(path.join(dir, 'empty'), { recursive: true });
        expect(cxspec('validate', 'empty')).toEqual({ status: 2, stdout: '', stderr: 'cxspec validate: empty: no .cx files found\n' });
    });

    it('exits 2 with its usage when no file is named', () => {
        const result = cxspec('validate');
        expect(result.status).toBe(2);
        expect(result.stdout).toBe('');
        expect(result.stderr.split('\n').slice(0, 3)).toEqual(['cxspec validate: name at least one file or folder', '', 'Usage: cxspec validate <files or folders...>']);
    });

    it('exits 0 on the bundled examples', () => {
        const result = spawnSync(process.execPath, [bin, 'validate', 'examples'], { cwd: repo, encoding: 'utf8' });
        expect([result.status, result.stdout]).toEqual([0, '']);
        expect(result.stderr).toMatch(/^\d+ file\(s\), 5 spec\(s\): 0 error\(s\), 0 warning\(s\)\n$/);
    });
});

describe('cxspec model', () => {
    it('prints the CX model of a spec as JSON, the same as the library builds', async () => {
        const result = cxspec('model', 'clean');
        expect([result.status, result.stderr]).toEqual([0, '']);
        const printed = JSON.parse(result.stdout) as unknown;
        const workspace = await loadWorkspace([path.join(dir, 'clean')]);
        expect(result.stdout).toBe(JSON.stringify(workspace.model('Shop'), null, 2) + '\n');
        expect(CxModel.parse(printed)).toEqual(printed);
        expect((printed as CxModel).surveys[0].questions.map(q => [q.name, q.kind, q.visibleWhen])).toEqual([
            ['recommend', 'nps', null],
            ['why', 'text', { type: 'compare', field: { source: 'question', survey: 'AfterVisit', question: 'recommend' }, op: '<=', value: { type: 'number', value: 6 } }]
        ]);
        // Relative to the spec's root (outside a repository, the folder of its files), not the working directory.
        expect((printed as CxModel).metrics[0].loc).toEqual({ file: 'shop.cx', line: 9, column: 1, endLine: 9, endColumn: 56 });
        expect(cxspec('model', 'clean').stdout).toBe(result.stdout);
    });

    it('prints the errors instead and exits 1 when the spec has errors', () => {
        const result = cxspec('model', 'syntax');
        expect(result).toEqual({ status: 1, stdout: '', stderr: "syntax/bad.cx:2:23 error CX000 Expected ':' but found 'nps'.\n" });
    });

    it('prints the model of a clean spec even when another spec given with it has errors', () => {
        const result = cxspec('model', 'clean', 'syntax', '--spec', 'Shop');
        expect([result.status, result.stderr]).toEqual([0, '']);
        expect((JSON.parse(result.stdout) as CxModel).spec.name).toBe('Shop');
        expect(cxspec('model', 'clean', 'syntax', '--spec', 'Bad')).toEqual({ status: 1, stdout: '', stderr: "syntax/bad.cx:2:23 error CX000 Expected ':' but found 'nps'.\n" });
    });

    it('asks for --spec when the files hold several specs, and picks one with it', () => {
        const several = cxspec('model', 'clean', 'warn.cx');
        expect(several.status).toBe(2);
        expect(several.stderr.split('\n')[0]).toBe('cxspec model: the files hold several specs (Shop, Warn); choose one with --spec');
        const picked = cxspec('model', 'clean', 'warn.cx', '--spec', 'Shop');
        expect(picked.status).toBe(0);
        expect((JSON.parse(picked.stdout) as CxModel).spec.name).toBe('Shop');
        expect(cxspec('model', 'clean', '--spec', 'Nope').stderr.split('\n')[0]).toBe("cxspec model: no spec named 'Nope' (found: Shop)");
    });
});
