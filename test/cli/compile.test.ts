/**
 * `cxspec compile` as users run it: the bundled CLI (build it first with `npm run -s build`, as
 * `npm test` does) spawned with this Node, from the repository root.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../packages/compiler/test/support/examples.js';

const BIN = path.join(REPO_ROOT, 'packages/cli/bin/cxspec.js');
const GOLDEN_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../packages/compiler/test/golden');
let tmp: string;

function cxspec(...args: string[]) {
    const result = spawnSync(process.execPath, [BIN, ...args], { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, CI: '1' } });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Every file below `dir`, relative path to bytes. */
function readTree(dir: string): Record<string, string> {
    const files: Record<string, string> = {};
    for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
        if (entry.isFile()) {
            const full = path.join(entry.parentPath, entry.name);
            files[path.relative(dir, full).split(path.sep).join('/')] = fs.readFileSync(full, 'utf8');
        }
    }
    return files;
}

beforeAll(() => {
    if (!fs.existsSync(path.join(REPO_ROOT, 'packages/cli/dist/cxspec.mjs'))) {
        throw new Error('the CLI bundle is missing: run `npm run -s build` first');
    }
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cxspec-compile-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('cxspec compile', () => {
    it('writes the four files of a one-survey spec, prints each path, and matches the golden files', () => {
        const out = path.join(tmp, 'coffee');
        const result = cxspec('compile', 'examples/coffee-mobile-order', '--out', out);
        expect(result.stderr).toBe('');
        expect(result.status).toBe(0);
        const names = ['AfterPickup.distribution.json', 'AfterPickup.schema.json', 'AfterPickup.survey.json', 'CoffeeMobileOrder.model.json'];
        expect(result.stdout).toBe(names.map(n => path.join(out, n) + '\n').join(''));
        expect(readTree(out)).toEqual(readTree(path.join(GOLDEN_DIR, 'coffee-mobile-order')));
    });

    it('puts each spec in its own folder and gives the same bytes on a second run', () => {
        const first = path.join(tmp, 'all-1');
        const second = path.join(tmp, 'all-2');
        expect(cxspec('compile', 'examples', '--out', first).status).toBe(0);
        expect(cxspec('compile', 'examples', '--out', second).status).toBe(0);
        const tree = readTree(first);
        expect(Object.keys(tree).map(f => f.split('/')[0]).filter((d, i, all) => all.indexOf(d) === i))
            .toEqual(['B2bSaas', 'CoffeeMobileOrder', 'D2cEcommerce', 'LifeInsuranceSales', 'MobileCarrierShop']);
        expect(Object.keys(tree)).toHaveLength(32);
        expect(readTree(second)).toEqual(tree);
    });

    it('--spec compiles only the named spec, straight into --out', () => {
        const out = path.join(tmp, 'one');
        const result = cxspec('compile', 'examples', '--spec', 'MobileCarrierShop', '--out', out);
        expect(result.status).toBe(0);
        expect(Object.keys(readTree(out))).toEqual([
            'MobileCarrierShop.model.json', 'ShopVisitSurvey.distribution.json', 'ShopVisitSurvey.schema.json', 'ShopVisitSurvey.survey.json'
        ]);
    });

    it('refuses to write anything when a spec has errors, printing them as validate does (exit 1)', () => {
        const specDir = path.join(tmp, 'broken');
        fs.mkdirSync(specDir);
        fs.writeFileSync(path.join(specDir, 'broken.cx'), [
            'spec Broken { locales en default }',
            'survey S {',
            '  en "S"',
            '  question why: text when recomend <= 6 { en "Why?" }',
            '}',
            ''
        ].join('\n'));
        const out = path.join(tmp, 'broken-out');
        const result = cxspec('compile', specDir, '--out', out);
        expect(result.status).toBe(1);
        expect(result.stdout).toBe('');
        expect(result.stderr).toContain("broken/broken.cx:4:27 error CX001 Unknown field 'recomend'");
        expect(result.stderr).toContain('nothing was written');
        expect(fs.existsSync(out)).toBe(false);
    });

    it('refuses display logic SurveyJS cannot express, with its location (exit 1)', () => {
        const specDir = path.join(tmp, 'numeric-text');
        fs.mkdirSync(specDir);
        fs.writeFileSync(path.join(specDir, 'spec.cx'), [
            'spec NumericText { locales en default }',
            'survey S {',
            '  en "S"',
            '  question code: text { en "Code?" }',
            '  question ok: boolean when code = "42" { en "OK?" }',
            '}',
            ''
        ].join('\n'));
        const out = path.join(tmp, 'numeric-text-out');
        const result = cxspec('compile', specDir, '--out', out);
        expect(result.status).toBe(1);
        expect(result.stderr).toMatch(/spec\.cx:5:3 error CX901 Display logic of question 'ok' cannot be compiled: SurveyJS reads the string "42" as a number/);
        expect(fs.existsSync(out)).toBe(false);
    });

    it('exits 2 on a path that cannot be read, and on a missing --out', () => {
        const out = path.join(tmp, 'missing-out');
        const missing = cxspec('compile', 'examples/no-such-folder', '--out', out);
        expect(missing.status).toBe(2);
        expect(missing.stderr).toBe('cxspec compile: examples/no-such-folder: no such file or folder\n');
        expect(fs.existsSync(out)).toBe(false);
        const noOut = cxspec('compile', 'examples');
        expect(noOut.status).toBe(2);
        expect(noOut.stderr).toMatch(/^cxspec compile: choose the output folder with --out <dir>\n/);
        // A file where the output folder should be: root in CI can write anywhere else.
        const blocker = path.join(tmp, 'a-file');
        fs.writeFileSync(blocker, '');
        const blocked = cxspec('compile', 'examples/coffee-mobile-order', '--out', blocker);
        expect(blocked.status).toBe(2);
        expect(blocked.stderr).toBe(`cxspec compile: cannot write ${path.join(blocker, 'AfterPickup.distribution.json')} (EEXIST)\n`);
    });
});
