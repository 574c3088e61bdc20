/**
 * Point estimates, 95% intervals, verdicts and period-change tests, from accumulators. The formulas
 * are the ones in DESIGN.md "Reference figures for metrics".
 */
import { Z95, type RowEstimator } from '@cxspec/model';
import type { PeriodChange, TargetSpec, Verdict } from '../result.js';
import type { Acc } from './accumulator.js';
import { tQuantile, twoSidedNormalP, twoSidedTP } from './distributions.js';

/** How an accumulator turns into a value (the model's estimators of one observation per row). */
export type Estimator = RowEstimator;

export interface PointEstimate {
    value: number | null;
    ci: [number, number] | null;
    n: number;
    /** Standard deviation of one observation in the metric's unit, for sample-size planning. */
    sd: number | null;
}

/** NPS in points with the adjusted-Wald interval (add 3 to n and 0.75 to promoters and detractors). */
export function npsEstimate(n: number, promoters: number, detractors: number): PointEstimate {
    if (n === 0) return { value: null, ci: null, n, sd: null };
    const p = promoters / n, d = detractors / n;
    const na = n + 3, pa = (promoters + 0.75) / na, da = (detractors + 0.75) / na;
    const se = Math.sqrt((pa + da - (pa - da) ** 2) / na);
    const center = pa - da;
    return {
        // From the counts: 100·(P − D)/n is exact where 100·(p − d) picks up rounding (42.00000000000001).
        value: 100 * (promoters - detractors) / n,
        ci: [clamp(100 * (center - Z95 * se), -100, 100), clamp(100 * (center + Z95 * se), -100, 100)],
        n,
        sd: 100 * Math.sqrt(p + d - (p - d) ** 2)
    };
}

/** A share in percent with the Wilson score interval. */
export function wilsonEstimate(n: number, hits: number): PointEstimate {
    if (n === 0) return { value: null, ci: null, n, sd: null };
    const p = hits / n, z2 = Z95 * Z95;
    const denom = 1 + z2 / n;
    const center = (p + z2 / (2 * n)) / denom;
    const half = Z95 / denom * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
    return {
        value: 100 * hits / n,
        ci: [clamp(100 * (center - half), 0, 100), clamp(100 * (center + half), 0, 100)],
        n,
        sd: 100 * Math.sqrt(p * (1 - p))
    };
}

/** A mean with the t interval (n − 1 degrees of freedom); no interval from a single value. */
export function tEstimate(n: number, mean: number, variance: number): PointEstimate {
    if (n === 0) return { value: null, ci: null, n, sd: null };
    if (n === 1) return { value: mean, ci: null, n, sd: null };
    const sd = Math.sqrt(variance);
    const half = tQuantile(0.975, n - 1) * sd / Math.sqrt(n);
    return { value: mean, ci: [mean - half, mean + half], n, sd };
}

/**
 * The `percent`-th percentile of the counted values, Hyndman-Fan type 7 (R's default, DuckDB's
 * quantile_cont, PostgreSQL's percentile_cont): with the values sorted x(1) ≤ ... ≤ x(n) and
 * h = (n − 1)·p, x(⌊h⌋+1) + (h − ⌊h⌋)·(x(⌊h⌋+2) − x(⌊h⌋+1)). The 95% interval is distribution-free,
 * [x(r), x(s)] with r = round(np − z√(np(1−p))) and s = round(1 + np + z√(np(1−p))) (Campbell and
 * Gardner 1988, the normal approximation to the binomial count of values below the quantile);
 * none when r < 1 or s > n, where too few answers reach 95%.
 */
export function quantileEstimate(counts: ReadonlyMap<number, number> | null, n: number, percent: number): PointEstimate {
    if (n === 0 || !counts) return { value: null, ci: null, n, sd: null };
    const sorted = [...counts].sort((a, b) => a[0] - b[0]);
    /** x(k), the k-th smallest value (1-based). */
    const order = (k: number): number => {
        let seen = 0;
        for (const [x, c] of sorted) {
            seen += c;
            if (seen >= k) return x;
        }
        return sorted[sorted.length - 1][0];
    };
    const p = percent / 100;
    const h = (n - 1) * p, lo = Math.floor(h);
    const below = order(lo + 1);
    const value = lo + 1 >= n ? below : below + (h - lo) * (order(lo + 2) - below);
    const half = Z95 * Math.sqrt(n * p * (1 - p));
    const r = Math.round(n * p - half), s = Math.round(1 + n * p + half);
    return { value, ci: r < 1 || s > n ? null : [order(r), order(s)], n, sd: null };
}

