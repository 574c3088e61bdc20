/**
 * Key-driver statistics: a mergeable cross-product accumulator, Pearson correlations from it, and
 * Johnson's (2000) relative weights, which split R² among correlated predictors.
 */

/** Sums and cross-products of m variables over complete rows, centred on the first row. */
export class CrossAcc {
    n = 0;
    readonly shift: Float64Array;
    readonly sums: Float64Array;
    /** Row-major m×m matrix of Σ (x_i − shift_i)(x_j − shift_j). */
    readonly products: Float64Array;
    /** The row being added, minus the shift (scratch). */
    private readonly centred: Float64Array;

    constructor(readonly m: number) {
        this.shift = new Float64Array(m);
        this.centred = new Float64Array(m);
        this.sums = new Float64Array(m);
        this.products = new Float64Array(m * m);
    }

    add(x: ArrayLike<number>): void {
        const { m, shift, sums, products, centred } = this;
        if (this.n === 0) for (let i = 0; i < m; i++) shift[i] = x[i];
        this.n++;
        for (let i = 0; i < m; i++) centred[i] = x[i] - shift[i];
        for (let i = 0; i < m; i++) {
            const di = centred[i];
            sums[i] += di;
            for (let j = i, at = i * m + i; j < m; j++, at++) products[at] += di * centred[j];
        }
    }

    /**
     * Adds another accumulator's sums (re-centred on this one's shift). With integer answers every
     * term is an integer below 2^53, so the merged sums equal those of one pass over all the rows.
     */
    merge(other: { n: number; shift: ArrayLike<number>; sums: ArrayLike<number>; products: ArrayLike<number> }): void {
        if (other.n === 0) return;
        const m = this.m;
        if (this.n === 0) for (let i = 0; i < m; i++) this.shift[i] = other.shift[i];
        const k = new Float64Array(m);
        for (let i = 0; i < m; i++) k[i] = other.shift[i] - this.shift[i];
        for (let i = 0; i < m; i++) {
            for (let j = i; j < m; j++) {
                this.products[i * m + j] += other.products[i * m + j] + k[i] * other.sums[j] + k[j] * other.sums[i] + other.n * k[i] * k[j];
            }
        }
        for (let i = 0; i < m; i++) this.sums[i] += other.sums[i] + other.n * k[i];
        this.n += other.n;
    }

    /** Correlation matrix (m×m, rows as arrays); NaN where a variable has no variance. */
    correlations(): number[][] {
        const m = this.m, n = this.n;
        const cov = (i: number, j: number) => {
            const [a, b] = i <= j ? [i, j] : [j, i];
            return this.products[a * m + b] - this.sums[a] * this.sums[b] / n;
        };
        const r: number[][] = [];
        for (let i = 0; i < m; i++) {
            r.push([]);
            for (let j = 0; j < m; j++) {
                const d = Math.sqrt(cov(i, i) * cov(j, j));
                r[i].push(i === j ? 1 : d > 0 ? cov(i, j) / d : Number.NaN);
            }
        }
        return r;
    }
}

/** Eigen-decomposition of a symmetric matrix by cyclic Jacobi rotations: values and column vectors. */
export function symmetricEigen(a: number[][]): { values: number[]; vectors: number[][] } {
    const n = a.length;
    const m = a.map(row => [...row]);
    const v: number[][] = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
    for (let sweep = 0; sweep < 100; sweep++) {
        let off = 0;
        for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += m[p][q] ** 2;
        if (off < 1e-30) break;
        for (let p = 0; p < n; p++) {
            for (let q = p + 1; q < n; q++) {
                if (Math.abs(m[p][q]) < 1e-300) continue;
                const theta = (m[q][q] - m[p][p]) / (2 * m[p][q]);
                const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                const c = 1 / Math.sqrt(t * t + 1), s = t * c;
                for (let k = 0; k < n; k++) {
                    const mkp = m[k][p], mkq = m[k][q];
                    m[k][p] = c * mkp - s * mkq;
                    m[k][q] = s * mkp + c * mkq;
                }
                for (let k = 0; k < n; k++) {
                    const mpk = m[p][k], mqk = m[q][k];
                    m[p][k] = c * mpk - s * mqk;
                    m[q][k] = s * mpk + c * mqk;
                }
                for (let k = 0; k < n; k++) {
                    const vkp = v[k][p], vkq = v[k][q];
                    v[k][p] = c * vkp - s * vkq;
                    v[k][q] = s * vkp + c * vkq;
                }
            }
        }
    }
    return { values: m.map((row, i) => row[i]), vectors: v };
}

export interface RelativeWeights {
    /** Raw weights, summing to R². */
    weights: number[];
    r2: number;
}

/**
 * Johnson's relative weights from the predictors' correlation matrix rxx and their correlations
 * with the outcome rxy: Λ = P Δ^½ Pᵀ (the symmetric root of rxx), β = Λ⁻¹ rxy,
 * ε_j = Σ_k Λ_jk² β_k². Directions with a zero eigenvalue (perfectly collinear drivers) are dropped
 * (pseudo-inverse), so collinear drivers share their weight instead of failing.
 */
export function relativeWeights(rxx: number[][], rxy: number[]): RelativeWeights {
    const k = rxy.length;
    const { values, vectors } = symmetricEigen(rxx);
    const root = (f: (l: number) => number) => Array.from({ length: k }, (_, i) => Array.from({ length: k }, (_, j) => {
        let s = 0;
        for (let e = 0; e < k; e++) s += vectors[i][e] * f(values[e]) * vectors[j][e];
        return s;
    }));
    const lambda = root(l => Math.sqrt(Math.max(0, l)));
    const lambdaInv = root(l => (l > 1e-12 ? 1 / Math.sqrt(l) : 0));
    const beta = lambdaInv.map(row => row.reduce((s, x, j) => s + x * rxy[j], 0));
    const weights = lambda.map(row => row.reduce((s, x, e) => s + x * x * beta[e] * beta[e], 0));
    return { weights, r2: beta.reduce((s, b) => s + b * b, 0) };
}
