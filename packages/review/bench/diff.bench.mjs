// `cxspec diff` on a generated spec of 2,000 questions against a second version with renamed,
// reworded, rescaled and reordered questions, run through the built CLI (packages/cli/dist, from
// `npm run build`) as CI runs it. Reference measured in the same run: `cxspec validate` of each
// version (two processes, as a CI job checking both would run), i.e. parsing, linking and
// validating the two sides that any diff has to load. The ratio shows what the semantic diff
// (matching, rename detection, rendering) costs compared with that; below 1 means the diff's own
// work costs less than the second process start it saves.
// It also checks that every planted rename is found as a rename. Exits non-zero on a wrong result.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const root = path.resolve(import.meta.dirname, '../../..');
const cli = path.join(root, 'packages/cli/dist/cxspec.mjs');
const SURVEYS = 40;
const QUESTIONS = 50;
const RUNS = 3;
const showProgress = process.stderr.isTTY && !process.env.CI;

if (!fs.existsSync(cli)) {
    process.stderr.write(`diff.bench: ${cli} is missing; run 'npm run build' first ('npm run bench' does)\n`);
    process.exit(2);
}

const WORDS = ['delivery', 'checkout', 'payment', 'menu', 'staff', 'wait', 'price', 'app', 'store', 'support', 'refund', 'quality'];

/** One spec: a journey with a touchpoint per survey, SURVEYS surveys of QUESTIONS questions, metrics. */
function spec(version) {
    const lines = ['spec Bench {', '  locales en default, ja', '}', '', 'journey Main {', '  en "Main" ja "メイン"'];
    for (let s = 0; s < SURVEYS; s++) {
        lines.push(`  stage St${s} {`, `    en "Stage ${s}" ja "ステージ${s}"`, `    touchpoint Tp${s} channel app { en "Touchpoint ${s}" ja "タッチポイント${s}" }`, '  }');
    }
    lines.push('}', '');
    for (let s = 0; s < SURVEYS; s++) {
        lines.push(`survey Sv${s} {`, `  en "Survey ${s}" ja "アンケート${s}"`, `  trigger after Tp${s} sample 10%`);
        lines.push(`  question q0: nps required { en "How likely are you to recommend ${WORDS[s % WORDS.length]}?" ja "${s}番を薦めますか?" }`);
        for (let q = 1; q < QUESTIONS; q++) {
            const renamed = version === 2 && q % 10 === 3;
            const name = renamed ? `r${q}_renamed` : `q${q}`;
            const reworded = version === 2 && q % 7 === 0 ? ' overall' : '';
            const scale = version === 2 && q % 11 === 5 ? '1..7' : '1..5';
            lines.push(`  question ${name}: rating ${scale} about Tp${s} {`,
                `    en "How satisfied were you with the ${WORDS[q % WORDS.length]} at step ${q} of survey ${s}${reworded}?"`,
                `    ja "アンケート${s}の手順${q}の${WORDS[q % WORDS.length]}に満足しましたか?"`, '  }');
        }
        lines.push('}', '', `metric nps${s} = nps(Sv${s}.q0) target >= 20`, `metric sat${s} = top(Sv${s}.q1, 2) target >= 70%`, '');
    }
    return lines.join('\n') + '\n';
}

function expectedRenames() {
    let n = 0;
    for (let q = 1; q < QUESTIONS; q++) if (q % 10 === 3) n++;
    return n * SURVEYS;
}

function run(args) {
    const start = performance.now();
    const result = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, CI: 'true' } });
    const ms = performance.now() - start;
    if (result.status !== 0) throw new Error(`cxspec ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
    return { ms, stdout: result.stdout };
}

function median(values) {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)];
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cxspec-diff-bench-'));
try {
    for (const version of [1, 2]) {
        fs.mkdirSync(path.join(dir, `v${version}`));
        fs.writeFileSync(path.join(dir, `v${version}`, 'bench.cx'), spec(version));
    }
    const v1 = path.join(dir, 'v1');
    const v2 = path.join(dir, 'v2');
    const lineCount = spec(1).split('\n').length;
    const reference = [];
    const diffs = [];
    let output = '';
    for (let i = 0; i < RUNS; i++) {
        if (showProgress) process.stderr.write(`\r\x1b[Krun ${i + 1}/${RUNS}`);
        reference.push(run(['validate', v1]).ms + run(['validate', v2]).ms);
        const diff = run(['diff', v1, v2, '--format', 'json']);
        diffs.push(diff.ms);
        output = diff.stdout;
    }
    if (showProgress) process.stderr.write('\r\x1b[K');
    const json = JSON.parse(output);
    const changes = json.specs[0].changes;
    const renames = changes.filter(c => c.kind === 'question.renamed').length;
    const removedOrAdded = changes.filter(c => c.kind === 'question.removed' || c.kind === 'question.added').length;
    const referenceMs = median(reference);
    const diffMs = median(diffs);
    console.log(`spec: ${SURVEYS} surveys x ${QUESTIONS} questions = ${SURVEYS * QUESTIONS} questions, ${lineCount} lines per version`);
    console.log(`changes: ${changes.length} (breaking ${json.summary.breaking}, non-breaking ${json.summary['non-breaking']}, cosmetic ${json.summary.cosmetic})`);
    console.log(`renames found: ${renames} of ${expectedRenames()} planted; reported as removed/added instead: ${removedOrAdded}`);
    console.log(`reference (validate v1 + validate v2, median of ${RUNS}): ${referenceMs.toFixed(0)} ms`);
    console.log(`cxspec diff v1 v2 --format json (median of ${RUNS}): ${diffMs.toFixed(0)} ms`);
    console.log(`ratio diff / reference: ${(diffMs / referenceMs).toFixed(2)}`);
    if (renames !== expectedRenames() || removedOrAdded !== 0) {
        process.stderr.write('diff.bench: the planted renames were not all detected as renames\n');
        process.exitCode = 1;
    }
} finally {
    fs.rmSync(dir, { recursive: true, force: true });
}
