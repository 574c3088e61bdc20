// Parse + link + validate of a generated 10,000-line workspace, in process: cold (fresh services,
// as each `cxspec` run starts) and warm (services reused, as the language server rebuilds). Prints
// the median time of the full build, the time per 1,000 lines, the verdict on the target (under 1 s
// for 10,000 lines), and the ratio to a reference measured in the same run: parsing alone (lexing
// and building the AST of the same files), which shows what linking, indexing and validation cost
// on top of the parser.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(import.meta.dirname, '../../..');
const TARGET_LINES = 10_000;
const TARGET_MS = 1000;
const RUNS = 5;
const showProgress = process.stderr.isTTY && !process.env.CI;

function progress(message) {
    if (showProgress) process.stderr.write(`\r\x1b[K${message}`);
}

/** The language package as one ESM file (the sources are TypeScript; the CLI bundle runs main). */
async function loadLanguage() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cxspec-bench-'));
    const entry = path.join(dir, 'entry.ts');
    fs.writeFileSync(entry, [
        `export { createCxSpecServices, collectDiagnostics } from ${JSON.stringify(path.join(root, 'packages/language/src/index.ts'))};`,
        "export { URI } from 'langium';",
        "export { NodeFileSystem } from 'langium/node';"
    ].join('\n'));
    const outfile = path.join(dir, 'language.mjs');
    await esbuild.build({
        entryPoints: [entry], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node22', logLevel: 'warning',
        nodePaths: [path.join(root, 'node_modules')],
        banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" }
    });
    const language = await import(pathToFileURL(outfile).href);
    fs.rmSync(dir, { recursive: true, force: true });
    return language;
}

/** One spec over files of ~500 lines, each a journey, a dataset, a survey that measures every touchpoint, segments, metrics and drivers. */
function generateSources() {
    const files = [['spec.cx', 'spec Bench {\n    ja "ベンチマーク" en "Benchmark"\n    locales ja default, en\n    limits questions 40 seconds 900\n}\n']];
    let lines = 5;
    for (let f = 0; lines < TARGET_LINES; f++) {
        const n = String(f).padStart(3, '0');
        const out = ['spec Bench', ''];
        out.push(`segment Price${n} { ja "価格重視 ${n}" en "Price-driven ${n}" where V${n}.reason = price }`);
        out.push(`segment Gold${n} { ja "ゴールド ${n}" en "Gold ${n}" where D${n}.plan in [gold, platinum] and D${n}.mrr >= 100 }`, '');
        out.push(`journey J${n} {`, `    ja "ジャーニー ${n}" en "Journey ${n}"`, '    description {', `        ja "説明 ${n}"`, `        en "Description ${n}"`, '    }');
        for (let s = 0; s < 4; s++) {
            out.push(`    stage S${n}_${s} {`, `        ja "ステージ ${s}" en "Stage ${s}"`);
            for (let t = 0; t < 4; t++) {
                out.push(`        touchpoint T${n}_${s}_${t} channel ${['web', 'app', 'store', 'email'][t]} owner "Team ${s}" {`,
                    `            ja "接点 ${s}-${t}" en "Touchpoint ${s}-${t}"`, '        }');
            }
            out.push('    }');
        }
        out.push('}', '');
        out.push(`dataset D${n} {`, `    ja "顧客 ${n}" en "Customers ${n}"`, '    key customer_id', '    column plan: basic | gold | platinum',
            '    column mrr: number', '    column since: date', '    column until: date', '    lifecycle start since end until', '}', '');
        out.push(`survey V${n} {`, `    ja "アンケート ${n}" en "Survey ${n}"`, `    trigger after T${n}_3_3 delay 2h sample 20% quarantine 30d expect 2000 per month`, `    joins D${n}`);
        out.push('    question recommend: nps required {', '        ja "薦めますか?"', '        en "Would you recommend us?"',
            '        low { ja "全く思わない" en "Not at all likely" }', '        high { ja "非常にそう思う" en "Extremely likely" }', '    }');
        out.push('    question reason: choice when recommend <= 6 {', '        ja "主な理由は?" en "Main reason?"',
            '        option price { ja "価格" en "Price" }', '        option service { ja "サービス" en "Service" }', '        option other { ja "その他" en "Other" }', '    }');
        for (let s = 0; s < 4; s++) {
            for (let t = 0; t < 4; t++) {
                const logic = t === 3 ? ` when q${s}_0 <= 2 or (reason in [service, other] and not recommend >= 9)` : '';
                out.push(`    question q${s}_${t}: csat about T${n}_${s}_${t}${logic} {`, `        ja "満足度 ${s}-${t} はいかがですか?"`,
                    `        en "How satisfied are you with ${s}-${t}?"`, '        low { ja "不満" en "Dissatisfied" }', '        high { ja "満足" en "Satisfied" }', '    }');
            }
        }
        out.push('    question why: text when recommend is answered and reason != price {', '        ja "理由を教えてください" en "Tell us why"', '    }');
        out.push('    question again: boolean { ja "また使いますか?" en "Use again?" true { ja "はい" en "Yes" } false { ja "いいえ" en "No" } }');
        out.push('    thanks { ja "ありがとうございました" en "Thank you" }', '}', '');
        out.push(`metric nps_${n} { ja "NPS ${n}" en "NPS ${n}" } = nps(V${n}.recommend) by [Price${n}, Gold${n}] per month target >= 20 warn 30`);
        for (let s = 0; s < 4; s++) out.push(`metric csat_${n}_${s} = csat(V${n}.q${s}_0) per month target >= 70% warn 80%`);
        out.push(`metric ease_${n} = mean(V${n}.q0_1) per month target >= 3 warn 3.5`);
        out.push(`metric service_${n} = rate(V${n} where reason = service and D${n}.plan != basic) per month`);
        out.push(`metric churn_${n} = churn(D${n}) per month target <= 5% warn 4%`);
        out.push(`metric clv_${n} = clv(D${n}.mrr) margin 60% discount 8%`);
        out.push(`drivers loyalty_${n} = V${n}.recommend by [q0_0, q1_0, q2_0, q3_0] method relative_weights`);
        const text = `${out.join('\n')}\n`;
        files.push([`part${n}.cx`, text]);
        lines += out.length;
    }
    return { files, lines };
}

