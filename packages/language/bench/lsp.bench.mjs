// Language-server latency on a generated 10,000-line workspace, measured as VS Code sees it: the
// bundled server (packages/extension/dist/server.cjs, from `npm run build`) over stdio.
// Figures: time to the first diagnostics after start, diagnostics after a one-character edit, and
// completion latency (median and p95), each against its target and against a reference measured
// in the same run: a bare JSON-RPC round trip to the same server (an unknown method, answered
// without work), so the ratio shows what the language work costs on top of the transport.
// Exits non-zero only when the server crashes or a step cannot complete.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';

const root = path.resolve(import.meta.dirname, '../../..');
const serverPath = path.join(root, 'packages/extension/dist/server.cjs');
const workspace = path.join(root, '.bench/lsp-workspace');
const TARGET_LINES = 10_000;
const EDITS = 30;
const COMPLETIONS = 200;
const ROUND_TRIPS = 200;
const showProgress = process.stderr.isTTY && !process.env.CI;

function progress(message) {
    if (showProgress) process.stderr.write(`\r\x1b[K${message}`);
}

/**
 * One spec split over files of ~500 lines, each built only from constructs real specs use (as in
 * examples/): journeys with described stages and owned touchpoints, surveys with every question
 * kind, display logic and options, segments on answers and on CRM columns, a CRM dataset with a
 * lifecycle, metrics of every function with targets, and driver analyses. Comments stay at the
 * share the examples have (a header line per block), so the server parses and links real work.
 */
