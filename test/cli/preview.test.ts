/**
 * `cxspec preview` as users run it: the built CLI bundle in a child process. Exit codes, messages
 * with file:line:col for spec errors, and the same bytes on every run.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/chromium.js';

const out = tempDir('preview-cli');

function cxspec(...args: string[]) {
    const result = spawnSync(process.execPath, ['packages/cli/dist/cxspec.mjs', 'preview', ...args], { encoding: 'utf8', env: { ...process.env, CI: '1' } });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('cxspec preview', () => {
    it('writes a standalone file, byte-identical on a second run', () => {
        const first = path.join(out, 'a', 'coffee.html');
        const second = path.join(out, 'coffee-again.html');
        expect(cxspec('examples/coffee-mobile-order', '--out', first)).toEqual({
            code: 0, stdout: `wrote ${first} (CoffeeMobileOrder, survey AfterPickup)\n`, stderr: ''
        });
        expect(cxspec('examples/coffee-mobile-order', '--journey', 'MobileOrder', '--out', second).code).toBe(0);
        expect(cxspec('examples/coffee-mobile-order', '--out', second).code).toBe(0);
        expect(fs.readFileSync(second)).toEqual(fs.readFileSync(first));
        const html = fs.readFileSync(first, 'utf8');
        expect(html.startsWith('<!DOCTYPE html>\n<html lang="ja">\n<head>\n<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy"')).toBe(true);
        expect(html).not.toMatch(/\b(src|href)="https?:/);
    });

    it('prints the spec errors as validate does and exits 1', () => {
        const dir = path.join(out, 'broken');
        fs.mkdirSync(dir, { recursive: true });
        fs.writeFileSync(path.join(dir, 'broken.cx'), 'spec Broken {\n  locales en default\n}\n\nsurvey S {\n  en "S"\n  trigger after Nowhere\n}\n');
        const result = cxspec(dir, '--out', path.join(out, 'broken.html'));
        expect(result.code).toBe(1);
        expect(result.stderr).toMatch(/^.*broken\.cx:7:17 error \S+ .*Nowhere.*\n$/);
        expect(fs.existsSync(path.join(out, 'broken.html'))).toBe(false);
    });

    it('rejects an unknown survey, a missing --out and two focuses with exit 2', () => {
        const unknown = cxspec('examples/coffee-mobile-order', '--survey', 'Nope', '--out', path.join(out, 'x.html'));
        expect([unknown.code, unknown.stderr.split('\n')[0]]).toEqual([2, "cxspec preview: spec 'CoffeeMobileOrder' has no survey named 'Nope' (found: AfterPickup)"]);
        const noOut = cxspec('examples/coffee-mobile-order');
        expect([noOut.code, noOut.stderr.split('\n')[0]]).toEqual([2, 'cxspec preview: name the HTML file to write with --out']);
        const both = cxspec('examples/coffee-mobile-order', '--survey', 'AfterPickup', '--journey', 'MobileOrder', '--out', path.join(out, 'x.html'));
        expect([both.code, both.stderr.split('\n')[0]]).toEqual([2, 'cxspec preview: choose either --survey or --journey, not both']);
        const missing = cxspec('examples/no-such-folder', '--out', path.join(out, 'x.html'));
        expect([missing.code, missing.stderr]).toEqual([2, 'cxspec preview: examples/no-such-folder: no such file or folder\n']);
    });
});
