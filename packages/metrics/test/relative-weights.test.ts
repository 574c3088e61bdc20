/**
 * Johnson's relative weights against an independent computation: the symmetric square root of the
 * predictor correlation matrix by Denman-Beavers iteration (no eigenvectors), β by Gaussian
 * elimination, and R² from the normal equations of ordinary least squares.
 */
import { describe, expect, it } from 'vitest';
import { CrossAcc, relativeWeights, symmetricEigen } from '../src/index.js';

type M = number[][];
const mul = (a: M, b: M): M => a.map(row => b[0].map((_, j) => row.reduce((s, x, k) => s + x * b[k][j], 0)));
const eye = (n: number): M => Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));

function inverse(a: M): M {
    const n = a.length;
    const m = a.map((row, i) => [...row, ...eye(n)[i]]);
    for (let c = 0; c < n; c++) {
        let p = c;
        for (let r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[p][c])) p = r;
        [m[c], m[p]] = [m[p], m[c]];
        const d = m[c][c];
        for (let j = 0; j < 2 * n; j++) m[c][j] /= d;
        for (let r = 0; r < n; r++) {
            if (r === c) continue;
            const f = m[r][c];
            for (let j = 0; j < 2 * n; j++) m[r][j] -= f * m[c][j];
        }
    }
    return m.map(row => row.slice(n));
}

/** Denman-Beavers: Y ← (Y + Z⁻¹)/2, Z ← (Z + Y⁻¹)/2 converges to A^½ and A^-½. */
function sqrtm(a: M): M {
    let y = a.map(r => [...r]), z = eye(a.length);
    for (let i = 0; i < 60; i++) {
        const yi = inverse(y), zi = inverse(z);
        y = y.map((r, p) => r.map((x, q) => (x + zi[p][q]) / 2));
        z = z.map((r, p) => r.map((x, q) => (x + yi[p][q]) / 2));
    }
    return y;
}

function independentWeights(rxx: M, rxy: number[]): { weights: number[]; r2: number } {
    const lambda = sqrtm(rxx);
    const beta = mul(inverse(lambda), rxy.map(v => [v])).map(r => r[0]);
    const weights = lambda.map(row => row.reduce((s, l, k) => s + l * l * beta[k] * beta[k], 0));
    const b = mul(inverse(rxx), rxy.map(v => [v])).map(r => r[0]);
    return { weights, r2: b.reduce((s, x, i) => s + x * rxy[i], 0) };
}

describe('relative weights', () => {
    // Four correlated touchpoint ratings and their correlations with the outcome.
    const rxx = [
        [1.0, 0.6, 0.45, 0.3],
        [0.6, 1.0, 0.5, 0.35],
        [0.45, 0.5, 1.0, 0.25],
        [0.3, 0.35, 0.25, 1.0]
    ];
    const rxy = [0.55, 0.6, 0.4, 0.3];

    it('agrees with the independent computation to 1e-12', () => {
        const ours = relativeWeights(rxx, rxy);
        const ref = independentWeights(rxx, rxy);
        ours.weights.forEach((w, i) => expect(w).toBeCloseTo(ref.weights[i], 12));
        expect(ours.r2).toBeCloseTo(ref.r2, 12);
        expect(ours.weights.reduce((s, w) => s + w, 0)).toBeCloseTo(ref.r2, 12);
    });

    it('gives each uncorrelated predictor its squared correlation', () => {
        const { weights, r2 } = relativeWeights(eye(3), [0.5, 0.3, 0.1]);
        weights.forEach((w, i) => expect(w).toBeCloseTo([0.25, 0.09, 0.01][i], 14));
        expect(r2).toBeCloseTo(0.35, 14);
    });

    it('splits weight between two identical predictors instead of failing', () => {
        const { weights, r2 } = relativeWeights([[1, 1], [1, 1]], [0.6, 0.6]);
        expect(weights[0]).toBeCloseTo(0.18, 12);
        expect(weights[1]).toBeCloseTo(0.18, 12);
        expect(r2).toBeCloseTo(0.36, 12);
    });

    it('decomposes a symmetric matrix into eigenpairs that rebuild it', () => {
        const { values, vectors } = symmetricEigen(rxx);
        const rebuilt = rxx.map((_, i) => rxx.map((__, j) => values.reduce((s, l, e) => s + vectors[i][e] * l * vectors[j][e], 0)));
        rebuilt.forEach((row, i) => row.forEach((x, j) => expect(x).toBeCloseTo(rxx[i][j], 13)));
    });

    it('builds Pearson correlations from streamed cross-products', () => {
        const acc = new CrossAcc(2);
        const xs = [[1, 2], [2, 4.5], [3, 5.5], [4, 9], [5, 9.5]];
        for (const x of xs) acc.add(x);
        // By hand: x̄ = 3, ȳ = 6.1; Sxy = 19.5, Sxx = 10, Syy = 39.7 → r = 19.5/sqrt(397).
        expect(acc.correlations()[0][1]).toBeCloseTo(19.5 / Math.sqrt(397), 14);
    });
});
