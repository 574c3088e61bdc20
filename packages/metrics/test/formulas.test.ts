/**
 * Each formula against a hand-worked or published case. Reference decimals were worked out by hand
 * from the formulas in DESIGN.md and checked with SciPy (stats.norm, stats.t, stats.ttest_ind).
 */
import { describe, expect, it } from 'vitest';
import { Acc, changeTest, npsEstimate, tEstimate, verdictOf, wilsonEstimate } from '../src/index.js';
import { normalQuantile, tQuantile, tCdf } from '../src/index.js';

const close = (actual: number | null | undefined, expected: number, digits = 12) => expect(actual).toBeCloseTo(expected, digits);

describe('distributions', () => {
    it('has the textbook quantiles', () => {
        close(normalQuantile(0.975), 1.959963984540054, 14);
        close(tQuantile(0.975, 1), 12.706204736174694, 9);
        close(tQuantile(0.975, 7), 2.364624251592784, 12);
        close(tQuantile(0.975, 30), 2.0422724563012378, 12);
        close(tCdf(-2.5, 5), 0.02724504967118813, 13);
    });
});

describe('NPS with the adjusted-Wald interval', () => {
    it('works the 100-answer case by hand', () => {
        // 50 promoters, 30 passives, 20 detractors: NPS = 50% − 20% = 30 points.
        // Adjusted: n' = 103, p' = 50.75/103, d' = 20.75/103; centre p' − d' = 30/103 = 0.29126…
        // SE = sqrt((p' + d' − (p' − d')²)/n') = 0.0769149…; margin 1.959964 × SE = 0.150751.
        const e = npsEstimate(100, 50, 20);
        expect(e.value).toBe(30);
        expect(e.n).toBe(100);
        close(e.ci![0], 14.051130178761607);
        close(e.ci![1], 44.20129700570441);
        // Unadjusted sd of one score (in points): 100·sqrt(0.5 + 0.2 − 0.3²) = 100·sqrt(0.61).
        close(e.sd, 100 * Math.sqrt(0.61));
    });

    it('clamps to −100..100 and has no value without answers', () => {
        const all = npsEstimate(5, 5, 0);
        expect(all.value).toBe(100);
        expect(all.ci![1]).toBe(100);
        expect(npsEstimate(0, 0, 0)).toEqual({ value: null, ci: null, n: 0, sd: null });
    });

    it('counts 9-10 as promoters and 0-6 as detractors', () => {
        const acc = new Acc();
        for (const s of [0, 6, 7, 8, 9, 10]) acc.addNps(s);
        expect([acc.n, acc.promoters, acc.detractors]).toEqual([6, 2, 2]);
    });
});

describe('Wilson score interval', () => {
    // Newcombe (1998), Statistics in Medicine 17:857-872, Table I, method 3 (Wilson score).
    it.each([
        [81, 263, 0.2553, 0.3662],
        [15, 148, 0.0624, 0.1605],
        [0, 20, 0.0000, 0.1611],
        [1, 29, 0.0061, 0.1718]
    ])('%i/%i gives [%f, %f] as published', (x, n, lo, hi) => {
        const e = wilsonEstimate(n, x);
        close(e.value, 100 * x / n, 12);
        close(e.ci![0] / 100, lo, 4);
        close(e.ci![1] / 100, hi, 4);
    });

    it('matches the closed form to full precision', () => {
        const e = wilsonEstimate(263, 81);
        close(e.ci![0], 25.52885198782742, 11);
        close(e.ci![1], 36.620957698280004, 11);
    });
});

describe('t interval of a mean', () => {
    it('works the 8-value case by hand', () => {
        // 2 4 4 4 5 5 7 9: mean 5, sample variance 32/7, t(0.975, 7) = 2.364624.
        const acc = new Acc();
        for (const x of [2, 4, 4, 4, 5, 5, 7, 9]) acc.addValue(x);
        close(acc.mean, 5, 14);
        close(acc.variance, 32 / 7, 13);
        const e = tEstimate(acc.n, acc.mean, acc.variance);
        close(e.ci![0], 3.21251208176379, 12);
        close(e.ci![1], 6.787487918236209, 12);
    });

    it('keeps precision for large values (shifted sums)', () => {
        const acc = new Acc();
        for (const x of [1e9 + 1, 1e9 + 2, 1e9 + 3]) acc.addValue(x);
        expect(acc.mean).toBe(1e9 + 2);
        expect(acc.variance).toBe(1);
    });

    it('has no interval from one value', () => {
        expect(tEstimate(1, 4, 0)).toEqual({ value: 4, ci: null, n: 1, sd: null });
    });

    it('merges partial accumulators exactly', () => {
        const whole = new Acc(), left = new Acc(), right = new Acc();
        const xs = [3, 8, 1, 9, 4, 4, 7, 2, 6, 5];
        xs.forEach((x, i) => { whole.addValue(x); (i < 4 ? left : right).addValue(x); });
        left.merge(right);
        expect(left.n).toBe(10);
        close(left.mean, whole.mean, 14);
        close(left.variance, whole.variance, 13);
    });
});