/** Median, min and max of the samples' `key`. */
function summary(samples, key) {
    const values = samples.map(s => s[key]).sort((a, b) => a - b);
    return { median: values[Math.floor(values.length / 2)], min: values[0], max: values[values.length - 1] };
}

async function main() {
    progress('bundling the language package...');
    const { createCxSpecServices, collectDiagnostics, URI, NodeFileSystem } = await loadLanguage();
    const { files, lines } = generateSources();
    const base = path.join(os.tmpdir(), 'cxspec-bench-workspace');

    /** One build of the whole workspace; the time to create services is not counted. */
    const run = async (shared, tag) => {
        const cpu0 = process.cpuUsage();
        const t0 = performance.now();
        const documents = files.map(([name, text]) => {
            const document = shared.workspace.LangiumDocumentFactory.fromString(text, URI.file(path.join(base, tag, name)));
            shared.workspace.LangiumDocuments.addDocument(document);
            return document;
        });
        const t1 = performance.now();
        const cpu1 = process.cpuUsage(cpu0);
        await shared.workspace.DocumentBuilder.build(documents, { validation: true });
        const t2 = performance.now();
        const cpu2 = process.cpuUsage(cpu0);
        const diagnostics = collectDiagnostics(documents, path.join(base, tag));
        // Remove the files again so the next build in the same services starts from an empty workspace.
        await shared.workspace.DocumentBuilder.update([], documents.map(d => d.uri));
        return {
            parse: t1 - t0, total: t2 - t0,
            parseCpu: (cpu1.user + cpu1.system) / 1000, totalCpu: (cpu2.user + cpu2.system) / 1000,
            diagnostics
        };
    };

    progress('warming up...');
    const first = await run(createCxSpecServices(NodeFileSystem).shared, 'warm-up');
    if (first.diagnostics.length > 0) {
        process.stderr.write(`bench: the generated workspace should validate clean, but reports:\n${first.diagnostics.slice(0, 5).map(d => `${d.file}:${d.line}:${d.column} ${d.code} ${d.message}`).join('\n')}\n`);
        process.exit(1);
    }
    // Cold: fresh services per build, as each `cxspec` run starts (the parser's lookahead cache is empty).
    const cold = [];
    for (let i = 0; i < RUNS; i++) {
        progress(`cold run ${i + 1}/${RUNS}...`);
        globalThis.gc?.();
        cold.push(await run(createCxSpecServices(NodeFileSystem).shared, `cold${i}`));
    }
    // Warm: one set of services rebuilding the workspace, as the language server does.
    const { shared } = createCxSpecServices(NodeFileSystem);
    await run(shared, 'warm');
    const warm = [];
    for (let i = 0; i < RUNS; i++) {
        progress(`warm run ${i + 1}/${RUNS}...`);
        globalThis.gc?.();
        warm.push(await run(shared, `warm${i}`));
    }
    if (showProgress) process.stderr.write('\r\x1b[K');

    const ms = x => `${x.toFixed(0)} ms`;
    console.log(`workspace: ${files.length} files, ${lines} lines (generated in memory), ${RUNS} runs each, medians`);
    for (const [label, samples] of [['cold (CLI)', cold], ['warm (server)', warm]]) {
        const total = summary(samples, 'total');
        const cpu = summary(samples, 'totalCpu');
        const parse = summary(samples, 'parse');
        const parseCpu = summary(samples, 'parseCpu');
        const scaled = total.median * TARGET_LINES / lines;
        console.log(`${label}:`);
        console.log(`  parse + link + validate: ${ms(total.median)} wall (min ${ms(total.min)}, max ${ms(total.max)}), ${ms(cpu.median)} CPU`);
        console.log(`  per 1,000 lines:         ${(total.median / (lines / 1000)).toFixed(1)} ms wall, ${(cpu.median / (lines / 1000)).toFixed(1)} ms CPU`);
        console.log(`  target < ${TARGET_MS} ms per ${TARGET_LINES} lines: ${scaled < TARGET_MS ? 'met' : 'MISSED'} (${ms(scaled)} wall scaled to ${TARGET_LINES} lines)`);
        console.log(`  reference, parse only:   ${ms(parse.median)} wall, ${ms(parseCpu.median)} CPU; full build / parse = ${(total.median / parse.median).toFixed(2)}x wall, ${(cpu.median / parseCpu.median).toFixed(2)}x CPU`);
    }
    console.log('Wall time exceeds CPU time when other processes share the cores.');
}

await main();
