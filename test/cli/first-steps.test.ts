/**
 * What a new user meets first, run as the built CLI: `--version`, `help <command>`, `init`, and the
 * lines every writing command and `score` print (what was written, the verdicts and what the exit
 * code means), and `validate` counting what `check` counts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import cliPackage from '../../packages/cli/package.json' with { type: 'json' };
import { runCli } from './run-cli.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cxspec-first-steps-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function cxspec(...args: string[]) {
    const run = runCli(args, dir);
    return { code: run.code, stdout: run.stdout, stderr: run.stderr };
}

/** `n` responses to the starter survey, each recommending with `score(i)`. */
function responses(name: string, n: number, score: (i: number) => number): string {
    const rows = Array.from({ length: n }, (_, i) => `r${i},2026-03-0${1 + (i % 9)}T10:00:00Z,${score(i)},,4,5`);
    fs.writeFileSync(path.join(dir, name), ['respondent_id,submitted_at,recommend,reason,checkout,delivery', ...rows].join('\n') + '\n');
    return name;
}

describe('cxspec --version and help', () => {
    it('prints the version of the CLI package', () => {
        expect(cxspec('--version')).toEqual({ code: 0, stdout: `cxspec ${cliPackage.version}\n`, stderr: '' });
        expect(cxspec('-v')).toEqual({ code: 0, stdout: `cxspec ${cliPackage.version}\n`, stderr: '' });
    });

    it('help <command> is <command> --help; help alone lists the commands with init first', () => {
        const usage = cxspec('init', '--help');
        expect(usage.stdout.split('\n')[0]).toBe('Usage: cxspec init [--locales <codes>] [--name <Name>] [<dir>]');
        expect(cxspec('help', 'init')).toEqual(usage);
        expect(cxspec('help', 'score')).toEqual(cxspec('score', '--help'));
        const list = cxspec('help');
        expect(list.code).toBe(0);
        expect(list).toEqual(cxspec('--help'));
        expect(list.stdout.split('\n').slice(0, 4)).toEqual([
            'Usage: cxspec <command> [options]', '', 'Commands:',
            '  init      Write a starter spec (one journey, one survey, one metric target) in the locales asked for'
        ]);
        expect(list.stdout.endsWith("Run 'cxspec help <command>' (or 'cxspec <command> --help') for a command's options, 'cxspec --version' for the version.\n")).toBe(true);
        const unknown = cxspec('help', 'nope');
        expect([unknown.code, unknown.stderr.split('\n')[0]]).toEqual([2, "cxspec: unknown command 'nope'"]);
    });
});

