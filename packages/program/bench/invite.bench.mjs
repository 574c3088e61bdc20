// Benchmark of `cxspec invite` end to end (the built CLI as its own process) on 1,000,000 generated
// touchpoint events of 200,000 customers over a year, for a spec of 3 surveys after 3 touchpoints
// with journey-wide contact rules (at most 1 per 30d, at most 3 per 365d), quarantine and priority.
// It runs into a fresh state file, then again on the same events (every pair already processed),
// and measures a plain read of the same file (read, split into lines, count the fields) in the same
// run as the reference. Prints wall time, CPU time and peak RSS of each child, the ratios to the
// reference, and the state file's size. BENCH_EVENTS=200000 picks another size. Run with
// `npm run bench -- invite`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../../..');
const out = path.join(repo, '.bench', 'invite');
const cli = path.join(repo, 'packages/cli/bin/cxspec.js');
// The metrics benchmarks' preload: writes the child's peak RSS and CPU time on exit.
const usagePreload = path.join(repo, 'packages/metrics/bench/usage.mjs');
const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const CUSTOMERS = 200_000;
fs.mkdirSync(out, { recursive: true });
if (!fs.existsSync(path.join(repo, 'packages/cli/dist/cxspec.mjs'))) throw new Error('packages/cli/dist is missing; run npm run build first');

const SPEC = `spec Bench {
    locales en
    contact at most 1 per 30d, at most 3 per 365d
    salt "bench"
}
journey J {
    stage Buy { touchpoint Order channel app touchpoint Pickup channel store }
    stage Help { touchpoint Support channel phone }
}
survey AfterOrder { en "Order" trigger after Order sample 30% quarantine 60d priority 3 question q: nps about Order { en "Q?" } }
survey AfterPickup { en "Pickup" trigger after Pickup delay 2h sample 20% quarantine 30d priority 2 question q: csat about Pickup { en "Q?" } }
survey AfterSupport { en "Support" trigger after Support delay 1d quarantine 90d priority 1 question q: ces about Support { en "Q?" } }
`;

/** A seeded stream (mulberry32), so the same events every run. */
function seeded(seed) {
    let state = seed >>> 0;
    return () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

function generate(file) {
    if (fs.existsSync(file)) return;
    const rnd = seeded(EVENTS);
    const start = Date.UTC(2025, 0, 1);
    const fd = fs.openSync(file + '.tmp', 'w');
    fs.writeSync(fd, 'event_id,customer,touchpoint,time,store\n');
    let buf = '';
    for (let i = 0; i < EVENTS; i++) {
        const r = rnd();
        const touchpoint = r < 0.5 ? 'Order' : r < 0.95 ? 'Pickup' : 'Support';
        const time = new Date(start + Math.floor(rnd() * 365 * 86400) * 1000).toISOString().slice(0, 19) + 'Z';
        buf += `e${i},C${Math.floor(rnd() * CUSTOMERS)},${touchpoint},${time},S${Math.floor(rnd() * 50)}\n`;
        if (buf.length > 1 << 20) { fs.writeSync(fd, buf); buf = ''; }
    }
    fs.writeSync(fd, buf);
    fs.closeSync(fd);
    fs.renameSync(file + '.tmp', file);
}

function measure(args) {
    const usageFile = path.join(out, 'usage.json');
    fs.rmSync(usageFile, { force: true });
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, ['--import', usagePreload, ...args], {
        cwd: repo, encoding: 'utf8', maxBuffer: 1 << 26, env: { ...process.env, CI: '1', CX_BENCH_USAGE_FILE: usageFile }
    });
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
    const usage = JSON.parse(fs.readFileSync(usageFile, 'utf8'));
    return { seconds, cpu: usage.cpu / 1e6, rssMB: usage.maxRSS / 1024, stderr: r.stderr };
}

const specFile = path.join(out, 'bench.cx');
fs.writeFileSync(specFile, SPEC);
const events = path.join(out, `events-${EVENTS}.csv`);
generate(events);
const readScript = path.join(out, 'plain-read.mjs');
fs.writeFileSync(readScript, `import fs from 'node:fs';
const lines = fs.readFileSync(process.argv[2], 'utf8').split('\\n');
let fields = 0;
for (const line of lines) fields += line.split(',').length;
process.stdout.write(String(fields));
`);
const state = path.join(out, 'state.db');
fs.rmSync(state, { force: true });
const inviteArgs = [cli, 'invite', specFile, '--events', events, '--state', state, '--now', '2026-01-01T00:00:00Z', '--out', path.join(out, 'invitations.csv')];

const reference = measure([readScript, events]);
const first = measure(inviteArgs);
const again = measure(inviteArgs);
const mb = bytes => (bytes / 1024 / 1024).toFixed(1);
const row = (name, m) => `${name.padEnd(34)} ${m.seconds.toFixed(2).padStart(7)} s wall ${m.cpu.toFixed(2).padStart(7)} s CPU ${m.rssMB.toFixed(0).padStart(6)} MB peak RSS`
    + `  (x${(m.seconds / reference.seconds).toFixed(1)} wall, x${(m.cpu / reference.cpu).toFixed(1)} CPU of the plain read)`;
process.stdout.write(`${EVENTS} events, ${CUSTOMERS} customers, 3 surveys; events file ${mb(fs.statSync(events).size)} MB\n`);
process.stdout.write(`${row('plain read (reference)', reference)}\n${row('invite, fresh state', first)}\n${row('invite again (all already decided)', again)}\n`);
process.stdout.write(`state file ${mb(fs.statSync(state).size)} MB\n`);
process.stdout.write(`${first.stderr.trimEnd().split('\n').slice(-2).join('\n')}\n`);
