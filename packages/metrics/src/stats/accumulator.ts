/**
 * The one mergeable accumulator every metric streams into: counts for NPS and shares, shifted sums
 * for means, value counts for quantiles (each estimator fills its own fields, see `Estimator` in estimates.ts); merging is
 * addition, so partial results from threads, shards or SQL can be combined exactly.
 */
/** The sums of an Acc as plain data (what a worker thread sends back). */
export interface AccState {
    /** Observations. */
    n: number;
    /** NPS: answers of 9-10. */
    promoters: number;
    /** NPS: answers of 0-6. */
    detractors: number;
    /** Share: observations that are hits. */
    hits: number;
    /** Mean: the first value seen; the sums are of x − origin, so large values (revenue) keep their precision. */
    origin: number;
    /** Mean: Σ (x − origin). */
    deviations: number;
    /** Mean: Σ (x − origin)². */
    squares: number;
    /**
     * Quantile: how often each distinct value occurs (null for other estimators). A rating has at
     * most 101 values, so this stays small; a decimal number question keeps one entry per distinct
     * value, which grows with the data (docs/scoring.md).
     */
    counts: Map<number, number> | null;
}

export class Acc implements AccState {
    /** The accumulator of a share from its counts. */
    static ofShare(n: number, hits: number): Acc {
        const acc = new Acc();
        acc.n = n;
        acc.hits = hits;
        return acc;
    }

    /** The accumulator of a mean from its sums around `origin`. */
    static ofSums(n: number, origin: number, deviations: number, squares: number): Acc {
        const acc = new Acc();
        acc.n = n;
        acc.origin = origin;
        acc.deviations = deviations;
        acc.squares = squares;
        return acc;
    }

    /** The accumulator of NPS answers from its counts. */
    static ofNps(n: number, promoters: number, detractors: number): Acc {
        const acc = new Acc();
        acc.n = n;
        acc.promoters = promoters;
        acc.detractors = detractors;
        return acc;
    }

    n = 0;
    promoters = 0;
    detractors = 0;
    hits = 0;
    origin = Number.NaN;
    deviations = 0;
    squares = 0;
    counts: Map<number, number> | null = null;

    addNps(score: number): void {
        this.n++;
        if (score >= 9) this.promoters++;
        else if (score <= 6) this.detractors++;
    }

    addHit(hit: boolean): void {
        this.n++;
        if (hit) this.hits++;
    }

    addValue(x: number): void {
        if (this.n === 0) this.origin = x;
        const d = x - this.origin;
        this.n++;
        this.deviations += d;
        this.squares += d * d;
    }

    /** Counts one value of a quantile metric. */
    addCount(x: number): void {
        this.n++;
        const counts = (this.counts ??= new Map());
        counts.set(x, (counts.get(x) ?? 0) + 1);
    }

    merge(other: AccState): void {
        if (other.n === 0) return;
        if (other.counts) {
            const counts = (this.counts ??= new Map());
            for (const [x, c] of other.counts) counts.set(x, (counts.get(x) ?? 0) + c);
        }
        this.promoters += other.promoters;
        this.detractors += other.detractors;
        this.hits += other.hits;
        if (Number.isNaN(other.origin) || Number.isNaN(this.origin)) {
            if (this.n === 0) this.origin = other.origin;
            this.n += other.n; this.deviations += other.deviations; this.squares += other.squares;
            return;
        }
        const k = other.origin - this.origin;
        this.squares += other.squares + 2 * k * other.deviations + other.n * k * k;
        this.deviations += other.deviations + other.n * k;
        this.n += other.n;
    }

    get mean(): number { return this.origin + this.deviations / this.n; }

    /** Sample variance (n − 1 denominator). */
    get variance(): number { return Math.max(0, (this.squares - this.deviations * this.deviations / this.n) / (this.n - 1)); }
}

/** An accumulator's sums copied out as plain data. */
export function accState({ n, promoters, detractors, hits, origin, deviations, squares, counts }: AccState): AccState {
    return { n, promoters, detractors, hits, origin, deviations, squares, counts: counts && new Map(counts) };
}
