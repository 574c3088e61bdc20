// Benchmark of reading a JSON array of SurveyJS responses with readRecords: the streaming scanner
// against the whole-file JSON.parse it replaced (read-records.ts at BENCH_BASELINE, bundled from
// git in the same run), on generated files of 200,000 and 600,000 responses. Each read runs in its
// own process; prints wall time, CPU time, peak RSS and the ratios. Streaming should stay within
// ~1.5x of the old time and keep the same peak RSS at 3x the rows. BENCH_ROWS=100000,300000 picks
// other sizes. Run with `npm run bench -- json-array`.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { seeded } from '../../../scripts/seeded.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../../..');
const input = path.join(repo, 'packages/metrics/src/input');
const out = path.join(repo, '.bench', 'json-array');
const sizes = (process.env.BENCH_ROWS ?? '200000,600000').split(',').map(Number);
// The last commit whose read-records.ts parsed a JSON array whole.
const baseline = process.env.BENCH_BASELINE ?? '0c2301c';
fs.mkdirSync(out, { recursive: true });

async function bundle(name, contents) {
    const outfile = path.join(out, `${name}.mjs`);
    await build({
        stdin: { contents, resolveDir: input, sourcefile: `${name}.ts`, loader: 'ts' },
        bundle: true, platform: 'node', format: 'esm', target: 'node22', outfile, logLevel: 'warning'
    });
    return outfile;
}

const streaming = await bundle('streaming', fs.readFileSync(path.join(input, 'read-records.ts'), 'utf8'));
const whole = await bundle('whole', execFileSync('git', ['show', `${baseline}:packages/metrics/src/input/read-records.ts`], { cwd: repo, encoding: 'utf8' }));
const runner = path.join(out, 'run.mjs');
fs.writeFileSync(runner, `const { readRecords } = await import(process.argv[2]);
let n = 0, cells = 0;
const t0 = performance.now();
const info = await readRecords(process.argv[3], {}, r => { n++; cells += r.values.length; });
process.stdout.write(JSON.stringify({ ms: performance.now() - t0, n, cells, rowsRead: info.rowsRead }));
`);


/** One survey.data object per line: ids, a timestamp, NPS/CSAT/CES, a matrix, a checkbox list and a comment. */
function generate(rows, file) {
    if (fs.existsSync(file)) return;
    const rnd = seeded(rows);
    const pick = list => list[Math.floor(rnd() * list.length)];
    const comments = ['', 'fast pickup', 'coffee was cold, "lukewarm" really', 'app crashed at checkout \\ retry worked', '待ち時間が長い', 'great {service} [again]'];
    const fd = fs.openSync(file + '.tmp', 'w');
    let buf = '[\n';
    for (let i = 0; i < rows; i++) {
        const rate = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));
        const data = {
            respondent_id: `r${i}`,
            submitted_at: new Date(Date.UTC(2025, 0, 1) + Math.floor(rnd() * 365 * 86_400_000)).toISOString(),
            nps: rate(0, 10), csat: rate(1, 5), ces: rate(1, 7),
            touchpoints: { order: rate(1, 5), wait: rate(1, 5), staff: rate(1, 5), pickup: rate(1, 5) },
            improve: rnd() < 0.5 ? ['speed'] : ['speed', 'price'],
            plan: pick(['basic', 'plus', 'pro']),
            comment: pick(comments)
        };
        buf += (i ? ',\n' : '') + JSON.stringify(data);
        if (buf.length > 1 << 20) { fs.writeSync(fd, buf); buf = ''; }
    }
    fs.writeSync(fd, buf + '\n]\n');
    fs.closeSync(fd);
    fs.renameSync(file + '.tmp', file);
}

/** Runs the reader bundle on a file in its own process: wall and CPU time in s, peak RSS in MB. */
function measure(reader, file) {
    const usageFile = path.join(out, 'usage.json');
    fs.rmSync(usageFile, { force: true });
    const r = spawnSync(process.execPath, ['--import', path.join(here, 'usage.mjs'), runner, reader, file], {
        encoding: 'utf8', env: { ...process.env, CX_BENCH_USAGE_FILE: usageFile }
    });
    if (r.status !== 0) throw new Error(`${reader} on ${file} exited ${r.status}: ${r.stderr}`);
    const usage = JSON.parse(fs.readFileSync(usageFile, 'utf8'));
    return { ...JSON.parse(r.stdout), cpu: usage.cpu / 1e6, rssMB: usage.maxRSS / 1024 };
}

const fmt = (x, d = 2) => x.toFixed(d);
const results = [];
for (const rows of sizes) {
    const file = path.join(out, `responses-${rows}.json`);
    generate(rows, file);
    const mb = fs.statSync(file).size / 1048576;
    process.stdout.write(`\n${rows.toLocaleString('en')} responses, ${fmt(mb, 1)} MB JSON array\n`);
    const old = measure(whole, file);
    const ours = measure(streaming, file);
    if (ours.n !== rows || old.n !== rows || ours.cells !== old.cells) throw new Error(`readers disagree: ${JSON.stringify({ old, ours })}`);
    process.stdout.write(`  whole JSON.parse  read ${fmt(old.ms / 1000)} s  CPU ${fmt(old.cpu)} s  peak RSS ${fmt(old.rssMB, 1)} MB\n`);
    process.stdout.write(`  streaming         read ${fmt(ours.ms / 1000)} s  CPU ${fmt(ours.cpu)} s  peak RSS ${fmt(ours.rssMB, 1)} MB\n`);
    process.stdout.write(`  ratio streaming/whole: read ${fmt(ours.ms / old.ms)}, CPU ${fmt(ours.cpu / old.cpu)}, memory ${fmt(ours.rssMB / old.rssMB)}\n`);
    results.push({ rows, old, ours });
}
if (results.length > 1) {
    const [a, b] = [results[0], results[results.length - 1]];
    const growth = key => `${fmt(a[key].rssMB, 1)} MB at ${a.rows.toLocaleString('en')}, ${fmt(b[key].rssMB, 1)} MB at ${b.rows.toLocaleString('en')} (×${fmt(b[key].rssMB / a[key].rssMB)} for ×${fmt(b.rows / a.rows, 1)} rows)`;
    process.stdout.write(`\npeak RSS, streaming: ${growth('ours')}\npeak RSS, whole JSON.parse: ${growth('old')}\n`);
}
