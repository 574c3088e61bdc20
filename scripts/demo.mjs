// The main job on the bundled examples: validate, compile, check, diff (against an edited copy of an
// example), preview, SQL, invitations from touchpoint events, and score every example; it ends by
// naming the files to open.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const cxspec = ['packages/cli/bin/cxspec.js'];

// The next version of an example, as a pull request would change it: a copy of coffee-mobile-order
// with a new question, a reworded translation, a new answer option and a raised target.
const nextVersion = 'dist/diff/coffee-mobile-order-v2';
fs.rmSync(nextVersion, { recursive: true, force: true });
fs.mkdirSync(nextVersion, { recursive: true });
for (const file of fs.readdirSync('examples/coffee-mobile-order').filter(f => f.endsWith('.cx'))) {
    fs.copyFileSync(path.join('examples/coffee-mobile-order', file), path.join(nextVersion, file));
}
edit('survey.cx', `    en "How well timed was the order-ready notification?"`, `    en "Did the order-ready notification come at the right time?"`);
edit('survey.cx', `  question drink: csat {`, `  question shelf_wait: rating 1..5 about PickupShelf {
    ja "ピックアップカウンターで商品を見つけるまでの時間はいかがでしたか?"
    en "How quickly did you find your order on the pick-up shelf?"
    low { ja "とても時間がかかった" en "It took very long" }
    high { ja "すぐに見つかった" en "Right away" }
  }

  question drink: csat {`);
edit('survey.cx', `    option meetup {`, `    option office { ja "職場へのテイクアウト" en "Taking it to the office" }
    option meetup {`);
edit('metrics.cx', `target >= 80% warn 85% min sample 50`, `target >= 85% warn 90% min sample 50`);

const steps = [
    ['validate', 'examples'],
    ['compile', 'examples', '--out', 'dist/examples'],
    // CI review: every diagnostic as GitHub annotations, then a semantic diff of two spec versions.
    ['check', 'examples', '--format', 'github'],
    ['diff', 'examples/coffee-mobile-order', nextVersion, '--format', 'text'],
    ['diff', 'examples/coffee-mobile-order', nextVersion, '--format', 'md', '--out', 'dist/diff/coffee-mobile-order.md'],
    // A standalone preview a reviewer can open offline: survey, journey map and metric targets.
    ['preview', 'examples/coffee-mobile-order', '--out', 'dist/previews/coffee-mobile-order.html'],
    // The same metric definitions as warehouse SQL, with the tables they read.
    ['sql', 'examples/b2b-saas', '--dialect', 'postgres', '--ddl', '--out', 'dist/sql/b2b-saas.postgres.sql'],
    // The listening program: four weeks of touchpoint events to the invitations due, under the
    // spec's sampling, quarantine and contact rules, with the contact history in a fresh state file.
    ['invite', 'examples/coffee-mobile-order', '--events', 'examples/coffee-mobile-order/events/touchpoint-events.csv',
        '--state', 'dist/program/coffee-mobile-order.state.db', '--now', '2026-04-01T00:00:00Z', '--out', 'dist/program/coffee-mobile-order.invitations.csv']
];
fs.rmSync('dist/program', { recursive: true, force: true });

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
const reports = [];
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
        // The report written with --out says so itself; the JSON one is summarised here, one line per metric.
        const result = spawnSync(process.execPath, [...cxspec, ...args], { stdio: ['ignore', format === 'json' ? 'pipe' : 'inherit', 'inherit'], encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
        if (result.status !== 0 && result.status !== 1) {
            process.stderr.write(`demo: 'cxspec score ${dir}' exited with ${result.status}\n`);
            process.exit(result.status ?? 2);
        }
        if (format === 'json') {
            for (const m of Object.values(JSON.parse(result.stdout).metrics)) {
                process.stdout.write(`  ${(m.verdict ?? 'no target').padEnd(12)} ${m.name} = ${m.value === null ? '-' : Number(m.value.toFixed(2))} (n = ${m.n})\n`);
            }
        }
        if (format === 'html') reports.push(out[1]);
    }
}

process.stdout.write(`
Open these files (no network needed):
  dist/previews/coffee-mobile-order.html  the survey as respondents see it, the journey map and the targets
${reports.map(r => `  ${r.padEnd(38)}  the scored report of ${path.basename(r, '.html')}`).join('\n')}
  dist/diff/coffee-mobile-order.md        the semantic diff of ${nextVersion} as a pull-request comment
  dist/examples/                          compiled SurveyJS surveys, response schemas and distribution rules
  dist/sql/b2b-saas.postgres.sql          warehouse SQL computing every metric
`);

/** Applies one change to the copy, failing loudly when the example no longer has the text. */
function edit(file, from, to) {
    const target = path.join(nextVersion, file);
    const text = fs.readFileSync(target, 'utf8');
    if (text.split(from).length !== 2) {
        process.stderr.write(`demo: ${path.join('examples/coffee-mobile-order', file)} no longer holds ${JSON.stringify(from)} once; update scripts/demo.mjs\n`);
        process.exit(2);
    }
    fs.writeFileSync(target, text.replace(from, to));
}
