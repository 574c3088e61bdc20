// Re-parsing a file while the user types a syntax error into a condition (`when ...`, `where ...`),
// as the language server does on every keystroke. Chevrotain builds its "expected one of" message
// from the token paths of the failing alternatives, so a grammar whose alternatives share a long
// prefix makes each error cost far more than the parse itself (it once cost ~150 ms per erroneous
// parse of examples/b2b-saas/metrics.cx). Prints, per example file with conditions, the mean time
// of an erroneous parse (the mean, since a few slow cases are the point) and the ratio to a
// reference measured in the same run: the median time of parsing the unedited file.
// Target: an erroneous parse costs under 3x a clean one.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { draws, seeded } from '../../../scripts/seeded.mjs';

const root = path.resolve(import.meta.dirname, '../../..');
const EDITS = 300;
const TARGET_RATIO = 3;
const showProgress = process.stderr.isTTY && !process.env.CI;

function progress(message) {
    if (showProgress) process.stderr.write(`\r\x1b[K${message}`);
}

/** The language package as one ESM file (the sources are TypeScript). */
async function loadLanguage() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cxspec-bench-'));
    const entry = path.join(dir, 'entry.ts');
    fs.writeFileSync(entry, [
        `export { createCxSpecServices } from ${JSON.stringify(path.join(root, 'packages/language/src/index.ts'))};`,
        "export { EmptyFileSystem } from 'langium';"
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

// What a user types inside a condition: operators, brackets, keywords, a stray quote, a name.
const FRAGMENTS = ['(', ')', '[', ']', '.', ',', '=', '<=', '!=', 'in', 'is', 'not', 'and', 'or', 'answered', '"', '{', '}', '5', 'x', '-'];

/** Edits that insert a fragment or delete a few characters within 30 characters after a `when`/`where` outside quotes. */
function conditionEdits(text) {
    const starts = [...text.matchAll(/\b(when|where) /g)]
        .filter(m => (text.slice(text.lastIndexOf('\n', m.index) + 1, m.index).match(/"/g) ?? []).length % 2 === 0)
        .map(m => m.index + m[0].length);
    // Seeded, so every run times the same edits.
    const next = draws(seeded(42)).int;
    const edits = [];
    for (let i = 0; i < (starts.length > 0 ? EDITS : 0); i++) {
        const at = starts[next(starts.length)] + next(30);
        edits.push(next(3) === 0 ? text.slice(0, at) + text.slice(at + 1 + next(5)) : text.slice(0, at) + FRAGMENTS[next(FRAGMENTS.length)] + text.slice(at));
    }
    return edits;
}

function median(values) {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)];
}

async function main() {
    progress('bundling the language package...');
    const { createCxSpecServices, EmptyFileSystem } = await loadLanguage();
    const parser = createCxSpecServices(EmptyFileSystem).CxSpec.parser.LangiumParser;
    const files = fs.readdirSync(path.join(root, 'examples'), { recursive: true })
        .filter(file => file.endsWith('.cx')).sort()
        .map(file => ({ file: `examples/${file}`, text: fs.readFileSync(path.join(root, 'examples', file), 'utf8') }))
        .filter(({ text }) => conditionEdits(text).length > 0);

    const results = [];
    for (const { file, text } of files) {
        progress(`${file}...`);
        const edits = conditionEdits(text);
        // One pass untimed so both figures are taken with the parser's code already compiled.
        for (const edited of edits) parser.parse(edited);
        const clean = [];
        for (let i = 0; i < 50; i++) {
            const t = performance.now();
            parser.parse(text);
            clean.push(performance.now() - t);
        }
        const erroneous = [];
        for (const edited of edits) {
            const t = performance.now();
            const result = parser.parse(edited);
            const elapsed = performance.now() - t;
            if (result.parserErrors.length > 0) erroneous.push(elapsed);
        }
        results.push({ file, lines: text.split('\n').length, clean: median(clean), erroneous: erroneous.reduce((a, b) => a + b, 0) / erroneous.length, errors: erroneous.length, total: erroneous.reduce((a, b) => a + b, 0) });
    }
    if (showProgress) process.stderr.write('\r\x1b[K');

    console.log(`${EDITS} seeded edits inside the conditions of each example file; mean time of the edits that leave a syntax error, median of 50 clean parses`);
    let worst = 0;
    for (const r of results) {
        const ratio = r.erroneous / r.clean;
        worst = Math.max(worst, ratio);
        console.log(`${r.file} (${r.lines} lines): erroneous parse ${r.erroneous.toFixed(2)} ms (${r.errors} edits, ${r.total.toFixed(0)} ms in all); reference, clean parse ${r.clean.toFixed(2)} ms; ratio ${ratio.toFixed(2)}x`);
    }
    console.log(`target: an erroneous parse under ${TARGET_RATIO}x a clean one: ${worst < TARGET_RATIO ? 'met' : 'MISSED'} (worst ${worst.toFixed(2)}x)`);
}

await main();
