/**
 * Key-driver ("moments of truth") analysis of one `drivers` declaration. Rows enter the importance
 * model only when the outcome and every driver are answered (listwise deletion): pairwise deletion
 * can yield a correlation matrix that is not positive semi-definite, which relative weights cannot
 * decompose, and one complete-case set keeps r, weights and R² about the same customers.
 * Performance uses every answer to the driver question.
 */
import type { DriverAnalysis, Localized, Survey } from '@cxspec/model';
import type { DriverAnalysisResult, DriverResult, Quadrant } from '../result.js';
import type { SurveyRow } from '../check/survey-rows.js';
import { Acc, accState, type AccState } from '../stats/accumulator.js';
import { CrossAcc, relativeWeights } from '../stats/relative-weights.js';

/** A DriverPlan's sums as plain data (what a worker thread sends back). */
export interface DriverState {
    cross: { n: number; shift: Float64Array; sums: Float64Array; products: Float64Array };
    means: AccState[];
    tops: AccState[];
}

const QUADRANT_ORDER: Quadrant[] = ['concentrate', 'keep_up', 'low_priority', 'possible_overkill'];

export class DriverPlan {
    private readonly outcome: number;
    private readonly drivers: number[];
    private readonly cross: CrossAcc;
    private readonly means: Acc[];
    private readonly tops: Acc[];
    private readonly topFrom: number[];
    private readonly vector: Float64Array;
    /**
     * Each driver's answers counted per scale value (index: answer − scale minimum) since the last
     * settle(), and the first of them: counting is cheaper per row than updating two accumulators,
     * and with integer answers the sums built from the counts are the streamed sums, bit for bit.
     */
    private readonly counts: Float64Array[];
    private readonly firsts: Float64Array;
    private readonly scaleMin: number[];

    constructor(readonly analysis: DriverAnalysis, readonly survey: Survey, private readonly touchpointTitles: ReadonlyMap<string, Localized> = new Map()) {
        const index = (name: string) => survey.questions.findIndex(q => q.name === name);
        this.outcome = index(analysis.outcome);
        this.drivers = analysis.drivers.map(index);
        this.cross = new CrossAcc(1 + this.drivers.length);
        this.means = this.drivers.map(() => new Acc());
        this.tops = this.drivers.map(() => new Acc());
        // Top-2-box of each driver's own scale.
        this.topFrom = this.drivers.map(i => survey.questions[i].scale!.max - 1);
        this.vector = new Float64Array(1 + this.drivers.length);
        this.scaleMin = this.drivers.map(i => survey.questions[i].scale!.min);
        this.counts = this.drivers.map(i => new Float64Array(survey.questions[i].scale!.max - survey.questions[i].scale!.min + 1));
        this.firsts = new Float64Array(this.drivers.length).fill(Number.NaN);
    }

    /** True when the row counted (in the model or in a driver's performance). */
    add(row: SurveyRow): boolean {
        const { answers } = row;
        let used = false;
        const y = answers[this.outcome];
        let complete = typeof y === 'number';
        if (complete) this.vector[0] = y as number;
        for (let j = 0; j < this.drivers.length; j++) {
            const v = answers[this.drivers[j]];
            if (typeof v === 'number') {
                this.counts[j][v - this.scaleMin[j]]++;
                if (Number.isNaN(this.firsts[j])) this.firsts[j] = v;
                this.vector[j + 1] = v;
                used = true;
            } else {
                complete = false;
            }
        }
        if (complete) this.cross.add(this.vector);
        return used || complete;
    }

    /** Adds the counted answers to the mean and top-box accumulators (in row order, after what they hold). */
    private settle(): void {
        for (let j = 0; j < this.drivers.length; j++) {
            const counts = this.counts[j], shift = this.firsts[j];
            if (Number.isNaN(shift)) continue;
            let n = 0, deviations = 0, squares = 0, hits = 0;
            for (let k = 0; k < counts.length; k++) {
                const c = counts[k];
                if (c === 0) continue;
                const v = this.scaleMin[j] + k, d = v - shift;
                n += c; deviations += c * d; squares += c * d * d;
                if (v >= this.topFrom[j]) hits += c;
            }
            this.means[j].merge(Acc.ofSums(n, shift, deviations, squares));
            this.tops[j].merge(Acc.ofShare(n, hits));
            counts.fill(0);
            this.firsts[j] = Number.NaN;
        }
    }

