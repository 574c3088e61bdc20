/**
 * `cxspec compile --clean` as users run it: the bundled CLI (build it first with `npm run -s build`)
 * spawned with this Node, from the repository root, on copies of an example spec.
 */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../packages/compiler/test/support/examples.js';

const BIN = path.join(REPO_ROOT, 'packages/cli/bin/cxspec.js');
const EXAMPLE = path.join(REPO_ROOT, 'examples/coffee-mobile-order');
const OUTPUTS = ['distribution', 'schema', 'survey'].map(kind => `AfterPickup.${kind}.json`);
let tmp: string;
let specDir: string;
let out: string;

function cxspec(args: string[], options: SpawnSyncOptions = {}) {
    const result = spawnSync(process.execPath, [BIN, ...args], { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, CI: '1' }, ...options });
    return { status: result.status, stdout: String(result.stdout), stderr: String(result.stderr) };
}

/**
 * Runs the CLI as user nobody, from copies of this Node and of the CLI bundle in the temporary
 * folder: the clone may sit in a folder other users cannot enter (root's home, say).
 */
function cxspecAsNobody(args: string[]) {
    const runtime = path.join(tmp, 'runtime');
    if (!fs.existsSync(runtime)) {
        fs.mkdirSync(runtime, { recursive: true });
        const node = path.join(runtime, 'node');
        try {
            fs.linkSync(process.execPath, node);
        } catch {
            fs.copyFileSync(process.execPath, node);
        }
        for (const part of ['bin', 'dist']) fs.cpSync(path.join(REPO_ROOT, 'packages/cli', part), path.join(runtime, 'cli', part), { recursive: true });
        const open = (p: string) => {
            fs.chmodSync(p, fs.statSync(p).isDirectory() || p === node ? 0o755 : 0o644);
            if (fs.statSync(p).isDirectory()) for (const name of fs.readdirSync(p)) open(path.join(p, name));
        };
        open(runtime);
    }
    const result = spawnSync(path.join(runtime, 'node'), [path.join(runtime, 'cli/bin/cxspec.js'), ...args], {
        cwd: tmp, encoding: 'utf8', env: { ...process.env, CI: '1', HOME: tmp }, uid: 65534, gid: 65534
    });
    return { status: result.status, stdout: String(result.stdout), stderr: String(result.stderr) };
}

/** Names in `dir`, folders marked with a trailing slash. */
function list(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).map(e => e.name + (e.isDirectory() ? '/' : '')).sort();
}

/** Renames survey AfterPickup (and every reference to it) in the copied spec. */
function renameSurvey(to: string) {
    for (const name of fs.readdirSync(specDir)) {
        const file = path.join(specDir, name);
        fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/\bAfterPickup\b/g, to));
    }
}

