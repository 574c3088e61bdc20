// Generates the example response files (examples/<example>/responses/<Survey>.csv) and CRM exports
// (examples/<example>/data/<Dataset>.csv) from each example's CX model, in the format of
// docs/response-format.md. Seeded: the same specs always give the same bytes.
//
//   npx node scripts/generate-responses.mjs [--check] [example-dir...]
//
// --check writes nothing and exits 1 when a committed file differs from what would be generated.
// The model comes from the built CLI (`cxspec model`), so run `npm run build` first.
//
// How the data is made realistic: every respondent has a general satisfaction (a halo shared by all
// ratings, so drivers correlate), a shift from their segment answers (choice options, CRM enum
// values) and a time trend over the nine months. The NPS outcome of each driver analysis is a
// weighted sum of its drivers with distinct weights, so the analysis finds distinct moments of truth;
// driver levels alternate low/high so all four importance-performance quadrants are populated.
// Each metric's question is calibrated so its expected value lands near its target: comfortably
// met, close (inconclusive) or missed, in a fixed pattern, so the reports show every verdict.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { draws, seeded, seedOf } from './seeded.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SEED = 20260301;
const WINDOW_START = Date.UTC(2025, 6, 1); // 2025-07-01: nine months, three quarters, two years
const WINDOW_END = Date.UTC(2026, 3, 1); // exclusive: the last response is on 2026-03-31
const AS_OF = '2026-03-31';
const MIN_ROWS = 300;
const MAX_ROWS = 1500;
const CUSTOMERS = 600;
const SKIP_OPTIONAL = 0.04;
const HALO = 0.55;
const TARGET_R2 = 0.45;
const VERDICT_PATTERN = ['met', 'close', 'missed', 'met', 'met', 'close'];

// ------------------------------------------------------------------ randomness and statistics

/** A seeded stream with the draws the generator needs, one per label. */
function rng(label) {
    return { label, ...draws(seeded(seedOf(`${SEED}:${label}`))) };
}

