// The main job on the bundled examples: validate, compile, check, diff, preview, SQL, and score every example.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const cxspec = ['packages/cli/bin/cxspec.js'];
const steps = [
    ['validate', 'examples'],
    ['compile', 'examples', '--out', 'dist/examples'],
    // CI review: every diagnostic as GitHub annotations, then a semantic diff of two spec versions.
    ['check', 'examples', '--format', 'github'],
    ['diff', 'packages/review/test/fixtures/diff/v1', 'packages/review/test/fixtures/diff/v2-survey', '--format', 'text'],
    // A standalone preview a reviewer can open offline: survey, journey map and metric targets.
    ['preview', 'examples/coffee-mobile-order', '--out', 'dist/previews/coffee-mobile-order.html'],
    // The same metric definitions as warehouse SQL, with the tables they read.
    ['sql', 'examples/b2b-saas', '--dialect', 'postgres', '--ddl', '--out', 'dist/sql/b2b-saas.postgres.sql']
];

for (const args of steps) {
    process.stdout.write(`\n$ cxspec ${args.join(' ')}\n`);
    const result = spawnSync(process.execPath, [...cxspec, ...args], { stdio: 'inherit' });
    if (result.status !== 0) {
        process.stderr.write(`demo: 'cxspec ${args.join(' ')}' exited with ${result.status}\n`);
        process.exit(result.status ?? 1);
    }
}

// Score every example's responses and CRM exports (made by scripts/generate-responses.mjs) into
// dist/reports/<example>.html and .md. Exit 1 (a target missed) is a normal outcome here: the demo
// prints the verdicts and goes on; 2 (bad input or spec) fails it.
fs.mkdirSync('dist/reports', { recursive: true });
for (const example of fs.readdirSync('examples').sort()) {
    const dir = path.join('examples', example);
    const responses = path.join(dir, 'responses');
    if (!fs.existsSync(responses)) continue;
    const inputs = fs.readdirSync(responses).sort().flatMap(f => ['--responses', `${path.basename(f, '.csv')}=${path.join(responses, f)}`]);
    const data = path.join(dir, 'data');
    if (fs.existsSync(data)) inputs.push(...fs.readdirSync(data).sort().flatMap(f => ['--dataset', `${path.basename(f, '.csv')}=${path.join(data, f)}`]));
    for (const format of ['json', 'md', 'html']) {
        const out = format === 'json' ? [] : ['--out', path.join('dist/reports', `${example}.${format}`)];
        const args = ['score', dir, ...inputs, '--format', format, ...out];
        process.stdout.write(`\n$ cxspec ${args.join(' ')}\n`);
        const result = spawnSync(process.execPath, [...cxspec, ...args], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
        if (result.status !== 0 && result.status !== 1) {
            process.stderr.write(`demo: 'cxspec score ${dir}' exited with ${result.status}\n`);
            process.exit(result.status ?? 2);
        }
        if (format === 'json') {
            for (const m of Object.values(JSON.parse(result.stdout).metrics)) {
                process.stdout.write(`  ${(m.verdict ?? 'no target').padEnd(12)} ${m.name} = ${m.value === null ? '-' : Number(m.value.toFixed(2))} (n = ${m.n})\n`);
            }
        } else {
            process.stdout.write(`  wrote ${out[1]} (exit ${result.status}: ${result.status === 0 ? 'no target missed' : 'a target missed'})\n`);
        }
    }
}