describe('cxspec init', () => {
    it('writes a starter that validates with no diagnostic and compiles, in the locales asked for', () => {
        expect(cxspec('init', '--locales', 'ja,en', '--name', 'HotelStay', 'hotel')).toEqual({
            code: 0, stdout: 'wrote hotel/spec.cx (spec HotelStay, locales ja, en)\nnext: cxspec validate hotel\n', stderr: ''
        });
        const text = fs.readFileSync(path.join(dir, 'hotel/spec.cx'), 'utf8');
        expect(text).toContain('spec HotelStay {\n  ja "HotelStay 顧客体験"\n  en "HotelStay customer experience"\n  locales ja default, en\n}\n');
        expect(cxspec('validate', 'hotel')).toEqual({ code: 0, stdout: '', stderr: '1 file(s), 1 spec(s): 0 error(s), 0 warning(s)\n' });
        expect(cxspec('compile', 'hotel', '--out', 'out')).toEqual({
            code: 0, stderr: '',
            stdout: ['out/AfterDelivery.distribution.json', 'out/AfterDelivery.schema.json', 'out/AfterDelivery.survey.json', 'out/HotelStay.model.json', ''].join('\n')
        });
        const survey = JSON.parse(fs.readFileSync(path.join(dir, 'out/AfterDelivery.survey.json'), 'utf8'));
        expect(survey.pages[0].elements.map((e: { name: string; title: Record<string, string> }) => [e.name, Object.keys(e.title)])).toEqual([
            ['recommend', ['default', 'en']], ['reason', ['default', 'en']], ['checkout', ['default', 'en']], ['delivery', ['default', 'en']]
        ]);
    });

    it('has texts for every locale it offers, regional variants included, and names the spec after the folder', () => {
        for (const locales of ['en', 'ja', 'ko', 'zh-Hans', 'zh-TW', 'fr', 'de', 'es', 'en-GB,fr-CA,es-419']) {
            const folder = `locales-${locales.replace(/,/g, '_')}`;
            expect(cxspec('init', '--locales', locales, folder).code, locales).toBe(0);
            expect(cxspec('validate', folder), locales).toEqual({ code: 0, stdout: '', stderr: '1 file(s), 1 spec(s): 0 error(s), 0 warning(s)\n' });
        }
        expect(fs.readFileSync(path.join(dir, 'locales-zh-TW/spec.cx'), 'utf8')).toContain('question recommend: nps required {\n    zh-TW "您向朋友或同事推薦我們的可能性有多大?"\n  }');
        expect(cxspec('init', 'my-hotel_2').stdout).toBe('wrote my-hotel_2/spec.cx (spec MyHotel2, locales en)\nnext: cxspec validate my-hotel_2\n');
    });

    it('never overwrites a file: exit 2 naming it, the file unchanged', () => {
        fs.mkdirSync(path.join(dir, 'mine'));
        fs.writeFileSync(path.join(dir, 'mine/spec.cx'), 'spec Mine { locales en }\n');
        expect(cxspec('init', 'mine')).toEqual({
            code: 2, stdout: '', stderr: 'cxspec init: mine/spec.cx already exists; nothing was written (choose another folder, or move the file away)\n'
        });
        expect(fs.readFileSync(path.join(dir, 'mine/spec.cx'), 'utf8')).toBe('spec Mine { locales en }\n');
    });

    it('refuses locales it has no texts for, and bad names, with exit 2', () => {
        expect(cxspec('init', '--locales', 'ja,pt-BR,sv', 'nope')).toEqual({
            code: 2, stdout: '',
            stderr: "cxspec init: no starter texts for locales 'pt-BR', 'sv' (available: en, ja, ko, zh-Hans, zh-Hant, fr, de, es); start with those and add the others' texts by hand\n"
        });
        expect(fs.existsSync(path.join(dir, 'nope'))).toBe(false);
        expect(cxspec('init', '--locales', 'ja,,en').stderr.split('\n')[0]).toBe("cxspec init: --locales: '' is not a locale code (e.g. --locales ja,en)");
        expect(cxspec('init', '--locales', 'ja,en,ja').stderr.split('\n')[0]).toBe("cxspec init: --locales: 'ja' is given twice");
        const name = cxspec('init', '--name', '1st', 'x');
        expect([name.code, name.stderr.split('\n')[0]]).toEqual([2, "cxspec init: --name: '1st' is not a spec name (letters, digits and _, not starting with a digit)"]);
        expect(cxspec('init', 'a', 'b').code).toBe(2);
    });
});

