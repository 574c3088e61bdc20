/**
 * The one mergeable accumulator every metric streams into. Its two sums mean different things per
 * estimator (see `Estimator` in estimates.ts); merging is addition, so partial results from threads,
 * shards or SQL can be combined exactly.
 */
/** The sums of an Acc as plain data (what a worker thread sends back). */
export interface AccState {
    n: number;
    a: number;
    b: number;
    shift: number;
}

export class Acc implements AccState {
    n = 0;
    /** NPS: promoters; share: hits; mean: sum of (x - shift). */
    a = 0;
    /** NPS: detractors; mean: sum of (x - shift)². */
    b = 0;
    /** Means are summed around the first value seen, so large values (revenue) keep their precision. */
    shift = Number.NaN;

    addNps(score: number): void {
        this.n++;
        if (score >= 9) this.a++;
        else if (score <= 6) this.b++;
    }

    addHit(hit: boolean): void {
        this.n++;
        if (hit) this.a++;
    }

    addValue(x: number): void {
        if (this.n === 0) this.shift = x;
        const d = x - this.shift;
        this.n++;
        this.a += d;
        this.b += d * d;
    }

    merge(other: AccState): void {
        if (other.n === 0) return;
        if (Number.isNaN(other.shift) || Number.isNaN(this.shift)) {
            if (this.n === 0) this.shift = other.shift;
            this.n += other.n; this.a += other.a; this.b += other.b;
            return;
        }
        const k = other.shift - this.shift;
        this.b += other.b + 2 * k * other.a + other.n * k * k;
        this.a += other.a + other.n * k;
        this.n += other.n;
    }

    get mean(): number { return this.shift + this.a / this.n; }

    /** Sample variance (n − 1 denominator). */
    get variance(): number { return Math.max(0, (this.b - this.a * this.a / this.n) / (this.n - 1)); }
}

/** An accumulator's sums copied out as plain data. */
export function accState({ n, a, b, shift }: AccState): AccState {
    return { n, a, b, shift };
}