/** Standard normal CDF (Abramowitz & Stegun 7.1.26 via erf, |error| < 1.5e-7). */
function phi(z) {
    const x = Math.abs(z) / Math.SQRT2;
    const t = 1 / (1 + 0.3275911 * x);
    const erf = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
    return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

function phiInv(p) {
    let lo = -8;
    let hi = 8;
    for (let i = 0; i < 80; i++) {
        const mid = (lo + hi) / 2;
        if (phi(mid) < p) lo = mid; else hi = mid;
    }
    return (lo + hi) / 2;
}

/** Answer on a min..max scale from a latent value: equal-probability bins of the normal. */
function toScale(z, scale) {
    const k = scale.max - scale.min + 1;
    return scale.min + Math.min(k - 1, Math.floor(phi(z) * k));
}

/** Probability of each scale value when the latent is N(base, sd²). */
function scaleDistribution(base, sd, scale) {
    const k = scale.max - scale.min + 1;
    const probs = [];
    for (let i = 0; i < k; i++) {
        const lo = i === 0 ? -Infinity : phiInv(i / k);
        const hi = i === k - 1 ? Infinity : phiInv((i + 1) / k);
        probs.push(phi((hi - base) / sd) - phi((lo - base) / sd));
    }
    return probs;
}

// ------------------------------------------------------------------ the CX model

function loadModel(dir) {
    const cli = path.join(ROOT, 'packages/cli/bin/cxspec.js');
    const run = spawnSync(process.execPath, [cli, 'model', dir], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (run.status !== 0) {
        throw new Error(`'cxspec model ${path.relative(ROOT, dir)}' exited with ${run.status}:\n${run.stderr || run.stdout}\n(run 'npm run build' first)`);
    }
    // The generator compares plain values: a tagged literal ({type: 'option', id} and the others) becomes its value.
    return JSON.parse(run.stdout, (key, v) => (v !== null && typeof v === 'object' && ['option', 'string', 'number', 'boolean'].includes(v.type) && ('id' in v || 'value' in v)
        ? (v.type === 'option' ? v.id : v.value)
        : v));
}

const RATING_KINDS = new Set(['nps', 'csat', 'ces', 'rating']);

/** Condition of display logic, segment or metric, evaluated on one respondent's values. */
function holds(cond, valueOf) {
    switch (cond.type) {
        case 'compare': {
            const v = valueOf(cond.field);
            if (v === null || v === undefined) return false;
            const w = cond.value;
            switch (cond.op) {
                case '=': return v === w;
                case '!=': return v !== w;
                case '<': return v < w;
                case '<=': return v <= w;
                case '>': return v > w;
                case '>=': return v >= w;
            }
            return false;
        }
        case 'in': {
            const v = valueOf(cond.field);
            if (v === null || v === undefined) return false;
            const found = Array.isArray(v) ? v.some(x => cond.values.includes(x)) : cond.values.includes(v);
            return cond.negated ? !found : found;
        }
        case 'answered': {
            const v = valueOf(cond.field);
            const answered = v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0);
            return cond.negated ? !answered : answered;
        }
        case 'and': return cond.operands.every(c => holds(c, valueOf));
        case 'or': return cond.operands.some(c => holds(c, valueOf));
        case 'not': return !holds(cond.operand, valueOf);
    }
    return false;
}

/** Which way is good for a question: false when a metric wants it low (a traditional CES mean). */
function polarity(model) {
    const reversed = new Set();
    for (const m of model.metrics) {
        const low = m.target && (m.target.op === '<=' || m.target.op === '<');
        if (!low) continue;
        if (m.expr.kind === 'mean' && m.expr.field.source === 'question') reversed.add(`${m.expr.field.survey}.${m.expr.field.question}`);
        if (m.expr.kind === 'topBox') reversed.add(`${m.expr.survey}.${m.expr.question}`);
    }
    return reversed;
}

/** Where each targeted metric should land, in the metric's unit, following VERDICT_PATTERN. */
function desiredValues(model) {
    const out = new Map();
    let i = 0;
    for (const m of model.metrics) {
        if (!m.target) continue;
        const outcome = VERDICT_PATTERN[i++ % VERDICT_PATTERN.length];
        const t = m.target.value;
        const dir = m.target.op.startsWith('>') ? 1 : -1;
        const margin = m.unit === 'points' ? 12
            : m.unit === 'percent' ? Math.max(1, Math.min(6, 0.35 * Math.min(t, 100 - t)))
            : m.unit === 'scale' ? 0.45
            : Math.abs(t) * 0.08;
        const shift = outcome === 'met' ? margin : outcome === 'missed' ? -margin : 0.1 * margin;
        let value = t + dir * shift;
        if (m.unit === 'percent') value = Math.min(98, Math.max(0.5, value));
        out.set(m.name, value);
    }
    return out;
}

// ------------------------------------------------------------------ calibration

/** The base of a rating's latent that gives the metric its desired value (bisection). */
function calibrate(metric, desired, scale, reversed, sd) {
    const stat = base => {
        let probs = scaleDistribution(base, sd, scale);
        if (reversed) probs = probs.slice().reverse();
        const value = i => scale.min + i;
        switch (metric.expr.kind) {
            case 'nps': return 100 * (probs.filter((_, i) => value(i) >= 9).reduce((a, b) => a + b, 0) - probs.filter((_, i) => value(i) <= 6).reduce((a, b) => a + b, 0));
            case 'topBox': return 100 * probs.slice(probs.length - metric.expr.boxes).reduce((a, b) => a + b, 0);
            case 'bottomBox': return 100 * probs.slice(0, metric.expr.boxes).reduce((a, b) => a + b, 0);
            default: return probs.reduce((a, p, i) => a + p * value(i), 0);
        }
    };
    // Higher base means better answers; with a reversed scale or a bottom-box share, lower stats.
    const increasing = stat(1) > stat(-1);
    let lo = -4;
    let hi = 4;
    for (let i = 0; i < 60; i++) {
        const mid = (lo + hi) / 2;
        if ((stat(mid) < desired) === increasing) lo = mid; else hi = mid;
    }
    return (lo + hi) / 2;
}

/**
 * Distinct weights of an analysis' drivers on its outcome, in a seeded order: falling evenly from 1
 * for the strongest to 0.2 for the weakest, so two or three drivers stand above the average
 * importance. Returns them in the spec's driver order.
 */
function driverWeights(analysis, rand) {
    const n = analysis.drivers.length;
    return strengthOrder(analysis, rand).map(rankOf => 1 - (0.8 * rankOf) / Math.max(1, n - 1));
}

/** For each driver (spec order), its strength rank 0..n-1, from a seeded shuffle of the analysis. */
function strengthOrder(analysis, rand) {
    const seeded = rng(`${rand.label}:${analysis.name}`);
    const ranks = analysis.drivers.map((_, i) => i);
    for (let i = ranks.length - 1; i > 0; i--) {
        const j = seeded.int(i + 1);
        [ranks[i], ranks[j]] = [ranks[j], ranks[i]];
    }
    return ranks;
}

/** Per-question plans: latent base, polarity, and fixed answer probabilities for calibrated rates. */
function planSurvey(model, survey, desired, rand) {
    const reversed = polarity(model);
    const sd = Math.sqrt(1 + 0.06);
    const plans = new Map();
    const analyses = model.drivers.filter(d => d.survey === survey.name);
    const driverLevel = new Map();
    for (const d of analyses) {
        // Strongest driver performs poorly (concentrate here), the next well (keep up), and so on.
        const ranks = strengthOrder(d, rand);
        d.drivers.forEach((q, i) => { if (!driverLevel.has(q)) driverLevel.set(q, ranks[i] % 2 === 0 ? 0.35 : 1.35); });
    }
    for (const q of survey.questions) {
        const key = `${survey.name}.${q.name}`;
        const plan = { base: driverLevel.get(q.name) ?? 0.9, reversed: reversed.has(key), probs: null, weights: null };
        if (q.kind === 'choice' || q.kind === 'multichoice' || q.kind === 'ranking') {
            plan.weights = q.options.map(() => 0.4 + rand.next());
        }
        if (q.kind === 'boolean') plan.pTrue = 0.55 + 0.3 * rand.next();
        plans.set(q.name, plan);
    }
    for (const m of model.metrics) {
        const want = desired.get(m.name);
        if (want === undefined) continue;
        const e = m.expr;
        const question = e.kind === 'mean' && e.field.source === 'question' ? (e.field.survey === survey.name ? e.field.question : null)
            : (e.kind === 'nps' || e.kind === 'topBox' || e.kind === 'bottomBox') && e.survey === survey.name ? e.question : null;
        if (question !== null) {
            const q = survey.questions.find(x => x.name === question);
            const plan = plans.get(question);
            if (q?.scale && !plan.calibrated) {
                plan.base = calibrate(m, want, q.scale, plan.reversed, sd);
                plan.calibrated = true;
            }
            continue;
        }
        if (e.kind === 'rate' && e.source.type === 'survey' && e.source.survey === survey.name) calibrateRate(e.condition, want / 100, survey, plans);
    }
    return plans;
}

/** A rate on one choice or boolean question (`q = v`, `q in [...]`): give the matching answers that share. */
function calibrateRate(cond, share, survey, plans) {
    if ((cond.type !== 'compare' || cond.op !== '=') && cond.type !== 'in') return;
    if (cond.field.source !== 'question') return;
    const q = survey.questions.find(x => x.name === cond.field.question);
    const plan = plans.get(cond.field.question);
    if (!q || !plan) return;
    const values = cond.type === 'in' ? cond.values : [cond.value];
    const wanted = cond.type === 'in' && cond.negated ? 1 - share : share;
    if (q.kind === 'boolean') {
        plan.pTrue = values.includes(true) ? wanted : 1 - wanted;
        return;
    }
    if (q.kind !== 'choice') return;
    const inside = q.options.map(o => values.includes(o.id));
    const sumIn = plan.weights.reduce((a, w, i) => a + (inside[i] ? w : 0), 0);
    const sumOut = plan.weights.reduce((a, w, i) => a + (inside[i] ? 0 : w), 0);
    plan.weights = plan.weights.map((w, i) => (inside[i] ? (w / sumIn) * wanted : (w / (sumOut || 1)) * (1 - wanted)));
}

// ------------------------------------------------------------------ free text

const COMMENTS = {
    ja: {
        bad: ['待ち時間が長すぎました。', '説明がわかりにくかったです。', '対応が遅く、何度も問い合わせが必要でした。', '期待していた内容と違いました。', '手続きが複雑で、もう少し簡単にしてほしいです。', 'スタッフによって言うことが違い、不安になりました。'],
        mid: ['おおむね満足ですが、もう少し早いと助かります。', '悪くはないですが、特に印象に残る点はありませんでした。', '料金がもう少し安ければ、友人にも薦めたいです。'],
        good: ['とてもスムーズでした。', '丁寧に対応していただき、ありがとうございました。', 'また利用したいと思います。']
    },
    en: {
        bad: ['It took far too long.', 'The explanation was confusing, and nobody followed up.', 'I had to ask "twice" before anyone helped.', 'Not what I expected from the description.'],
        mid: ['Fine overall, but it could be faster.', 'OK, nothing special.'],
        good: ['Smooth and friendly, thanks!', 'Great experience, will use again.']
    }
};

function comment(rand, mood, locales, defaultLocale) {
    const locale = locales.includes('en') && rand.next() < 0.12 ? 'en' : defaultLocale in COMMENTS ? defaultLocale : 'en';
    return rand.pick(COMMENTS[locale][mood]);
}

// ------------------------------------------------------------------ datasets (CRM exports)

function isoDate(ms) {
    return new Date(ms).toISOString().slice(0, 10);
}

const DAY = 86400000;
const TEXT_VALUES = { region: ['JP', 'JP', 'JP', 'JP', 'JP', 'JP', 'SG', 'US', 'TW', 'KR'], country: ['JP', 'JP', 'JP', 'US', 'SG'] };

/** Customers with consistent lifecycles: signed up before AS_OF, churned (if at all) after signing up. */
function generateDataset(model, dataset, desired, rand) {
    const enumEffects = new Map();
    for (const c of dataset.columns.filter(col => col.type === 'enum')) {
        enumEffects.set(c.name, c.values.map((_, i) => 0.6 + 0.9 * i + 0.3 * rand.next()));
    }
    const churnMetric = model.metrics.find(m => m.expr.kind === 'churn' && m.expr.dataset === dataset.name);
    const periodMonths = { week: 0.25, month: 1, quarter: 3, year: 12 }[churnMetric?.period ?? 'quarter'];
    const churnShare = churnMetric && desired.has(churnMetric.name) ? desired.get(churnMetric.name) / 100 : 0.03;
    const monthlyHazard = 1 - Math.pow(1 - churnShare, 1 / periodMonths);
    const plans = new Map(dataset.columns.filter(c => c.type === 'enum').map(c => [c.name, c.values.map(() => 0.5 + rand.next())]));
    for (const m of model.metrics) {
        const e = m.expr;
        if (e.kind === 'rate' && e.source.type === 'dataset' && e.source.dataset === dataset.name && desired.has(m.name)) {
            calibrateEnumRate(e.condition, desired.get(m.name) / 100, dataset, plans);
        }
    }
    const first = Date.UTC(2022, 0, 1);
    const last = Date.parse(`${AS_OF}T00:00:00Z`);
    const rows = [];
    for (let i = 0; i < CUSTOMERS; i++) {
        const row = { [dataset.key]: `C${String(i + 1).padStart(5, '0')}` };
        let factor = 1;
        for (const c of dataset.columns) {
            if (c.type !== 'enum') continue;
            const k = rand.weighted(plans.get(c.name));
            row[c.name] = c.values[k];
            factor *= enumEffects.get(c.name)[k];
        }
        row.__factor = factor;
        // More customers signed up recently: the business is growing.
        const start = first + Math.floor(Math.sqrt(rand.next()) * (last - first) / DAY) * DAY;
        let end = null;
        const risk = monthlyHazard * (1.6 - 0.5 * Math.min(1.2, factor / 2));
        for (let t = start + 30 * DAY; t <= last; t += 30 * DAY) {
            if (rand.next() < risk) { end = t - rand.int(25) * DAY; break; }
        }
        for (const c of dataset.columns) {
            if (c.type === 'enum') continue;
            if (dataset.lifecycle && c.name === dataset.lifecycle.start) row[c.name] = isoDate(start);
            else if (dataset.lifecycle && c.name === dataset.lifecycle.end) row[c.name] = end === null ? '' : isoDate(Math.max(end, start + DAY));
            else if (c.type === 'date') row[c.name] = isoDate(first + rand.int((last - first) / DAY) * DAY);
            else if (c.type === 'boolean') row[c.name] = rand.next() < 0.5 ? 'true' : 'false';
            else if (c.type === 'text') row[c.name] = rand.pick(TEXT_VALUES[c.name] ?? ['A', 'B', 'C']);
            else row[c.name] = Math.exp(0.55 * rand.normal()) * factor;
        }
        rows.push(row);
    }
    // Scale number columns so their mean lands where the mean metric on them should.
    for (const c of dataset.columns.filter(col => col.type === 'number')) {
        const metric = model.metrics.find(m => m.expr.kind === 'mean' && m.expr.field.source === 'column' && m.expr.field.dataset === dataset.name && m.expr.field.column === c.name);
        const want = metric && desired.has(metric.name) ? desired.get(metric.name) : 100;
        const mean = rows.reduce((a, r) => a + r[c.name], 0) / rows.length;
        for (const r of rows) {
            const v = (r[c.name] * want) / mean;
            r[c.name] = Math.abs(want) >= 1000 ? String(Math.round(v / 100) * 100) : v.toFixed(2);
        }
    }
    return rows;
}

function calibrateEnumRate(cond, share, dataset, plans) {
    const simple = (cond.type === 'compare' && (cond.op === '=' || cond.op === '!=')) || cond.type === 'in';
    if (!simple || cond.field.source !== 'column') return;
    const col = dataset.columns.find(c => c.name === cond.field.column);
    if (!col || col.type !== 'enum') return;
    const values = cond.type === 'in' ? cond.values : [cond.value];
    const negated = (cond.type === 'in' && cond.negated) || (cond.type === 'compare' && cond.op === '!=');
    const wanted = negated ? 1 - share : share;
    const weights = plans.get(col.name);
    const inside = col.values.map(v => values.includes(v));
    const sumIn = weights.reduce((a, w, i) => a + (inside[i] ? w : 0), 0);
    const sumOut = weights.reduce((a, w, i) => a + (inside[i] ? 0 : w), 0);
    plans.set(col.name, weights.map((w, i) => (inside[i] ? (w / sumIn) * wanted : (w / (sumOut || 1)) * (1 - wanted))));
}

// ------------------------------------------------------------------ responses

function rowCount(survey) {
    const e = survey.trigger?.expectedResponses;
    const perMonth = e ? e.count / { week: 0.23, month: 1, quarter: 3, year: 12 }[e.per] : 100;
    return Math.max(MIN_ROWS, Math.min(MAX_ROWS, Math.round((perMonth * 9) / 10)));
}

function generateSurvey(model, survey, desired, customers, rand) {
    const plans = planSurvey(model, survey, desired, rand);
    const n = rowCount(survey);
    const slope = rand.next() < 0.75 ? 0.45 : -0.35;
    const optionEffects = new Map(survey.questions
        .filter(q => q.kind === 'choice' || q.kind === 'boolean')
        .map(q => [q.name, (q.kind === 'boolean' ? [true, false] : q.options.map(o => o.id)).map(() => 0.45 * rand.normal())]));
    const analyses = model.drivers.filter(d => d.survey === survey.name);
    const outcomeWeights = new Map(analyses.map(d => [d.outcome, driverWeights(d, rand)]));
    const prefix = survey.name.replace(/[^A-Z]/g, '') || 'R';
    const times = Array.from({ length: n }, () => WINDOW_START + Math.floor(rand.next() * (WINDOW_END - WINDOW_START) / 60000) * 60000).sort((a, b) => a - b);
    const matrixColumns = survey.questions.flatMap(q => (q.kind === 'matrix' ? q.items.map(it => `${q.name}.${it.id}`) : [q.name]));
    const header = ['respondent_id', 'submitted_at', ...(survey.joins ? [model.datasets.find(d => d.name === survey.joins).key] : []), ...matrixColumns];
    const rows = [header];
    for (let r = 0; r < n; r++) {
        const t = times[r];
        const answers = new Map();
        let customer = null;
        if (survey.joins) {
            const key = model.datasets.find(d => d.name === survey.joins).key;
            const day = isoDate(t);
            const lc = model.datasets.find(d => d.name === survey.joins).lifecycle;
            const active = customers.filter(c => !lc || (c[lc.start] <= day && (c[lc.end] === '' || c[lc.end] > day)));
            customer = rand.pick(active.length > 0 ? active : customers);
            answers.set(key, customer[key]);
        }
        // Choices first: they shift the latent experience of everything else.
        const drawn = new Map();
        for (const q of survey.questions) {
            const plan = plans.get(q.name);
            if (q.kind === 'choice') drawn.set(q.name, q.options[rand.weighted(plan.weights)].id);
            if (q.kind === 'boolean') drawn.set(q.name, rand.next() < plan.pTrue);
        }
        let shift = slope * ((t - WINDOW_START) / (WINDOW_END - WINDOW_START) - 0.5);
        for (const [name, effects] of optionEffects) {
            const q = survey.questions.find(x => x.name === name);
            const v = drawn.get(name);
            shift += effects[q.kind === 'boolean' ? (v ? 0 : 1) : q.options.findIndex(o => o.id === v)] * 0.5;
        }
        if (customer) shift += 0.25 * Math.log(customer.__factor);
        const g = rand.normal();
        const centred = new Map();
        for (const q of survey.questions) {
            if (RATING_KINDS.has(q.kind) || q.kind === 'matrix') centred.set(q.name, HALO * g + Math.sqrt(1 - HALO * HALO) * rand.normal());
        }
        for (const d of analyses) {
            const w = outcomeWeights.get(d.outcome);
            let v = 0;
            let variance = 0;
            d.drivers.forEach((q, i) => {
                v += w[i] * centred.get(q);
                d.drivers.forEach((_, j) => { variance += w[i] * w[j] * (i === j ? 1 : HALO * HALO); });
            });
            const noise = Math.sqrt(variance * (1 / TARGET_R2 - 1));
            centred.set(d.outcome, (v + noise * rand.normal()) / Math.sqrt(variance + noise * noise));
        }
        const valueOf = field => (field.source === 'question' ? answers.get(field.question) ?? null : null);
        const out = [`${prefix}-${String(r + 1).padStart(6, '0')}`, new Date(t).toISOString().replace('.000Z', 'Z')];
        if (customer) out.push(answers.get(model.datasets.find(d => d.name === survey.joins).key));
        for (const q of survey.questions) {
            const plan = plans.get(q.name);
            const shown = q.visibleWhen === null || holds(q.visibleWhen, valueOf);
            const skipped = !shown || (!q.required && rand.next() < SKIP_OPTIONAL);
            const answer = skipped ? null : answerFor(q, plan, centred.get(q.name), shift, drawn, answers, rand, model.spec);
            answers.set(q.name, answer);
            if (q.kind === 'matrix') q.items.forEach(it => out.push(answer === null ? '' : String(answer[it.id])));
            else out.push(cell(answer));
        }
        rows.push(out);
    }
    return rows;
}

function answerFor(q, plan, latent, shift, drawn, answers, rand, spec) {
    const rate = z => {
        const v = toScale(z, q.scale);
        return plan.reversed ? q.scale.max - (v - q.scale.min) : v;
    };
    switch (q.kind) {
        case 'nps': case 'csat': case 'ces': case 'rating':
            return rate(plan.base + shift + latent);
        case 'matrix':
            return Object.fromEntries(q.items.map(it => [it.id, rate(plan.base + shift + 0.7 * latent + 0.7 * rand.normal())]));
        case 'choice': case 'boolean':
            return drawn.get(q.name);
        case 'multichoice': {
            const chosen = q.options.filter((_, i) => rand.next() < 0.12 + 0.25 * (plan.weights[i] - 0.4));
            return chosen.length > 0 ? chosen.map(o => o.id) : [q.options[rand.weighted(plan.weights)].id];
        }
        case 'ranking': {
            // Plackett-Luce: the heavier an option, the likelier it is ranked first.
            const left = q.options.map((o, i) => ({ id: o.id, w: plan.weights[i] }));
            const order = [];
            while (left.length > 0) order.push(left.splice(rand.weighted(left.map(x => x.w)), 1)[0].id);
            return order;
        }
        case 'text': {
            const scores = [...answers.values()].filter(v => typeof v === 'number');
            const low = scores.length > 0 && Math.min(...scores) <= 3;
            return comment(rand, low || shift < -0.2 ? 'bad' : rand.next() < 0.5 ? 'mid' : 'good', spec.locales, spec.defaultLocale);
        }
    }
    return null;
}

function cell(value) {
    if (value === null || value === undefined) return '';
    if (Array.isArray(value)) return value.join(';');
    return String(value);
}

function csv(rows) {
    const quote = v => (/[",\r\n]/.test(v) || v !== v.trim() ? `"${v.replace(/"/g, '""')}"` : v);
    return rows.map(r => r.map(quote).join(',')).join('\n') + '\n';
}

// ------------------------------------------------------------------ touchpoint events

// Touchpoint events (the input of `cxspec invite`) for the examples that run a listening program,
// i.e. whose spec declares contact rules. Four weeks of visits by 300 customers: commuters come on
// weekday mornings about twice a week, others about once in two weeks at any hour; each visit walks
// the journey's touchpoints in order (some leave before paying, not all open the rewards), with
// times in Japan time (+09:00), as the order system exports them. A few rows carry the faults real
// exports have (a legacy touchpoint name, a guest order without a customer, a time without its
// offset), so `invite` shows how it explains them.
const EVENTS_START = Date.UTC(2026, 2, 2); // 2026-03-02, a Monday
const EVENTS_DAYS = 28;
const EVENT_CUSTOMERS = 300;
const JST = 9 * 3600000;

function jstTime(ms, withOffset = true) {
    return new Date(ms + JST).toISOString().slice(0, 19) + (withOffset ? '+09:00' : '');
}

function generateEvents(model, rand) {
    const touchpoints = model.journeys.flatMap(j => j.stages.flatMap(s => s.touchpoints.map(t => t.name)));
    const stores = Array.from({ length: 12 }, (_, i) => `S${String(i + 1).padStart(3, '0')}`);
    const visits = [];
    for (let c = 1; c <= EVENT_CUSTOMERS; c++) {
        const customer = `C-${String(c).padStart(5, '0')}`;
        const commuter = rand.next() < 0.4;
        const home = rand.pick(stores);
        for (let day = 0; day < EVENTS_DAYS; day++) {
            const weekday = day % 7 < 5;
            if (rand.next() >= (commuter ? (weekday ? 0.4 : 0.05) : 0.07)) continue;
            // Local minutes after midnight: 07:00-09:30 for a commute, 10:00-19:00 otherwise.
            const minute = commuter && weekday ? 420 + rand.int(150) : 600 + rand.int(540);
            visits.push({ customer, store: rand.next() < 0.85 ? home : rand.pick(stores), start: EVENTS_START + day * DAY + minute * 60000 - JST });
        }
    }
    visits.sort((a, b) => a.start - b.start || (a.customer < b.customer ? -1 : 1));
    const rows = [['event_id', 'customer', 'touchpoint', 'time', 'store', 'order_id']];
    const events = [];
    visits.forEach((v, i) => {
        const order = `O-${String(i + 1).padStart(6, '0')}`;
        let t = v.start;
        touchpoints.forEach((tp, k) => {
            if (k === 1 && rand.next() < 0.08) t = Infinity; // left before paying
            if (k === touchpoints.length - 1 && rand.next() < 0.4) return; // did not open the rewards
            if (t === Infinity) return;
            events.push({ id: `E-${order}-${k + 1}`, customer: v.customer, touchpoint: tp, time: t, store: v.store, order });
            t += (1 + rand.int(k === 2 ? 9 : 4)) * 60000;
        });
    });
    events.sort((a, b) => a.time - b.time || (a.id < b.id ? -1 : 1));
    for (const e of events) {
        const fault = rand.next();
        const row = [e.id, e.customer, e.touchpoint, jstTime(e.time), e.store, e.order];
        if (fault < 0.001) row[2] = 'Checkout';
        else if (fault < 0.002) row[1] = '';
        else if (fault < 0.003) row[3] = jstTime(e.time, false);
        rows.push(row);
    }
    return rows;
}

// ------------------------------------------------------------------ main

function filesFor(dir) {
    const model = loadModel(dir);
    const example = path.basename(dir);
    const desired = desiredValues(model);
    const files = new Map();
    const customersOf = new Map();
    for (const d of model.datasets) {
        const rows = generateDataset(model, d, desired, rng(`${example}:dataset:${d.name}`));
        customersOf.set(d.name, rows);
        const header = [d.key, ...d.columns.map(c => c.name)];
        files.set(path.join(dir, 'data', `${d.name}.csv`), csv([header, ...rows.map(r => header.map(h => r[h]))]));
    }
    for (const s of model.surveys) {
        const rows = generateSurvey(model, s, desired, s.joins ? customersOf.get(s.joins) : [], rng(`${example}:survey:${s.name}`));
        files.set(path.join(dir, 'responses', `${s.name}.csv`), csv(rows));
    }
    if (model.spec.contact) files.set(path.join(dir, 'events', 'touchpoint-events.csv'), csv(generateEvents(model, rng(`${example}:events`))));
    return files;
}

function main(argv) {
    const check = argv.includes('--check');
    const named = argv.filter(a => a !== '--check');
    const dirs = named.length > 0 ? named.map(d => path.resolve(d))
        : fs.readdirSync(path.join(ROOT, 'examples'), { withFileTypes: true })
            .filter(e => e.isDirectory() && fs.readdirSync(path.join(ROOT, 'examples', e.name)).some(f => f.endsWith('.cx')))
            .map(e => path.join(ROOT, 'examples', e.name)).sort();
    let stale = 0;
    for (const dir of dirs) {
        for (const [file, text] of filesFor(dir)) {
            const rel = path.relative(ROOT, file);
            if (check) {
                const same = fs.existsSync(file) && fs.readFileSync(file, 'utf8') === text;
                if (!same) { stale++; process.stderr.write(`${rel}: differs from what the generator makes\n`); }
                continue;
            }
            fs.mkdirSync(path.dirname(file), { recursive: true });
            fs.writeFileSync(file, text);
            process.stdout.write(`${rel}: ${text.split('\n').length - 2} rows, ${(Buffer.byteLength(text) / 1024).toFixed(1)} KB\n`);
        }
    }
    return stale === 0 ? 0 : 1;
}

try {
    process.exitCode = main(process.argv.slice(2));
} catch (e) {
    process.stderr.write(`generate-responses: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 2;
}
