/**
 * `npm run demo` after its build step (scripts/demo.mjs on the built bundles): every step exits as
 * expected, the diff compares an edited copy of an example (not test fixtures), and the demo ends
 * by naming files that exist.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from './run-cli.js';

describe('the demo', () => {
    it('diffs an edited copy of an example and ends by naming the files to open', () => {
        const run = spawnSync(process.execPath, [path.join(REPO, 'scripts/demo.mjs')], { cwd: REPO, encoding: 'utf8', env: { ...process.env, CI: '1' }, maxBuffer: 64 * 1024 * 1024 });
        expect(run.status, run.stderr).toBe(0);
        expect(run.stdout).not.toContain('test/fixtures');
        const diff = run.stdout.slice(run.stdout.indexOf('$ cxspec diff examples/coffee-mobile-order dist/diff/coffee-mobile-order-v2 --format text\n'));
        expect(diff.split('\n').slice(0, 3)).toEqual([
            '$ cxspec diff examples/coffee-mobile-order dist/diff/coffee-mobile-order-v2 --format text',
            'CoffeeMobileOrder: 1 breaking, 3 non-breaking, 0 cosmetic',
            '  non-breaking question.added    survey AfterPickup > question shelf_wait: Question \'shelf_wait\' (rating) was added at position 8.'
        ]);
        expect(run.stdout).toContain('\n$ cxspec diff examples/coffee-mobile-order dist/diff/coffee-mobile-order-v2 --format md --out dist/diff/coffee-mobile-order.md\nwrote dist/diff/coffee-mobile-order.md (md diff, 1 breaking change(s))\n');
        const closing = run.stdout.slice(run.stdout.lastIndexOf('\nOpen these files (no network needed):\n') + 1).trimEnd().split('\n');
        const files = closing.slice(1).map(line => line.trim().split(/\s+/)[0]);
        expect(files).toEqual([
            'dist/previews/coffee-mobile-order.html',
            ...['b2b-saas', 'coffee-mobile-order', 'd2c-ecommerce', 'life-insurance-sales', 'mobile-carrier-shop'].map(e => `dist/reports/${e}.html`),
            'dist/diff/coffee-mobile-order.md', 'dist/examples/', 'dist/sql/b2b-saas.postgres.sql'
        ]);
        for (const file of files) expect(fs.existsSync(path.join(REPO, file)), file).toBe(true);
    }, 300_000);
});
