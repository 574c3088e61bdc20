/**
 * Driver analysis on generated coffee responses, checked against an independent computation from
 * the raw rows: Pearson r and the OLS R² (normal equations solved here), the quadrant rule and the
 * priority order.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluate, type DriverAnalysisResult } from '../src/index.js';
import { coffeeRows, COFFEE_HEADER } from './support/generate.js';
import { exampleModel, tempDir } from './support/files.js';

const tmp = tempDir('cx-drivers-');
afterAll(() => tmp.remove());

let d: DriverAnalysisResult;
let rows: string[][];
beforeAll(async () => {
    rows = coffeeRows(5000, 3);
    const file = tmp.write('coffee.csv', [COFFEE_HEADER, ...rows].map(r => r.join(',')).join('\n') + '\n');
    const model = await exampleModel('coffee-mobile-order');
    d = (await evaluate(model, { responses: [{ survey: 'AfterPickup', file }], datasets: [] })).drivers.loyalty;
});

function solve(a: number[][], b: number[]): number[] {
    const n = b.length, m = a.map((row, i) => [...row, b[i]]);
    for (let c = 0; c < n; c++) {
        let p = c;
        for (let r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[p][c])) p = r;
        [m[c], m[p]] = [m[p], m[c]];
        for (let r = c + 1; r < n; r++) {
            const f = m[r][c] / m[c][c];
            for (let j = c; j <= n; j++) m[r][j] -= f * m[c][j];
        }
    }
    const x = new Array<number>(n).fill(0);
    for (let r = n - 1; r >= 0; r--) x[r] = (m[r][n] - m[r].slice(r + 1, n).reduce((s, v, j) => s + v * x[r + 1 + j], 0)) / m[r][r];
    return x;
}

describe('driver analysis', () => {
    it('matches r and R² computed directly from the complete rows', () => {
        const cols = ['recommend', ...d.drivers.map(x => x.question)].map(c => COFFEE_HEADER.indexOf(c));
        const complete = rows.map(r => cols.map(c => r[c])).filter(v => v.every(x => x !== '')).map(v => v.map(Number));
        expect(d.n).toBe(complete.length);
        const k = cols.length, n = complete.length;
        const mean = cols.map((_, j) => complete.reduce((s, v) => s + v[j], 0) / n);
        const cov = (i: number, j: number) => complete.reduce((s, v) => s + (v[i] - mean[i]) * (v[j] - mean[j]), 0);
        const r = (i: number, j: number) => cov(i, j) / Math.sqrt(cov(i, i) * cov(j, j));
        d.drivers.forEach((x, j) => expect(x.r).toBeCloseTo(r(0, j + 1), 12));
        const rxx = Array.from({ length: k - 1 }, (_, i) => Array.from({ length: k - 1 }, (__, j) => r(i + 1, j + 1)));
        const rxy = Array.from({ length: k - 1 }, (_, i) => r(0, i + 1));
        const beta = solve(rxx, rxy);
        expect(d.r2).toBeCloseTo(beta.reduce((s, b, i) => s + b * rxy[i], 0), 12);
        expect(d.drivers.reduce((s, x) => s + x.weight!, 0)).toBeCloseTo(d.r2!, 12);
    });

    it('places drivers in quadrants by mean importance and mean top-2-box, and ranks them', () => {
        const avg = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
        expect(d.thresholds.importance).toBeCloseTo(avg(d.drivers.map(x => x.weightPercent!)), 12);
        expect(d.thresholds.performance).toBeCloseTo(avg(d.drivers.map(x => x.performance.topBox!)), 12);
        for (const x of d.drivers) {
            const important = x.importance! >= d.thresholds.importance!, performing = x.performance.topBox! >= d.thresholds.performance!;
            expect(x.quadrant).toBe(important ? (performing ? 'keep_up' : 'concentrate') : (performing ? 'possible_overkill' : 'low_priority'));
        }
        const order = ['concentrate', 'keep_up', 'low_priority', 'possible_overkill'];
        const ranked = [...d.drivers].sort((a, b) => a.rank - b.rank);
        expect(ranked.map(x => x.rank)).toEqual([1, 2, 3, 4, 5, 6]);
        for (let i = 1; i < ranked.length; i++) {
            const qa = order.indexOf(ranked[i - 1].quadrant!), qb = order.indexOf(ranked[i].quadrant!);
            expect(qa < qb || (qa === qb && ranked[i - 1].importance! >= ranked[i].importance!)).toBe(true);
        }
        expect(new Set(d.drivers.map(x => x.quadrant)).size).toBeGreaterThan(1);
    });
});