describe('period change tests', () => {
    const shares = (n: number, hits: number) => {
        const acc = new Acc();
        for (let i = 0; i < n; i++) acc.addHit(i < hits);
        return acc;
    };

    it('two-proportion z: 45/100 then 60/100', () => {
        // pooled p = 105/200 = 0.525; SE = sqrt(0.525·0.475·(1/100 + 1/100)) = 0.070622; z = 0.15/SE = 2.12398.
        const c = changeTest('share', shares(100, 45), shares(100, 60))!;
        expect(c.test).toBe('two-proportion-z');
        close(c.delta, 15, 12);
        close(c.pValue, 0.033672068856345834, 12);
        expect(c.significant).toBe(true);
    });

    it("Welch's t: two samples of 15", () => {
        const a = [27.5, 21.0, 19.0, 23.6, 17.0, 17.9, 16.9, 20.1, 21.9, 22.6, 23.1, 19.6, 19.0, 21.7, 21.4];
        const b = [27.1, 22.0, 20.8, 23.4, 23.4, 23.5, 25.8, 22.0, 24.8, 20.2, 21.9, 22.1, 22.9, 20.5, 24.4];
        const acc = (xs: number[]) => { const r = new Acc(); xs.forEach(x => r.addValue(x)); return r; };
        const c = changeTest('mean', acc(a), acc(b))!;
        expect(c.test).toBe('welch-t');
        close(c.delta, 2.166666666666668, 12);
        close(c.pValue, 0.021378001462866992, 10);
    });

    it('NPS difference: z on the unadjusted standard errors', () => {
        const nps = (n: number, p: number, d: number) => {
            const acc = new Acc();
            for (let i = 0; i < n; i++) acc.addNps(i < p ? 10 : i < p + d ? 0 : 8);
            return acc;
        };
        // 40/100 promoters, 30/100 detractors (NPS 10) → 50/100, 20/100 (NPS 30).
        // Var per score: 0.7 − 0.01 = 0.69 and 0.7 − 0.09 = 0.61 (×100²); SE = 100·sqrt(0.0069 + 0.0061).
        const c = changeTest('nps', nps(100, 40, 30), nps(100, 50, 20))!;
        close(c.delta, 20, 12);
        const z = 20 / (100 * Math.sqrt(0.0069 + 0.0061));
        close(c.pValue, 2 * (1 - 0.5 * (1 + erf(z / Math.SQRT2))), 7);
        expect(c.test).toBe('z-difference');
    });
});

describe('verdicts', () => {
    const target = { op: '>=' as const, value: 30, warning: 35 };
    it('is met, missed or inconclusive by where the interval lies', () => {
        expect(verdictOf({ value: 40, ci: [31, 49], n: 100, sd: 80 }, target, 30, 100, 5).verdict).toBe('met');
        expect(verdictOf({ value: 20, ci: [11, 29], n: 100, sd: 80 }, target, 30, 100, 5).verdict).toBe('missed');
        expect(verdictOf({ value: 32, ci: [22, 42], n: 100, sd: 80 }, target, 30, 100, 5)).toEqual({ verdict: 'inconclusive', neededN: null, warned: true });
    });
    it('is insufficient below the minimum sample, with the n needed', () => {
        // gap |20 − 30| = 10 points, sd 80: n = ceil((1.96·80/10)²) = ceil(245.86) = 246.
        expect(verdictOf({ value: 20, ci: [0, 40], n: 20, sd: 80 }, target, 30, 100, 5)).toEqual({ verdict: 'insufficient', neededN: 246, warned: true });
    });
});

/** Abramowitz-Stegun 7.1.26 is too coarse here; this series is exact to ~1e-15 for |x| < 3. */
function erf(x: number): number {
    let sum = 0, term = x;
    for (let n = 0; n < 200; n++) {
        sum += term / (2 * n + 1);
        term *= -x * x / (n + 1);
    }
    return 2 / Math.sqrt(Math.PI) * sum;
}
