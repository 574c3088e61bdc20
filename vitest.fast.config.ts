/**
 * `npm run test:fast`: the suite without the files that start Chromium or PostgreSQL and without the
 * CLI's end-to-end runs of the bundle (test/cli/, a third of the rest's CPU time), each property test
 * at PROPERTY_RUNS cases. The Chromium and PostgreSQL files are found, not listed: any test file
 * that calls launchChromium (test/support/chromium.ts) or startPostgres (test/support/postgres.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

const ROOT = import.meta.dirname;
const SLOW_TOOLS = /\b(launchChromium|startPostgres)\(/;

function testFiles(dir: string): string[] {
    return fs.readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })
        .filter(file => file.endsWith('.test.ts') && !file.split(path.sep).includes('node_modules'))
        .map(file => path.join(dir, file));
}

const packageTests = fs.readdirSync(path.join(ROOT, 'packages'))
    .filter(name => fs.existsSync(path.join(ROOT, 'packages', name, 'test')))
    .flatMap(name => testFiles(path.join('packages', name, 'test')));
const startsSlowTools = [...packageTests, ...testFiles('test')]
    .filter(file => SLOW_TOOLS.test(fs.readFileSync(path.join(ROOT, file), 'utf8')))
    .map(file => file.split(path.sep).join('/'));

export default mergeConfig(base, defineConfig({
    test: {
        exclude: ['**/node_modules/**', 'test/cli/**', ...startsSlowTools],
        // Files share a worker's loaded modules instead of a fresh process each: 56 s of CPU instead
        // of 98 s here, most of it Langium and survey-core loaded again per file. `npm test` keeps
        // each file isolated, so a test that leans on another file's leftovers still fails there.
        isolate: false,
        env: { PROPERTY_RUNS: process.env.PROPERTY_RUNS ?? '10' }
    }
}));
