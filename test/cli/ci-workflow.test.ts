/**
 * examples/ci/cxspec.yml: the workflow parses, and every `cxspec` command in it is a real command
 * with real options, and runs on the examples as the workflow runs it (matrix entries expanded,
 * the base branch replaced by HEAD of this repository, outputs sent to a temporary folder).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO, runCli } from './run-cli.js';

interface Step { name?: string; run?: string; uses?: string; with?: Record<string, unknown> }
interface Job { steps: Step[]; strategy?: { matrix?: { include?: Array<Record<string, string>> } } }
interface Workflow { env?: Record<string, string>; jobs: Record<string, Job> }

const workflow = parse(fs.readFileSync(path.join(REPO, 'examples/ci/cxspec.yml'), 'utf8')) as Workflow;
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'cxspec-ci-'));

afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

/** A `cxspec` invocation as the workflow writes it, with each matrix entry it runs for. */
interface Invocation { job: string; step: string; line: string; matrix: Record<string, string> }

function invocations(): Invocation[] {
    const found: Invocation[] = [];
    for (const [jobName, job] of Object.entries(workflow.jobs)) {
        const entries = job.strategy?.matrix?.include ?? [{}];
        for (const step of job.steps) {
            for (const line of (step.run ?? '').split('\n').filter(l => l.includes('cxspec '))) {
                for (const matrix of entries) found.push({ job: jobName, step: step.name ?? '', line, matrix });
            }
        }
    }
    return found;
}

/** The command line as the runner would expand it, cut at the first shell operator. */
function expand(inv: Invocation): string {
    return inv.line
        .replace(/origin\/\$\{\{ github\.base_ref \}\}/g, 'HEAD')
        .replace(/\$\{\{ matrix\.(\w+) \}\}/g, (_, key: string) => {
            if (!(key in inv.matrix)) throw new Error(`${inv.step}: matrix.${key} is not defined`);
            return inv.matrix[key];
        })
        .replace(/\$(\w+)/g, (_, name: string) => workflow.env?.[name] ?? `$${name}`);
}

/** Shell words of a simple command (quotes removed), up to a redirection or operator. */
function words(command: string): string[] {
    const result: string[] = [];
    const re = /"([^"]*)"|'([^']*)'|(>|\|\||&&|\||;)|([^\s"'>|;&]+)/g;
    for (const m of command.matchAll(re)) {
        if (m[3] !== undefined) break;
        result.push(m[1] ?? m[2] ?? m[4]);
    }
    return result;
}

const commandNames = runCli(['--help']).stdout.split('\n').map(l => /^ {2}(\S+) {2,}/.exec(l)?.[1]).filter((n): n is string => Boolean(n));

const usages = new Map<string, string>();
function usageOf(command: string): string {
    if (!usages.has(command)) usages.set(command, runCli([command, '--help']).stdout);
    return usages.get(command)!;
}

describe('examples/ci/cxspec.yml', () => {
    it('is a workflow that compiles, uploads SARIF, comments the diff and gates on targets', () => {
        const steps = Object.values(workflow.jobs).flatMap(j => j.steps);
        expect(steps.some(s => s.uses?.startsWith('github/codeql-action/upload-sarif@') && s.with?.sarif_file === 'cxspec.sarif')).toBe(true);
        expect(steps.some(s => s.uses?.startsWith('actions/github-script@') && String(s.with?.script).includes('<!-- cxspec-diff -->'))).toBe(true);
        const lines = invocations().map(i => words(i.line).slice(1, 3).join(' '));
        expect([...new Set(lines)]).toEqual(['cxspec check', 'cxspec compile', 'cxspec diff', 'cxspec score']);
        expect(invocations().some(i => i.line.includes('--format sarif > cxspec.sarif'))).toBe(true);
        expect(invocations().some(i => i.line.includes('diff --base "origin/${{ github.base_ref }}" "$SPECS" --format md'))).toBe(true);
        expect(invocations().filter(i => i.line.includes('--fail-on inconclusive')).length).toBeGreaterThan(0);
    });

    it('uses only real commands and options', () => {
        expect(commandNames).toEqual(expect.arrayContaining(['check', 'compile', 'diff', 'score']));
        for (const inv of invocations()) {
            const [npx, cxspec, command, ...args] = words(expand(inv));
            expect([npx, cxspec]).toEqual(['npx', 'cxspec']);
            expect(commandNames).toContain(command);
            const usage = usageOf(command);
            for (const option of args.filter(a => a.startsWith('--'))) expect(usage, `${command} ${option}`).toContain(`${option} `);
        }
    });

    // One test per command, so each has the whole per-test time budget on a busy machine.
    it.each(invocations().map(inv => [`${inv.step}${inv.matrix.name ? ` (${inv.matrix.name})` : ''}`, inv] as const))('runs on the examples: %s', (_, inv) => {
        const [, , command, ...args] = words(expand(inv));
        const at = args.indexOf('--out');
        if (at >= 0) args[at + 1] = path.join(out, path.basename(args[at + 1]));
        const run = runCli([command, ...args]);
        expect(run.stderr, `${command} ${args.join(' ')}`).not.toContain('Usage:');
        // score exits 1 when a target of the example data is missed: that is the gate working.
        expect(command === 'score' ? [0, 1] : [0], `exit ${run.code}\n${run.stderr}`).toContain(run.code);
        if (command === 'compile') expect(fs.readdirSync(path.join(out, 'surveys')).length).toBeGreaterThan(0);
        if (command === 'score') expect(fs.readFileSync(args[at + 1], 'utf8')).toContain('nps');
        if (command === 'diff') expect(run.stdout).toContain(args.includes('md') ? '<!-- cxspec-diff -->' : 'CoffeeMobileOrder: 0 breaking');
    });
});
