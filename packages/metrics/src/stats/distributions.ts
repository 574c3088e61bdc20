/**
 * Normal and Student t distributions: what intervals and tests need, written out so the evaluator
 * has no numeric dependency. Accuracy is ~1e-12 relative for the ranges used (p in [1e-12, 1]).
 */

/** Standard normal CDF, through erfc(x) = Q(1/2, x²) (regularized upper incomplete gamma). */
export function normalCdf(x: number): number {
    return 0.5 * erfc(-x / Math.SQRT2);
}

function erfc(x: number): number {
    if (x < 0) return 2 - erfc(-x);
    return x === 0 ? 1 : gammaQ(0.5, x * x);
}

/** Standard normal quantile: Acklam's approximation refined by one Halley step. */
export function normalQuantile(p: number): number {
    if (p <= 0) return -Infinity;
    if (p >= 1) return Infinity;
    const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.383577518672690e2, -3.066479806614716e1, 2.506628277459239];
    const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
    const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
    const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
    let x: number;
    if (p < 0.02425) {
        const q = Math.sqrt(-2 * Math.log(p));
        x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    } else if (p > 1 - 0.02425) {
        const q = Math.sqrt(-2 * Math.log(1 - p));
        x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    } else {
        const q = p - 0.5;
        const r = q * q;
        x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
    }
    const e = normalCdf(x) - p;
    const u = e * Math.sqrt(2 * Math.PI) * Math.exp(x * x / 2);
    return x - u / (1 + x * u / 2);
}

/** Student t CDF with `df` degrees of freedom. */
export function tCdf(t: number, df: number): number {
    const x = df / (df + t * t);
    const tail = 0.5 * betaIncomplete(df / 2, 0.5, x);
    return t >= 0 ? 1 - tail : tail;
}

/** Student t quantile, by bisection on the CDF (monotone; 200 halvings reach double precision). */
export function tQuantile(p: number, df: number): number {
    if (!Number.isFinite(df)) return normalQuantile(p);
    let lo = -1e3, hi = 1e3;
    for (let i = 0; i < 200 && hi - lo > 1e-15 * Math.max(1, Math.abs(lo)); i++) {
        const mid = (lo + hi) / 2;
        if (tCdf(mid, df) < p) lo = mid; else hi = mid;
    }
    return (lo + hi) / 2;
}

function logGamma(x: number): number {
    // Lanczos approximation (g = 7, n = 9), good to ~1e-15.
    const g = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
        -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
    if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
    x -= 1;
    let a = g[0];
    const t = x + 7.5;
    for (let i = 1; i < 9; i++) a += g[i] / (x + i);
    return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Regularized incomplete beta I_x(a, b) (Numerical Recipes, Lentz continued fraction). */
export function betaIncomplete(a: number, b: number, x: number): number {
    if (x <= 0) return 0;
    if (x >= 1) return 1;
    const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
    if (x < (a + 1) / (a + b + 2)) return front * betaFraction(a, b, x) / a;
    return 1 - front * betaFraction(b, a, 1 - x) / b;
}

function betaFraction(a: number, b: number, x: number): number {
    const tiny = 1e-300;
    let c = 1, d = 1 - (a + b) * x / (a + 1);
    if (Math.abs(d) < tiny) d = tiny;
    d = 1 / d;
    let h = d;
    for (let m = 1; m <= 1000; m++) {
        const m2 = 2 * m;
        let aa = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
        d = 1 + aa * d; if (Math.abs(d) < tiny) d = tiny;
        c = 1 + aa / c; if (Math.abs(c) < tiny) c = tiny;
        d = 1 / d; h *= d * c;
        aa = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
        d = 1 + aa * d; if (Math.abs(d) < tiny) d = tiny;
        c = 1 + aa / c; if (Math.abs(c) < tiny) c = tiny;
        d = 1 / d;
        const del = d * c;
        h *= del;
        if (Math.abs(del - 1) < 1e-16) break;
    }
    return h;
}

/** Regularized upper incomplete gamma Q(a, x). */
function gammaQ(a: number, x: number): number {
    const gln = logGamma(a);
    if (x < a + 1) {
        let sum = 1 / a, del = sum, ap = a;
        for (let n = 0; n < 1000; n++) {
            ap += 1; del *= x / ap; sum += del;
            if (Math.abs(del) < Math.abs(sum) * 1e-17) break;
        }
        return 1 - sum * Math.exp(-x + a * Math.log(x) - gln);
    }
    const tiny = 1e-300;
    let b = x + 1 - a, c = 1 / tiny, d = 1 / b, h = d;
    for (let i = 1; i < 1000; i++) {
        const an = -i * (i - a);
        b += 2;
        d = an * d + b; if (Math.abs(d) < tiny) d = tiny;
        c = b + an / c; if (Math.abs(c) < tiny) c = tiny;
        d = 1 / d;
        const del = d * c;
        h *= del;
        if (Math.abs(del - 1) < 1e-16) break;
    }
    return Math.exp(-x + a * Math.log(x) - gln) * h;
}

/** Two-sided p-value of a standard normal statistic. */
export function twoSidedNormalP(z: number): number {
    return Math.min(1, 2 * normalCdf(-Math.abs(z)));
}

/** Two-sided p-value of a t statistic. */
export function twoSidedTP(t: number, df: number): number {
    return Math.min(1, 2 * tCdf(-Math.abs(t), df));
}
