/**
 * Hostile specs and data through every command (issue #16): a deeply nested condition is a
 * diagnostic, never a crash; no text output lets quoted user content start a line of its own (a
 * GitHub workflow command) or reach the terminal as an escape; a NUL character in a condition is
 * refused alike by validate, sql and both scoring engines.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, scoreWarnings, type CliRun } from './run-cli.js';

let dir: string;

const DEEP = `spec Deep { locales en }
survey S { en "S" question q: nps { en "Q?" } question r: text when ${'('.repeat(120)}q >= 9${')'.repeat(120)} { en "R?" } }
metric m = nps(S.q)
`;

// CX401 twice: a condition with a comment holding a workflow command, and a quoted value with a line
// break (written \n: a text ends on its line), an escape sequence and a bell.
const HOSTILE = `spec Hostile { locales en }
survey S {
  en "S"
  question why: text when recommend /*
::error file=README.md,line=1::pwned
*/ <= 6 or later = "a\u001b[31m\u0007\\n::add-mask::x" { en "Why?" }
  question recommend: nps { en "R?" }
  question later: text { en "L?" }
}
`;

const ODD_NAME = 'odd\n::error file=x::name.cx';

const SCORED = `spec Scored { locales en }
survey S { en "S" question recommend: nps { en "R?" } }
metric m = nps(S.recommend)
`;

const NUL = `spec Nul { locales en }
survey S { en "S" question q: nps { en "Q?" } question t: text { en "T?" } }
metric r = rate(S where t = "x\\0") target <= 5%
`;

beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cxspec-hostile-'));
    const write = (name: string, text: string) => {
        fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
        fs.writeFileSync(path.join(dir, name), text);
    };
    write('deep.cx', DEEP);
    write('hostile/spec.cx', HOSTILE);
    write(`odd/${ODD_NAME}`, 'spec Odd { locales en }\nsegment G { en "G" where X.y = 1 }\n');
    write('scored.cx', SCORED);
    write('cells.csv', 'respondent_id,submitted_at,recommend\n1,2025-01-01T00:00:00Z,"\u001b[31m9\n::error::cell"\n2,2025-01-01T00:00:00Z,10\n');
    write('cells.json', JSON.stringify([
        { respondent_id: '1', submitted_at: '2025-01-01T00:00:00Z', recommend: '\u001b[2J\n::add-mask::x' },
        { respondent_id: '2', submitted_at: '2025-01-01T00:00:00Z', recommend: 10 }
    ]));
    write('nul.cx', NUL);
    write('nul.csv', 'respondent_id,submitted_at,q,t\n1,2025-01-01T00:00:00Z,9,x\n');
});

afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
});

const cli = (...args: string[]): CliRun => runCli(args, dir);

/** Lines a CI runner would take for a workflow command, and control characters a terminal acts on. */
function injected(run: CliRun): string[] {
    const text = run.stdout + run.stderr;
    return [
        ...text.split('\n').filter(line => line.startsWith('::')),
        ...[...text.matchAll(/[\u0000-\u0008\u000b-\u001f\u007f]/g)].map(m => `U+${m[0].charCodeAt(0).toString(16).padStart(4, '0')}`)
    ];
}

const TOO_DEEP = "deep.cx:2:133 error CX007 A condition nests at most 64 levels deep (each '(' and 'not' opens one); remove redundant parentheses and double 'not's.";

describe('a condition nested 120 levels deep', () => {
    for (const args of [['validate'], ['model'], ['compile', '--out', 'out'], ['preview', '--out', 'p.html'], ['sql', '--dialect', 'duckdb'], ['check']]) {
        it(`${args[0]}: reports CX007 and exits 1`, () => {
            const run = cli(args[0], 'deep.cx', ...args.slice(1));
            expect(run.stdout + run.stderr).not.toContain('internal error');
            expect((run.stdout + run.stderr).split('\n')).toContain(TOO_DEEP);
            expect(run.code).toBe(1);
        });
    }
});

describe('user content in text outputs stays on its line', () => {
    const CX401 = [
        "hostile/spec.cx:4:27 error CX401 Question 'why' is shown when recommend <= 6, but 'recommend' is asked later in the survey; move it above 'why'.",
        "hostile/spec.cx:6:12 error CX401 Question 'why' is shown when later = \"a\\u001b[31m\\u0007\\n::add-mask::x\", but 'later' is asked later in the survey; move it above 'why'."
    ];

    it('validate and check (text) quote conditions on one line, comments dropped, controls escaped', () => {
        for (const run of [cli('validate', 'hostile'), cli('check', 'hostile')]) {
            expect(run.stdout.split('\n').filter(Boolean)).toEqual(CX401);
            expect(injected(run)).toEqual([]);
        }
    });

    it('compile prints the same lines and writes nothing', () => {
        const run = cli('compile', 'hostile', '--out', 'out-hostile');
        expect(run.stderr.split('\n').filter(Boolean)).toEqual([...CX401, 'cxspec compile: the specs have errors; nothing was written']);
        expect(injected(run)).toEqual([]);
        expect(run.code).toBe(1);
    });

    it('check --format github writes one annotation per diagnostic and nothing else at the start of a line', () => {
        const run = cli('check', 'hostile', 'odd', '--format', 'github');
        expect(injected(run).map(line => line.slice(0, line.indexOf(',')))).toEqual([
            '::error file=hostile/spec.cx', '::error file=hostile/spec.cx',
            '::error file=odd/odd%0A%3A%3Aerror file=x%3A%3Aname.cx', '::error file=odd/odd%0A%3A%3Aerror file=x%3A%3Aname.cx'
        ]);
    });

    it('check --format json and sarif carry the texts as JSON strings', () => {
        for (const format of ['json', 'sarif']) {
            const run = cli('check', 'hostile', 'odd', '--format', format);
            expect(() => JSON.parse(run.stdout)).not.toThrow();
            expect(injected(run)).toEqual([]);
        }
    });

    it('a file name with a line break stays on its diagnostic line', () => {
        const run = cli('validate', 'odd');
        expect(run.stdout.split('\n').filter(Boolean).map(line => line.slice(0, line.indexOf(' CX')))).toEqual([
            'odd/odd\\n::error file=x::name.cx:2:26 error', 'odd/odd\\n::error file=x::name.cx:2:28 error'
        ]);
        expect(injected(run)).toEqual([]);
    });

    for (const engine of ['native', 'duckdb']) {
        it(`score warnings (${engine}) escape cell values from CSV and JSON`, () => {
            const csv = cli('score', 'scored.cx', '--responses', 'cells.csv', '--engine', engine, '--format', 'json');
            expect(scoreWarnings(csv.stderr)).toBe("warning: cells.csv: wrong type in column 'recommend', row 1: recommend expects a whole number from 0 to 10, got '\\u001b[31m9\\n::error::cell'\n");
            const json = cli('score', 'scored.cx', '--responses', 'cells.json', '--engine', engine, '--format', 'json');
            expect(scoreWarnings(json.stderr)).toBe("warning: cells.json: wrong type in column 'recommend', row 1: recommend expects a whole number from 0 to 10, got '\\u001b[2J\\n::add-mask::x'\n");
            for (const run of [csv, json]) {
                expect(injected({ ...run, stdout: '' })).toEqual([]);
                expect(run.code).toBe(0);
            }
        });
    }
});

describe('a NUL character in a condition', () => {
    const LINE = 'nul.cx:3:29 error CX405 The quoted value "x\\u0000" holds a NUL character, which no SQL engine can compare; remove it.';

    it('validate reports CX405 and sql refuses the spec', () => {
        const validate = cli('validate', 'nul.cx');
        expect(validate.stdout).toBe(`${LINE}\n`);
        expect(validate.code).toBe(1);
        const sql = cli('sql', 'nul.cx', '--dialect', 'duckdb');
        expect(sql.stderr.split('\n')[0]).toBe(LINE);
        expect(sql.code).toBe(1);
    });

    it('both scoring engines refuse it the same way', () => {
        const [native, duckdb] = ['native', 'duckdb'].map(engine => cli('score', 'nul.cx', '--responses', 'nul.csv', '--engine', engine));
        expect(native.stderr).toBe(`${LINE}\ncxspec score: the spec has 1 error(s); fix them before scoring\n`);
        expect(duckdb).toEqual(native);
        expect(native.code).toBe(2);
    });
});
