/**
 * docs/tutorial.md as a reader follows it: every `$ npx cxspec ...` line of its console blocks is run
 * with the built CLI in an empty folder, in page order, and must print exactly the lines shown
 * (stdout, then stderr) and exit 0 or with the code of the `<!-- exit N -->` before the block.
 * `<!-- file: path -->` blocks are saved as the reader saves them, `<!-- generated: path -->`
 * blocks must equal the file a command wrote, and `<!-- edit: path: "a" -> "b" -->` makes the
 * change the prose asks for.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO, runCli } from './run-cli.js';

type Step =
    | { kind: 'run'; command: string; expected: string; exit: number; line: number }
    | { kind: 'file'; file: string; content: string; line: number }
    | { kind: 'generated'; file: string; content: string; line: number }
    | { kind: 'edit'; file: string; from: string; to: string; line: number };

/** The steps of a tutorial page, in order. */
function stepsOf(markdown: string): Step[] {
    const lines = markdown.split('\n');
    const steps: Step[] = [];
    let directive: { kind: 'file' | 'generated' | 'exit'; value: string } | undefined;
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i];
        const edit = /^<!-- edit: (.+?): "(.+)" -> "(.+)" -->$/.exec(line);
        const marker = /^<!-- (file|generated|exit):? (.+) -->$/.exec(line);
        const fence = /^```(\w*)$/.exec(line);
        if (edit) steps.push({ kind: 'edit', file: edit[1], from: edit[2], to: edit[3], line: i + 1 });
        else if (marker) directive = { kind: marker[1] as 'file' | 'generated' | 'exit', value: marker[2] };
        else if (fence) {
            const end = lines.indexOf('```', i + 1);
            const body = lines.slice(i + 1, end);
            if (fence[1] === 'console') {
                const exit = directive?.kind === 'exit' ? Number(directive.value) : 0;
                for (let j = 0; j < body.length; j++) {
                    if (!body[j].startsWith('$ ')) continue;
                    let k = j + 1;
                    while (k < body.length && !body[k].startsWith('$ ')) k++;
                    steps.push({ kind: 'run', command: body[j].slice(2), expected: body.slice(j + 1, k).map(l => l + '\n').join(''), exit, line: i + 2 + j });
                }
            } else if (directive?.kind === 'file' || directive?.kind === 'generated') {
                steps.push({ kind: directive.kind, file: directive.value, content: body.map(l => l + '\n').join(''), line: i + 1 });
            } else {
                // A command in any other block would not be run by this test.
                expect(body.filter(l => l.includes('npx cxspec')), `docs/tutorial.md:${i + 1}`).toEqual([]);
            }
            directive = undefined;
            i = end;
        } else if (line.trim() !== '') directive = undefined;
    }
    return steps;
}

const PAGE = fs.readFileSync(path.join(REPO, 'docs/tutorial.md'), 'utf8');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cxspec-tutorial-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('docs/tutorial.md', () => {
    const steps = stepsOf(PAGE);

    it('has the steps a reader follows: init, validate, preview, compile, score', () => {
        const commands = steps.flatMap(s => (s.kind === 'run' ? [s.command.split(' ')[2]] : []));
        expect([...new Set(commands)]).toEqual(['--version', 'init', 'validate', 'preview', 'compile', 'score']);
        expect(steps.filter(s => s.kind === 'generated').map(s => s.kind === 'generated' && s.file)).toEqual(['hotel/spec.cx']);
    });

    it('prints what the page shows at every step, in an empty folder', () => {
        for (const step of steps) {
            const where = `docs/tutorial.md:${step.line}`;
            const file = step.kind === 'run' ? '' : path.join(dir, step.file);
            switch (step.kind) {
                case 'run': {
                    expect(step.command.startsWith('npx cxspec '), where).toBe(true);
                    const run = runCli(step.command.split(' ').slice(2), dir);
                    expect({ output: run.stdout + run.stderr, exit: run.code }, where).toEqual({ output: step.expected, exit: step.exit });
                    break;
                }
                case 'file':
                    fs.writeFileSync(file, step.content);
                    break;
                case 'generated':
                    expect(fs.readFileSync(file, 'utf8'), where).toBe(step.content);
                    break;
                case 'edit': {
                    const text = fs.readFileSync(file, 'utf8');
                    expect(text.split(step.from).length - 1, where).toBe(1);
                    fs.writeFileSync(file, text.replace(step.from, step.to));
                    break;
                }
            }
        }
        // What the page tells the reader to open.
        for (const written of ['hotel/preview.html', 'hotel/report.html', 'hotel/surveys/PostStay.survey.json']) {
            expect(fs.statSync(path.join(dir, written)).size).toBeGreaterThan(0);
        }
    });
});