/** `percent` is the percentile a quantile metric asks for; other estimators ignore it. */
export function estimate(kind: Estimator, acc: Acc, percent = 50): PointEstimate {
    switch (kind) {
        case 'nps': return npsEstimate(acc.n, acc.promoters, acc.detractors);
        case 'share': return wilsonEstimate(acc.n, acc.hits);
        case 'mean': return acc.n === 0 ? tEstimate(0, 0, 0) : tEstimate(acc.n, acc.mean, acc.n > 1 ? acc.variance : 0);
        case 'quantile': return quantileEstimate(acc.counts, acc.n, percent);
    }
}

export interface VerdictResult { verdict: Verdict | null; neededN: number | null; warned: boolean }

/**
 * met when the whole interval satisfies the target, missed when the whole interval violates it,
 * inconclusive when it straddles; insufficient below the minimum sample, with the n that would
 * make the interval narrow enough to resolve the current gap to the target (never less than the
 * minimum sample). `resolution` is the smallest gap worth resolving, used when the value sits on
 * the target.
 */
export function verdictOf(est: PointEstimate, target: TargetSpec | null, minSample: number,
    fallbackSd: number | null, resolution: number | null): VerdictResult {
    if (!target) return { verdict: null, neededN: null, warned: false };
    const warned = est.value !== null && target.warning !== null && !satisfies(est.value, target.op, target.warning);
    if (est.n < minSample || est.value === null || est.ci === null) {
        const sd = est.sd !== null && est.sd > 0 ? est.sd : fallbackSd;
        let needed = minSample;
        if (sd !== null && est.value !== null) {
            const gap = Math.max(Math.abs(est.value - target.value), resolution ?? 0);
            if (gap > 0) needed = Math.max(needed, Math.ceil((Z95 * sd / gap) ** 2));
        }
        return { verdict: 'insufficient', neededN: Math.max(needed, est.n + 1), warned };
    }
    const [low, high] = est.ci;
    const lowOk = satisfies(low, target.op, target.value), highOk = satisfies(high, target.op, target.value);
    const verdict: Verdict = lowOk && highOk ? 'met' : !lowOk && !highOk ? 'missed' : 'inconclusive';
    return { verdict, neededN: null, warned };
}

export function satisfies(x: number, op: TargetSpec['op'], value: number): boolean {
    switch (op) {
        case '>=': return x >= value;
        case '>': return x > value;
        case '<=': return x <= value;
        case '<': return x < value;
    }
}

/**
 * Test of the change between two consecutive periods (two-sided, alpha 0.05): NPS by a z test on
 * the difference with each period's unadjusted standard error, shares by the pooled two-proportion
 * z test, means by Welch's t test. Null when either side cannot be tested, and for quantiles (no
 * change test is offered for them yet).
 */
export function changeTest(kind: Estimator, prev: Acc, cur: Acc): PeriodChange | null {
    if (prev.n < 2 || cur.n < 2 || kind === 'quantile') return null;
    const a = estimate(kind, prev), b = estimate(kind, cur);
    if (a.value === null || b.value === null) return null;
    const delta = b.value - a.value;
    let test: string, pValue: number;
    if (kind === 'nps') {
        const se = Math.sqrt((a.sd! ** 2) / prev.n + (b.sd! ** 2) / cur.n);
        if (se === 0) return null;
        test = 'z-difference';
        pValue = twoSidedNormalP(delta / se);
    } else if (kind === 'share') {
        const pooled = (prev.hits + cur.hits) / (prev.n + cur.n);
        const se = 100 * Math.sqrt(pooled * (1 - pooled) * (1 / prev.n + 1 / cur.n));
        if (se === 0) return null;
        test = 'two-proportion-z';
        pValue = twoSidedNormalP(delta / se);
    } else {
        const va = prev.variance / prev.n, vb = cur.variance / cur.n;
        const se = Math.sqrt(va + vb);
        if (se === 0) return null;
        const df = (va + vb) ** 2 / (va * va / (prev.n - 1) + vb * vb / (cur.n - 1));
        test = 'welch-t';
        pValue = twoSidedTP(delta / se, df);
    }
    return { delta, test, pValue, significant: pValue < 0.05 };
}

function clamp(x: number, lo: number, hi: number): number {
    return Math.min(hi, Math.max(lo, x));
}