function generateWorkspace() {
    fs.rmSync(workspace, { recursive: true, force: true });
    fs.mkdirSync(workspace, { recursive: true });
    const header = 'spec Bench {\n  ja "ベンチマーク"\n  en "Benchmark"\n\n  locales ja default, en\n  limits questions 40 seconds 900\n}\n';
    fs.writeFileSync(path.join(workspace, 'spec.cx'), header);
    let lines = header.split('\n').length - 1;
    let comments = 0;
    let fileNo = 0;
    while (lines < TARGET_LINES) {
        const f = String(fileNo).padStart(3, '0');
        const out = ['spec Bench', ''];
        out.push(`// ---------------------------------------------------------------- CRM ${f}`);
        out.push(`dataset Customers${f} {`, `  ja "顧客マスタ ${f}"`, `  en "Customers ${f} (CRM export)"`, '  key customer_id',
            '  column plan: starter | growth | enterprise', '  column mrr: number', '  column signed_up: date', '  column churned_on: date',
            '  column region: text', '  lifecycle start signed_up end churned_on', '}', '');
        out.push(`segment Enterprise${f} {`, `  ja "エンタープライズ ${f}"`, `  en "Enterprise ${f}"`, `  where Customers${f}.plan = enterprise`, '}', '');
        out.push(`metric churn_${f} {`, `  ja "解約率 ${f}"`, `  en "Churn ${f}"`, `} = churn(Customers${f}) by [Enterprise${f}] per quarter target <= 3% warn 2%`, '');
        out.push(`metric retention_${f} = retention(Customers${f}) per year target >= 90% warn 93%`);
        out.push(`metric clv_${f} = clv(Customers${f}.mrr) margin 70% discount 10% target >= 3000000 warn 3500000`);
        out.push(`metric mrr_${f} = mean(Customers${f}.mrr) by [Enterprise${f}] per quarter target >= 80000 warn 90000`);
        out.push(`metric upper_mix_${f} = rate(Customers${f} where plan != starter) per quarter target >= 40% warn 45%`, '');
        for (let u = 0; out.length < 440; u++) {
            const n = `${f}_${u}`;
            out.push(`// ---------------------------------------------------------------- journey ${n}`);
            out.push(`journey Journey${n} {`, `  ja "購入体験 ${n}"`, `  en "Purchase journey ${n}"`,
                '  description {', '    ja "店頭とアプリでの購入から受け取りまで。"', '    en "From ordering in the app or in store to pick-up."', '  }');
            for (let s = 0; s < 3; s++) {
                out.push(`  stage Stage${n}_${s} {`, `    ja "段階 ${s}"`, `    en "Stage ${s}"`);
                for (let t = 0; t < 3; t++) {
                    out.push(`    touchpoint Tp${n}_${s}_${t} channel ${['app', 'web', 'store'][t]} owner "Team ${s}" { ja "接点 ${s}-${t}" en "Touchpoint ${s}-${t}" }`);
                }
                out.push('  }');
            }
            out.push('}', '');
            out.push(`survey Survey${n} {`, `  ja "購入後アンケート ${n}"`, `  en "After-purchase survey ${n}"`,
                `  trigger after Tp${n}_2_2 delay 2h sample 20% quarantine 30d expect 1600 per month`, '');
            out.push('  question recommend: nps required {', '    ja "このサービスを友人や同僚に薦める可能性はどのくらいありますか?"',
                '    en "How likely are you to recommend us to a friend or colleague?"',
                '    low { ja "まったく薦めない" en "Not at all likely" }', '    high { ja "強く薦める" en "Extremely likely" }', '  }');
            out.push('  question reason: text when recommend <= 6 {', '    ja "そう思われた理由を教えてください。"', '    en "What is the main reason for your score?"', '  }');
            const kinds = ['csat', 'ces', 'rating 1..5'];
            for (let s = 0; s < 3; s++) {
                for (let t = 0; t < 3; t++) {
                    out.push(`  question q${s}_${t}: ${kinds[t]} about Tp${n}_${s}_${t} {`, `    ja "接点 ${s}-${t} はいかがでしたか?"`, `    en "How was touchpoint ${s}-${t}?"`, '  }');
                }
            }
            out.push('  question visit: choice required {', '    ja "ご利用の目的は?"', '    en "What brought you here?"',
                '    option commute { ja "通勤" en "Commute" }', '    option work_break { ja "休憩" en "A break" }',
                '    option weekend { ja "休日" en "Day off" }', '    option other { ja "その他" en "Other" }', '  }');
            out.push('  question ready: boolean when visit in [commute, work_break] {', '    ja "到着時に商品はできていましたか?"', '    en "Was your order ready?"', '  }');
            out.push('  question extras: multichoice when visit != other and recommend >= 7 {', '    ja "他に利用した機能は?"', '    en "What else did you use?"',
                '    option rewards { ja "ポイント" en "Rewards" }', '    option coupons { ja "クーポン" en "Coupons" }', '  }');
            out.push('  thanks {', '    ja "ご回答ありがとうございました。"', '    en "Thank you for your answers."', '  }', '}', '');
            out.push(`segment Commuter${n} {`, '  ja "通勤客"', '  en "Commuters"', `  where Survey${n}.visit = commute`, '}', '');
            out.push(`metric nps_${n} {`, `  ja "NPS ${n}"`, `  en "NPS ${n}"`, `} = nps(Survey${n}.recommend) by [Commuter${n}] per month target >= 30 warn 35`);
            out.push(`metric csat_${n} = csat(Survey${n}.q0_0) per month target >= 80% warn 85% min sample 50`);
            out.push(`metric ease_${n} = top(Survey${n}.q1_1, 3) target >= 75% warn 80%`);
            out.push(`metric effort_${n} = mean(Survey${n}.q2_1) per month target <= 3 warn 2.5`);
            out.push(`metric not_ready_${n} = rate(Survey${n} where ready = false) per month target <= 10% warn 7%`);
            out.push(`drivers loyalty_${n} = Survey${n}.recommend by [q0_0, q1_1, q2_2, q0_2] method relative_weights`, '');
        }
        fs.writeFileSync(path.join(workspace, `part${f}.cx`), `${out.join('\n')}\n`);
        lines += out.length;
        comments += out.filter(l => l.trimStart().startsWith('//')).length;
        fileNo++;
    }
    return { files: fileNo + 1, lines, comments };
}

