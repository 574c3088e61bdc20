/**
 * median() and percentile(): the Hyndman-Fan type 7 value and the order-statistics interval on a
 * hand-worked case (docs/scoring.md), value counts that merge like the other sums, and number
 * questions scored from CSV with their checks, means, medians, percentiles and number segments.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { loadWorkspace } from '@cxspec/language';
import { evaluate } from '../src/index.js';
import { Acc, accState } from '../src/stats/accumulator.js';
import { quantileEstimate } from '../src/stats/estimates.js';
import { csv, tempDir } from './support/files.js';

const tmp = tempDir('cx-quantiles-');
afterAll(() => tmp.remove());

/** The worked case of docs/scoring.md: 20 answers on 0..10. */
const ANSWERS = [0, 1, 2, 3, 4, 5, 5, 6, 6, 7, 8, 8, 8, 8, 9, 9, 9, 9, 10, 10];

function countsOf(values: number[]): Acc {
    const acc = new Acc();
    for (const v of values) acc.addCount(v);
    return acc;
}

describe('quantile estimates', () => {
    it('the worked case: median 7.5 in [5, 9]; 90th percentile 9.1 with no 95% interval', () => {
        const acc = countsOf(ANSWERS);
        expect(quantileEstimate(acc.counts, acc.n, 50)).toEqual({ value: 7.5, ci: [5, 9], n: 20, sd: null });
        // h = 19·0.9 is 17.1 up to rounding, so the value is 9.1 to the last bit or two.
        const p90 = quantileEstimate(acc.counts, acc.n, 90);
        expect(p90.value).toBeCloseTo(9.1, 14);
        expect([p90.ci, p90.n]).toEqual([null, 20]);
        expect(quantileEstimate(acc.counts, acc.n, 0).value).toBe(0);
        expect(quantileEstimate(acc.counts, acc.n, 100).value).toBe(10);
        expect(quantileEstimate(null, 0, 50)).toEqual({ value: null, ci: null, n: 0, sd: null });
    });

    it('counts merge: two halves in either order give the counts of the whole', () => {
        const first = countsOf(ANSWERS.slice(0, 7)), second = countsOf(ANSWERS.slice(7));
        const merged = new Acc();
        merged.merge(accState(second));
        merged.merge(accState(first));
        expect(merged.n).toBe(20);
        expect([...merged.counts!].sort((a, b) => a[0] - b[0])).toEqual([...countsOf(ANSWERS).counts!].sort((a, b) => a[0] - b[0]));
        expect(quantileEstimate(merged.counts, merged.n, 50)).toEqual({ value: 7.5, ci: [5, 9], n: 20, sd: null });
    });
});

const SPEC = `spec Num { locales en }
survey Visit {
    en "Visit"
    question age: number 0..120 integer unit "years" { en "Age?" }
    question wait: number unit "min" { en "Minutes waited?" }
    question score: rating 0..100 { en "Score?" }
}
segment Adults { en "Adults" where Visit.age >= 18 }
metric mean_wait = mean(Visit.wait) by [Adults]
metric median_wait = median(Visit.wait) by [Adults]
metric p90_wait = percentile(Visit.wait, 90)
metric median_age = median(Visit.age)
metric median_score = median(Visit.score) target >= 50
`;

describe('number questions scored from CSV', () => {
    it('checks the answers and gives exact means, medians and percentiles, overall and per number segment', async () => {
        const dir = tmp.write('num.cx', SPEC).replace(/num\.cx$/, '');
        const workspace = await loadWorkspace([`${dir}num.cx`], { root: dir });
        expect(workspace.diagnostics).toEqual([]);
        const model = workspace.model('Num');
        const file = tmp.write('visit.csv', csv([
            ['respondent_id', 'submitted_at', 'age', 'wait', 'score'],
            ['r1', '2026-01-05T10:00:00Z', 30, 2.5, 70],
            ['r2', '2026-01-05T11:00:00Z', 41, 10, 85],
            ['r3', '2026-01-06T10:00:00Z', 17, 0.5, ''],
            ['r4', '2026-01-06T12:00:00Z', 65, ' 4 ', 40],
            ['r5', '2026-01-07T09:00:00Z', 22, '7.25', 100],
            ['r6', '2026-01-07T10:00:00Z', 30.5, 'soon', 101],
            ['r7', '2026-01-07T11:00:00Z', 121, '-1e1', '']
        ]));
        const r = await evaluate(model, { responses: [{ survey: 'Visit', file }], datasets: [] });
        expect(r.input.exclusions.map(x => [x.reason, x.column, x.rows, x.message])).toEqual([
            ['wrong_type', 'age', [6], "age expects a whole number from 0 to 120, got '30.5'"],
            ['wrong_type', 'wait', [6], "wait expects a number, got 'soon'"],
            ['out_of_range', 'age', [7], "age expects a number from 0 to 120, got '121'"],
            ['out_of_range', 'score', [6], "score is on a 0-100 scale, got '101'"]
        ]);
        const m = r.metrics;
        // wait: 2.5 10 0.5 4 7.25 -10 (r7's age is rejected, its wait is not).
        expect([m.mean_wait.value, m.mean_wait.n, m.mean_wait.unit]).toEqual([(2.5 + 10 + 0.5 + 4 + 7.25 - 10) / 6, 6, 'number']);
        // Sorted -10 0.5 2.5 4 7.25 10: h = 2.5, 2.5 + 0.5·1.5; r = round(3 − 1.96·√1.5) = 1, s = round(4 + 1.96·√1.5) = 6.
        expect([m.median_wait.value, m.median_wait.ci, m.median_wait.interval]).toEqual([3.25, [-10, 10], 'order-statistics']);
        // Adults (age ≥ 18, a whole age given): r1 r2 r4 r5: 2.5 4 7.25 10, h = 1.5.
        expect(m.median_wait.segments.map(s => [s.segment, s.value, s.n])).toEqual([['Adults', 5.625, 4]]);
        expect(m.mean_wait.segments.map(s => [s.segment, s.value, s.n])).toEqual([['Adults', 23.75 / 4, 4]]);
        // h = 5·0.9 = 4.5: 7.25 + 0.5·2.75.
        expect(m.p90_wait.value).toBe(8.625);
        expect([m.median_age.value, m.median_age.n]).toEqual([30, 5]);
        expect([m.median_score.value, m.median_score.unit, m.median_score.verdict, m.median_score.formula]).toEqual(
            [77.5, 'scale', 'insufficient', 'median of Visit.score (Hyndman-Fan type 7), on its 0-100 scale']);
        expect(m.median_score.details).toEqual({ percentile: 50, distinct: 4 });
    });
});
