// Benchmark of `cxspec score` end to end (the built CLI as its own process) on generated CSV files
// of 1,000,000 and 3,000,000 rows (NPS, CSAT, CES, 8 touchpoint ratings, a plan segment, a
// timestamp), against DuckDB computing the same figures from the same file in the same run (also
// its own process). Prints wall time, CPU time and peak RSS (getrusage of each child) and the
// ratios; CPU time says more than wall time when other work shares the machine.
// BENCH_ROWS=200000,1000000 picks other sizes; CXSPEC_SPLIT_BYTES=1e12 keeps `cxspec score` on one thread
// (files of 32 MB and more are split across two, docs/scoring.md). Run with `npm run bench -- score`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { seeded } from '../../../scripts/seeded.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../../..');
const out = path.join(repo, '.bench', 'score');
// What `npx cxspec` runs: the bin script turns on V8's compile cache before loading the bundle.
const cli = path.join(repo, 'packages/cli/bin/cxspec.js');
const sizes = (process.env.BENCH_ROWS ?? '1000000,3000000').split(',').map(Number);
fs.mkdirSync(out, { recursive: true });
if (!fs.existsSync(path.join(repo, 'packages/cli/dist/cxspec.mjs'))) throw new Error('packages/cli/dist is missing; run npm run build first');


function generate(rows, file) {
    if (fs.existsSync(file)) return;
    const rnd = seeded(rows);
    const days = Array.from({ length: 365 }, (_, d) => new Date(Date.UTC(2025, 0, 1) + d * 86_400_000).toISOString().slice(0, 11));
    const two = n => (n < 10 ? '0' : '') + n;
    const plans = ['basic', 'plus', 'pro'];
    const fd = fs.openSync(file + '.tmp', 'w');
    fs.writeSync(fd, 'respondent_id,submitted_at,nps,csat,ces,t1,t2,t3,t4,t5,t6,t7,t8,plan\n');
    let buf = '';
    for (let i = 0; i < rows; i++) {
        const latent = rnd();
        const rate = (lo, hi) => (rnd() < 0.03 ? '' : String(Math.round(lo + (hi - lo) * (0.6 * latent + 0.4 * rnd()))));
        const secs = Math.floor(rnd() * 86400);
        buf += `r${i},${days[Math.floor(rnd() * 365)]}${two(Math.floor(secs / 3600))}:${two(Math.floor(secs / 60) % 60)}:${two(secs % 60)}Z,`
            + `${Math.round(10 * (0.75 * latent + 0.25 * rnd()))},${rate(1, 5)},${rate(1, 7)},`
            + `${rate(1, 5)},${rate(1, 5)},${rate(1, 5)},${rate(1, 5)},${rate(1, 5)},${rate(1, 5)},${rate(1, 5)},${rate(1, 5)},${plans[Math.floor(rnd() * 3)]}\n`;
        if (buf.length > 1 << 20) { fs.writeSync(fd, buf); buf = ''; }
    }
    fs.writeSync(fd, buf);
    fs.closeSync(fd);
    fs.renameSync(file + '.tmp', file);
}

/** Runs a node script as a child with the usage preload: wall and CPU time in s, peak RSS in MB. */
function measure(args) {
    const usageFile = path.join(out, 'usage.json');
    fs.rmSync(usageFile, { force: true });
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, ['--import', path.join(here, 'usage.mjs'), ...args], {
        cwd: repo, encoding: 'utf8', maxBuffer: 1 << 26, env: { ...process.env, CI: '1', CX_BENCH_USAGE_FILE: usageFile }
    });
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
    const usage = JSON.parse(fs.readFileSync(usageFile, 'utf8'));
    return { seconds, cpu: usage.cpu / 1e6, rssMB: usage.maxRSS / 1024, stdout: r.stdout, stderr: r.stderr };
}

const fmt = (x, d = 2) => x.toFixed(d);
const results = [];
// One small run first, so the compile cache holds the bundle as it does for a user's second run.
generate(1000, path.join(out, 'responses-1000.csv'));
measure([cli, 'score', path.join(here, 'spec'), '--responses', path.join(out, 'responses-1000.csv'), '--out', path.join(out, 'warm-up.json')]);
for (const rows of sizes) {
    const csv = path.join(out, `responses-${rows}.csv`);
    const g0 = Date.now();
    generate(rows, csv);
    const mb = fs.statSync(csv).size / 1048576;
    process.stdout.write(`\n${rows.toLocaleString('en')} rows, ${fmt(mb, 1)} MB CSV (generated in ${fmt((Date.now() - g0) / 1000, 1)} s or reused)\n`);
    const resultFile = path.join(out, `result-${rows}.json`);
    const ours = measure([cli, 'score', path.join(here, 'spec'), '--responses', csv, '--out', resultFile]);
    const duck = measure([path.join(here, 'duckdb-score.mjs'), csv]);
    const result = JSON.parse(fs.readFileSync(resultFile, 'utf8'));
    const ref = JSON.parse(duck.stdout);
    const diff = Math.max(
        Math.abs(result.metrics.nps_all.value - ref.overall[0].nps),
        Math.abs(result.metrics.csat_all.value - ref.overall[0].csat),
        Math.abs(result.metrics.ces_mean.value - ref.overall[0].ces),
        ...result.drivers.loyalty.drivers.map(d => Math.abs(d.r - ref.drivers[0][`${d.question}_r`])));
    if (!(diff < 1e-9)) throw new Error(`evaluator and DuckDB disagree by ${diff}`);
    process.stdout.write(`  cxspec score  wall ${fmt(ours.seconds)} s  CPU ${fmt(ours.cpu)} s  peak RSS ${fmt(ours.rssMB, 1)} MB\n`);
    process.stdout.write(`  DuckDB        wall ${fmt(duck.seconds)} s  CPU ${fmt(duck.cpu)} s  peak RSS ${fmt(duck.rssMB, 1)} MB\n`);
    process.stdout.write(`  ratio cxspec/DuckDB: wall ${fmt(ours.seconds / duck.seconds)}, CPU ${fmt(ours.cpu / duck.cpu)}, memory ${fmt(ours.rssMB / duck.rssMB)}; figures agree to ${diff.toExponential(1)}\n`);
    results.push({ rows, ours, duck });
}
if (results.length > 1) {
    const [a, b] = [results[0], results[results.length - 1]];
    process.stdout.write(`\npeak RSS of cxspec score: ${fmt(a.ours.rssMB, 1)} MB at ${a.rows.toLocaleString('en')} rows, ${fmt(b.ours.rssMB, 1)} MB at ${b.rows.toLocaleString('en')} rows (×${fmt(b.ours.rssMB / a.ours.rssMB)} for ×${fmt(b.rows / a.rows, 1)} rows)\n`);
}