function stats(samples) {
    const sorted = [...samples].sort((a, b) => a - b);
    const at = q => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
    return { median: at(0.5), p95: at(0.95), n: sorted.length };
}

const ms = x => `${x.toFixed(1)} ms`;

/**
 * CPU time the server process has used (user + system), from /proc on Linux; undefined elsewhere.
 * Wall times on a shared machine include waiting for a core; CPU time shows the work itself.
 */
function cpuMs(pid) {
    try {
        const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
        return (Number(fields[11]) + Number(fields[12])) * 10;
    } catch {
        return undefined;
    }
}

const cpuText = (from, to, runs = 1) => (from === undefined || to === undefined ? 'n/a' : ms((to - from) / runs));

async function main() {
    if (!fs.existsSync(serverPath)) throw new Error(`${serverPath} is missing; run \`npm run build\` first.`);
    const generated = generateWorkspace();
    console.log(`workspace: ${generated.files} files, ${generated.lines} lines (${(100 * generated.comments / generated.lines).toFixed(1)} % comment lines) in ${path.relative(root, workspace)}`);

    const spawnedAt = performance.now();
    const child = spawn(process.execPath, [serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    let crashed = false;
    child.on('exit', code => { if (code !== 0 && code !== null) crashed = true; });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const published = new Map();
    const listeners = new Set();
    connection.onNotification('textDocument/publishDiagnostics', params => {
        published.set(params.uri, params.diagnostics);
        for (const listener of listeners) listener(params);
    });
    connection.onRequest('workspace/configuration', params => params.items.map(() => null));
    connection.onRequest('client/registerCapability', () => null);
    connection.listen();
    const nextPublication = predicate => new Promise(resolve => {
        const listener = params => { if (predicate(params)) { listeners.delete(listener); resolve(params); } };
        listeners.add(listener);
    });

    const rootUri = pathToFileURL(workspace).toString();
    await connection.sendRequest('initialize', {
        processId: process.pid, rootUri, workspaceFolders: [{ uri: rootUri, name: 'bench' }],
        capabilities: { workspace: { configuration: true, workspaceFolders: true } }
    });
    const initializedIn = performance.now() - spawnedAt;
    progress('waiting for the first diagnostics');
    const cpuBeforeBuild = cpuMs(child.pid);
    const start = performance.now();
    const first = nextPublication(() => true);
    const all = new Promise(resolve => {
        const listener = () => { if (published.size >= generated.files) { listeners.delete(listener); resolve(); } };
        listeners.add(listener);
    });
    await connection.sendNotification('initialized', {});
    await first;
    const firstDiagnostics = performance.now() - start;
    await all;
    const allDiagnostics = performance.now() - start;
    const buildCpu = cpuText(cpuBeforeBuild, cpuMs(child.pid));
    const problems = [...published.values()].flat();
    const errors = problems.filter(d => d.severity === 1);
    if (errors.length > 0) throw new Error(`the generated workspace has errors, e.g. ${errors[0].message}`);

    // Reference: a bare round trip (MethodNotFound is answered by the JSON-RPC layer).
    const trips = [];
    for (let i = 0; i < ROUND_TRIPS; i++) {
        const t = performance.now();
        await connection.sendRequest('bench/unknown', {}).catch(() => undefined);
        trips.push(performance.now() - t);
    }
    const trip = stats(trips);

    const file = path.join(workspace, 'part005.cx');
    const uri = pathToFileURL(file).toString();
    const text = fs.readFileSync(file, 'utf8');
    let version = 1;
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'cxspec', version, text } });
    await nextPublication(p => p.uri === uri);

    // One-character edits inside a question text: type a letter, then delete it, as a user does.
    const anchor = text.indexOf('接点 0-1 はいかがでしたか');
    const before = text.slice(0, anchor);
    const position = { line: before.split('\n').length - 1, character: anchor - before.lastIndexOf('\n') - 1 };
    const editTimes = [];
    const cpuBeforeEdits = cpuMs(child.pid);
    for (let i = 0; i < EDITS; i++) {
        progress(`edit ${i + 1}/${EDITS}`);
        const insert = i % 2 === 0;
        const range = insert ? { start: position, end: position } : { start: position, end: { line: position.line, character: position.character + 1 } };
        version++;
        const t = performance.now();
        const done = nextPublication(p => p.uri === uri);
        await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text: insert ? 'x' : '' }] });
        await done;
        editTimes.push(performance.now() - t);
    }
    const edit = stats(editTimes);
    const editCpu = cpuText(cpuBeforeEdits, cpuMs(child.pid), EDITS);

    // Completion after `about ` in the opened file: offers the touchpoints of the whole spec.
    const aboutAt = text.indexOf('about Tp005_0_2_1') + 'about '.length;
    const aboutBefore = text.slice(0, aboutAt);
    const completionPosition = { line: aboutBefore.split('\n').length - 1, character: aboutAt - aboutBefore.lastIndexOf('\n') - 1 };
    const completionTimes = [];
    const cpuBeforeCompletions = cpuMs(child.pid);
    let offered = 0;
    for (let i = 0; i < COMPLETIONS; i++) {
        if (i % 20 === 0) progress(`completion ${i + 1}/${COMPLETIONS}`);
        const t = performance.now();
        const result = await connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: completionPosition });
        completionTimes.push(performance.now() - t);
        offered = (Array.isArray(result) ? result : result.items).length;
    }
    const completion = stats(completionTimes);
    const completionCpu = cpuText(cpuBeforeCompletions, cpuMs(child.pid), COMPLETIONS);
    progress('');

    let peakRss = 'n/a';
    try {
        const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
        peakRss = `${Math.round(Number(/VmHWM:\s+(\d+)/.exec(status)[1]) / 1024)} MB`;
    } catch {
        // Not Linux: the figure is optional.
    }

    const verdict = (value, target) => (value < target ? 'meets' : 'MISSES');
    console.log(`machine: ${os.cpus().length} CPUs, load average ${os.loadavg().map(l => l.toFixed(1)).join(' ')} (figures scale with load)`);
    console.log(`server start to initialize answered (bundle load, grammar and parser set-up): ${ms(initializedIn)}`);
    console.log(`reference: JSON-RPC round trip median ${ms(trip.median)}, p95 ${ms(trip.p95)} (n=${trip.n})`);
    console.log(`first diagnostics: ${ms(firstDiagnostics)} after \`initialized\` (target < 1000 ms: ${verdict(firstDiagnostics, 1000)}; ${ms(initializedIn + firstDiagnostics)} from spawn); all ${generated.files} files: ${ms(allDiagnostics)}; server CPU ${buildCpu}; ${problems.length} warnings/hints, 0 errors`);
    console.log(`diagnostics after a one-character edit: median ${ms(edit.median)}, p95 ${ms(edit.p95)} (n=${edit.n}; target < 150 ms: ${verdict(edit.p95, 150)}; ${(edit.median / trip.median).toFixed(0)}x a round trip); server CPU ${editCpu} per edit`);
    console.log(`completion after 'about ' (${offered} items): median ${ms(completion.median)}, p95 ${ms(completion.p95)} (n=${completion.n}; target < 50 ms: ${verdict(completion.p95, 50)}; ${(completion.median / trip.median).toFixed(0)}x a round trip); server CPU ${completionCpu} per request`);
    console.log(`server peak RSS: ${peakRss}`);

    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
    await new Promise(resolve => child.once('exit', resolve));
    connection.dispose();
    if (crashed) throw new Error('the language server exited abnormally');
}

main().catch(error => {
    progress('');
    console.error(`lsp bench failed: ${error.message}`);
    process.exit(1);
});