beforeAll(() => {
    if (!fs.existsSync(path.join(REPO_ROOT, 'packages/cli/dist/cxspec.mjs'))) {
        throw new Error('the CLI bundle is missing: run `npm run -s build` first');
    }
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cxspec-clean-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

// Each test: a fresh copy of the example's .cx files, compiled once into `out`, plus files that are not outputs.
beforeEach(ctx => {
    const base = path.join(tmp, ctx.task.id);
    specDir = path.join(base, 'spec');
    out = path.join(base, 'out');
    fs.mkdirSync(specDir, { recursive: true });
    for (const name of fs.readdirSync(EXAMPLE).filter(n => n.endsWith('.cx'))) fs.copyFileSync(path.join(EXAMPLE, name), path.join(specDir, name));
    expect(cxspec(['compile', specDir, '--out', out]).status).toBe(0);
    fs.writeFileSync(path.join(out, 'notes.txt'), 'deploy notes\n');
    fs.writeFileSync(path.join(out, 'keep.json'), '{}\n');
    fs.mkdirSync(path.join(out, 'archive'));
    fs.writeFileSync(path.join(out, 'archive', 'Old.survey.json'), '{}\n');
});

describe('cxspec compile --clean', () => {
    it('without --clean, a renamed survey leaves the old files in place', () => {
        renameSurvey('PickupFeedback');
        const result = cxspec(['compile', specDir, '--out', out]);
        expect(result.status).toBe(0);
        expect(result.stdout).not.toContain('removed');
        expect(list(out)).toEqual([
            ...OUTPUTS, 'CoffeeMobileOrder.model.json', 'PickupFeedback.distribution.json', 'PickupFeedback.schema.json',
            'PickupFeedback.survey.json', 'archive/', 'keep.json', 'notes.txt'
        ]);
    });

    it('removes the old survey files, after printing the written ones, and keeps everything else', () => {
        renameSurvey('PickupFeedback');
        const result = cxspec(['compile', specDir, '--out', out, '--clean']);
        expect(result.stderr).toBe('');
        expect(result.status).toBe(0);
        const written = ['CoffeeMobileOrder.model.json', 'PickupFeedback.distribution.json', 'PickupFeedback.schema.json', 'PickupFeedback.survey.json'];
        expect(result.stdout).toBe([
            ...written.map(n => path.join(out, n)),
            ...OUTPUTS.map(n => `removed ${path.join(out, n)}`)
        ].map(line => line + '\n').join(''));
        expect(list(out)).toEqual([...written, 'archive/', 'keep.json', 'notes.txt']);
        expect(list(path.join(out, 'archive'))).toEqual(['Old.survey.json']);
        // Nothing stale left: a second clean run removes nothing.
        expect(cxspec(['compile', specDir, '--out', out, '--clean']).stdout).not.toContain('removed');
    });

    it('removes nothing when the specs have errors (exit 1)', () => {
        renameSurvey('PickupFeedback');
        fs.appendFileSync(path.join(specDir, 'survey.cx'), 'survey Broken { en "B" question why: text when recomend <= 6 { en "Why?" } }\n');
        const before = list(out);
        const result = cxspec(['compile', specDir, '--out', out, '--clean']);
        expect(result.status).toBe(1);
        expect(result.stdout).toBe('');
        expect(result.stderr).toContain('nothing was written');
        expect(list(out)).toEqual(before);
    });

    it('with several specs, cleans only the <dir>/<Spec>/ folders it writes to', () => {
        const multi = path.join(tmp, 'multi-out');
        fs.cpSync(specDir, path.join(tmp, 'multi-spec', 'coffee'), { recursive: true });
        fs.writeFileSync(path.join(tmp, 'multi-spec', 'extra.cx'), 'spec Extra { locales en default }\nsurvey Quick {\n  en "Q"\n  question q: text { en "Q?" }\n}\n');
        expect(cxspec(['compile', path.join(tmp, 'multi-spec'), '--out', multi]).status).toBe(0);
        // Outputs of a spec compiled alone into <dir>, and of a spec that no longer exists.
        fs.writeFileSync(path.join(multi, 'Extra.model.json'), '{}\n');
        fs.mkdirSync(path.join(multi, 'Gone'));
        fs.writeFileSync(path.join(multi, 'Gone', 'Gone.survey.json'), '{}\n');
        fs.writeFileSync(path.join(multi, 'Extra', 'Stale.schema.json'), '{}\n');
        const result = cxspec(['compile', path.join(tmp, 'multi-spec'), '--out', multi, '--clean']);
        expect(result.status).toBe(0);
        expect(result.stdout.split('\n').filter(l => l.startsWith('removed'))).toEqual([`removed ${path.join(multi, 'Extra', 'Stale.schema.json')}`]);
        expect(list(multi)).toEqual(['CoffeeMobileOrder/', 'Extra.model.json', 'Extra/', 'Gone/']);
        expect(list(path.join(multi, 'Gone'))).toEqual(['Gone.survey.json']);
    });

    it('exits 2 naming the file it cannot remove, after writing the outputs', () => {
        renameSurvey('PickupFeedback');
        expect(cxspec(['compile', specDir, '--out', out]).status).toBe(0);
        fs.writeFileSync(path.join(out, 'Old.survey.json'), '{}\n');
        // A folder whose files can be overwritten but not removed; root ignores that, so run as nobody.
        const asRoot = process.getuid?.() === 0;
        for (const name of fs.readdirSync(out)) fs.chmodSync(path.join(out, name), 0o777);
        fs.chmodSync(out, 0o555);
        if (asRoot) for (let dir = path.dirname(out); dir !== path.dirname(tmp); dir = path.dirname(dir)) fs.chmodSync(dir, 0o755);
        try {
            const result = asRoot ? cxspecAsNobody(['compile', specDir, '--out', out, '--clean']) : cxspec(['compile', specDir, '--out', out, '--clean']);
            expect(result.status).toBe(2);
            expect(result.stderr).toBe(`cxspec compile: cannot remove ${path.join(out, 'AfterPickup.distribution.json')} (EACCES)\n`);
            expect(result.stdout).toBe(['CoffeeMobileOrder.model.json', 'PickupFeedback.distribution.json', 'PickupFeedback.schema.json', 'PickupFeedback.survey.json']
                .map(n => path.join(out, n) + '\n').join(''));
        } finally {
            fs.chmodSync(out, 0o755);
        }
        expect(list(out)).toContain('Old.survey.json');
    });
});
