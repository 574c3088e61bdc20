// Compiles a large synthetic spec (200 surveys of 40 questions, every kind, display logic on most)
// and reports the time per survey against a reference measured in the same run: serializing the
// same CX model with JSON.stringify, the least any compiler writing JSON has to do.
import * as esbuild from 'esbuild';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const SURVEYS = 200;
const QUESTIONS = 40;
const ROUNDS = 5;

// The compiler's sources are TypeScript; bundle them in memory (its @cxspec/language imports are types only).
const bundle = await esbuild.build({
    entryPoints: [fileURLToPath(new URL('../src/index.ts', import.meta.url))], bundle: true, write: false, format: 'esm', platform: 'node', logLevel: 'error'
});
const { compileSpec } = await import(`data:text/javascript;base64,${Buffer.from(bundle.outputFiles[0].text).toString('base64')}`);

const loc = { file: 'bench.cx', line: 1, column: 1, endLine: 1, endColumn: 1 };
const text = s => ({ ja: `${s}について教えてください「${s}」`, en: `Tell us about "${s}" <b>${s}</b>` });
const KINDS = ['nps', 'csat', 'ces', 'rating', 'choice', 'multichoice', 'boolean', 'text', 'matrix', 'ranking'];
const SCALES = { nps: [0, 10], csat: [1, 5], ces: [1, 7], rating: [1, 5], matrix: [1, 5] };

function question(s, i) {
    const kind = KINDS[i % KINDS.length];
    const name = `q${i}`;
    const options = ['choice', 'multichoice', 'ranking'].includes(kind) ? ['a', 'b', 'c', 'd'].map(id => ({ id, label: text(`${name}.${id}`) })) : [];
    const scale = SCALES[kind] ? { min: SCALES[kind][0], max: SCALES[kind][1], minLabel: text('low'), maxLabel: text('high') } : null;
    const prev = i > 0 ? `q${i - 1}` : null;
    const prevKind = i > 0 ? KINDS[(i - 1) % KINDS.length] : null;
    const field = { source: 'question', survey: `S${s}`, question: prev };
    const visibleWhen = !prev ? null
        : SCALES[prevKind] && prevKind !== 'matrix' ? { type: 'or', operands: [{ type: 'compare', field, op: '<=', value: 3 }, { type: 'not', operand: { type: 'answered', field, negated: false } }] }
        : ['choice', 'multichoice'].includes(prevKind) ? { type: 'in', field, values: ['a', 'c'], negated: i % 3 === 0 }
        : prevKind === 'boolean' ? { type: 'compare', field, op: '!=', value: true }
        : prevKind === 'text' ? { type: 'compare', field, op: '=', value: `it's "${i}" {x}` }
        : { type: 'answered', field, negated: true };
    return {
        name, kind, text: text(name), description: {}, required: i % 4 === 0, about: null, scale, options,
        items: kind === 'matrix' ? ['x', 'y', 'z'].map(id => ({ id, label: text(id) })) : [],
        trueLabel: kind === 'boolean' ? text('yes') : {}, falseLabel: kind === 'boolean' ? text('no') : {},
        visibleWhen, estimatedSeconds: 6, loc
    };
}

const model = {
    schemaVersion: 1,
    spec: { name: 'Bench', title: text('Bench'), locales: ['ja', 'en'], defaultLocale: 'ja', limits: { maxQuestions: 12, maxSeconds: 180 }, loc },
    segments: [], journeys: [], datasets: [], metrics: [], drivers: [],
    surveys: Array.from({ length: SURVEYS }, (_, s) => ({
        name: `S${s}`, title: text(`S${s}`), description: text('d'), thanks: text('thanks'),
        trigger: { touchpoint: 'T', journey: 'J', stage: 'St', delay: { value: 2, unit: 'h', seconds: 7200 }, samplePercent: 20, quarantine: null, expectedResponses: null },
        joins: null, questions: Array.from({ length: QUESTIONS }, (_, i) => question(s, i)), estimatedSeconds: 240, loc
    }))
};

function best(fn) {
    let min = Infinity;
    let result;
    for (let r = 0; r < ROUNDS; r++) {
        const start = performance.now();
        result = fn();
        min = Math.min(min, performance.now() - start);
    }
    return { ms: min, result };
}

globalThis.gc?.();
const heapBefore = process.memoryUsage().heapUsed;
const compiled = best(() => compileSpec(model));
globalThis.gc?.();
const heapAfter = process.memoryUsage().heapUsed;
const reference = best(() => JSON.stringify(model, null, 2));
const bytes = compiled.result.reduce((sum, f) => sum + Buffer.byteLength(f.content), 0);

console.log(`compile: ${SURVEYS} surveys x ${QUESTIONS} questions -> ${compiled.result.length} files, ${(bytes / 1e6).toFixed(1)} MB`);
console.log(`  compileSpec      best of ${ROUNDS}: ${compiled.ms.toFixed(1)} ms (${(compiled.ms / SURVEYS).toFixed(3)} ms per survey)`);
console.log(`  reference        JSON.stringify(model): ${reference.ms.toFixed(1)} ms`);
console.log(`  ratio            ${(compiled.ms / reference.ms).toFixed(2)}x the reference`);
console.log(`  heap after run   ${((heapAfter - heapBefore) / 1e6).toFixed(1)} MB above the start, holding the compiled files`);