describe('cxspec score says what it wrote and what the exit code means', () => {
    it('on a met target, a missed one, and an inconclusive one with and without --fail-on inconclusive', () => {
        expect(cxspec('init', 'scored').code).toBe(0);
        const md = path.join('scored', 'report.md');
        expect(cxspec('score', 'scored', '--responses', responses('good.csv', 200, () => 10), '--format', 'md', '--out', md)).toEqual({
            code: 0, stdout: `wrote ${md} (md report of Scored)\n`,
            stderr: '1 metric(s): 1 met, 0 missed, 0 inconclusive, 0 insufficient; exit 0: no target missed\n'
        });
        expect(fs.readFileSync(path.join(dir, md), 'utf8').startsWith('# Scored customer experience\n')).toBe(true);
        expect(cxspec('score', 'scored', '--responses', responses('bad.csv', 200, () => 0), '--format', 'html', '--out', 'scored/report.html')).toEqual({
            code: 1, stdout: 'wrote scored/report.html (html report of Scored)\n',
            stderr: '1 metric(s): 0 met, 1 missed, 0 inconclusive, 0 insufficient; exit 1: a target is missed\n'
        });
        // 40% promoters, 10% detractors: NPS 30 on the target itself.
        const edge = responses('edge.csv', 100, i => (i % 10 < 4 ? 10 : i % 10 < 9 ? 8 : 3));
        const json = cxspec('score', 'scored', '--responses', edge);
        expect([json.code, json.stderr]).toEqual([0, '1 metric(s): 0 met, 0 missed, 1 inconclusive, 0 insufficient; exit 0: no target missed; --fail-on inconclusive would exit 1\n']);
        expect(JSON.parse(json.stdout).metrics.nps_overall.verdict).toBe('inconclusive');
        expect(cxspec('score', 'scored', '--responses', edge, '--fail-on', 'inconclusive', '--out', 'scored/r.json')).toEqual({
            code: 1, stdout: 'wrote scored/r.json (json report of Scored)\n',
            stderr: '1 metric(s): 0 met, 0 missed, 1 inconclusive, 0 insufficient; exit 1: a target is inconclusive or has too few answers, with --fail-on inconclusive\n'
        });
    });

    it('counts metrics without a target, and exits 2 naming a report it cannot write', () => {
        expect(cxspec('init', 'untargeted').code).toBe(0);
        fs.appendFileSync(path.join(dir, 'untargeted/spec.cx'), 'metric delivery_csat = csat(AfterDelivery.delivery)\n');
        const run = cxspec('score', 'untargeted', '--responses', responses('all.csv', 200, () => 10), '--format', 'md');
        expect([run.code, run.stderr]).toEqual([0, '2 metric(s): 1 met, 0 missed, 0 inconclusive, 0 insufficient, 1 without a target; exit 0: no target missed\n']);
        const blocked = cxspec('score', 'untargeted', '--responses', 'all.csv', '--out', 'all.csv/report.md');
        expect([blocked.code, blocked.stdout, blocked.stderr]).toEqual([2, '', 'cxspec score: cannot write all.csv/report.md (EEXIST)\n']);
    });
});

describe('check and diff --out, validate and check counts', () => {
    it('check --out writes what it would print and says so; the count line is the same as validate\'s, hints included', () => {
        expect(cxspec('init', 'hinted').code).toBe(0);
        const file = path.join(dir, 'hinted/spec.cx');
        // 20 responses a month cannot resolve an NPS target: CX705 is a hint.
        fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('quarantine 30d', 'quarantine 30d expect 20 per month'));
        const validate = cxspec('validate', 'hinted');
        const check = cxspec('check', 'hinted');
        expect(validate.code).toBe(0);
        expect(validate.stdout).toMatch(/^hinted\/spec\.cx:\d+:\d+ hint CX705 .+\n$/);
        expect(validate.stderr).toBe('1 file(s), 1 spec(s): 0 error(s), 0 warning(s), 1 hint(s)\n');
        expect(check).toEqual(validate);
        const sarif = cxspec('check', 'hinted', '--format', 'sarif', '--out', 'hinted/check.sarif');
        expect(sarif).toEqual({ code: 0, stdout: 'wrote hinted/check.sarif (sarif, 1 diagnostic(s))\n', stderr: validate.stderr });
        expect(fs.readFileSync(path.join(dir, 'hinted/check.sarif'), 'utf8')).toBe(cxspec('check', 'hinted', '--format', 'sarif').stdout);
    });

    it('diff --out writes what it would print and says how many changes are breaking', () => {
        expect(cxspec('init', 'before').code).toBe(0);
        expect(cxspec('init', 'after', '--name', 'Before').code).toBe(0);
        const file = path.join(dir, 'after/spec.cx');
        fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('question delivery: csat about Delivery', 'question delivery: ces about Delivery'));
        const printed = cxspec('diff', 'before', 'after', '--format', 'text');
        expect(printed.code).toBe(0);
        const written = cxspec('diff', 'before', 'after', '--format', 'text', '--out', 'diff/changes.txt');
        expect(written).toEqual({ code: 0, stdout: 'wrote diff/changes.txt (text diff, 1 breaking change(s))\n', stderr: '' });
        expect(fs.readFileSync(path.join(dir, 'diff/changes.txt'), 'utf8')).toBe(printed.stdout);
    });
});