    state(): DriverState {
        this.settle();
        const { n, shift, sums, products } = this.cross;
        return { cross: { n, shift, sums, products }, means: this.means.map(accState), tops: this.tops.map(accState) };
    }

    /** Adds the sums of the rows after this plan's rows (merge order fixes the result's bits). */
    merge(other: DriverState): void {
        this.settle();
        this.cross.merge(other.cross);
        other.means.forEach((acc, j) => this.means[j].merge(acc));
        other.tops.forEach((acc, j) => this.tops[j].merge(acc));
    }

    result(): DriverAnalysisResult {
        this.settle();
        const { analysis, survey } = this;
        const k = this.drivers.length;
        const n = this.cross.n;
        const r: (number | null)[] = new Array(k).fill(null);
        const weights: (number | null)[] = new Array(k).fill(null);
        let r2: number | null = null;
        if (n >= k + 2) {
            const corr = this.cross.correlations();
            // Drivers without variance have no correlation; the model is fitted on the others.
            const usable = Array.from({ length: k }, (_, j) => j).filter(j => Number.isFinite(corr[0][j + 1]));
            for (const j of usable) r[j] = corr[0][j + 1];
            if (usable.length > 0 && usable.every(i => usable.every(j => Number.isFinite(corr[i + 1][j + 1])))) {
                const rw = relativeWeights(usable.map(i => usable.map(j => corr[i + 1][j + 1])), usable.map(j => corr[0][j + 1]));
                usable.forEach((j, u) => { weights[j] = rw.weights[u]; });
                r2 = rw.r2;
            }
        }
        const drivers = analysis.drivers.map((name, j): DriverResult => {
            const q = survey.questions[this.drivers[j]];
            const weight = weights[j];
            const weightPercent = weight !== null && r2 !== null && r2 > 0 ? 100 * weight / r2 : null;
            const mean = this.means[j], top = this.tops[j];
            return {
                question: name,
                title: q.text,
                touchpoint: q.about,
                touchpointTitle: q.about === null ? null : this.touchpointTitles.get(q.about) ?? null,
                r: r[j],
                weight,
                weightPercent,
                importance: analysis.method === 'relative_weights' ? weightPercent : r[j],
                performance: { mean: mean.n > 0 ? mean.mean : null, topBox: top.n > 0 ? 100 * top.hits / top.n : null, n: mean.n },
                quadrant: null,
                rank: 0
            };
        });
        const avg = (xs: (number | null)[]) => {
            const v = xs.filter((x): x is number => x !== null);
            return v.length > 0 ? v.reduce((s, x) => s + x, 0) / v.length : null;
        };
        const importance = avg(drivers.map(d => d.importance));
        const performance = avg(drivers.map(d => d.performance.topBox));
        for (const d of drivers) {
            if (d.importance === null || d.performance.topBox === null || importance === null || performance === null) continue;
            const important = d.importance >= importance, performing = d.performance.topBox >= performance;
            d.quadrant = important ? (performing ? 'keep_up' : 'concentrate') : (performing ? 'possible_overkill' : 'low_priority');
        }
        const order = drivers.map((d, j) => j).sort((a, b) => {
            const qa = drivers[a].quadrant, qb = drivers[b].quadrant;
            const oa = qa === null ? QUADRANT_ORDER.length : QUADRANT_ORDER.indexOf(qa);
            const ob = qb === null ? QUADRANT_ORDER.length : QUADRANT_ORDER.indexOf(qb);
            return oa - ob || (drivers[b].importance ?? -Infinity) - (drivers[a].importance ?? -Infinity) || a - b;
        });
        order.forEach((j, i) => { drivers[j].rank = i + 1; });
        return {
            name: analysis.name,
            title: analysis.title,
            survey: analysis.survey,
            outcome: analysis.outcome,
            method: analysis.method,
            n,
            r2,
            thresholds: { importance, performance },
            drivers
        };
    }
}
