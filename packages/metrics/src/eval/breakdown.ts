/**
 * The accumulators of one metric: overall, per segment and per period. Every kind of metric fills
 * the same structure, and it turns into the result's estimates, segment and period entries.
 */
import type { Metric, Period, Scale, Segment } from '@cxspec/model';
import type { Estimate, PeriodEstimate, SegmentEstimate } from '../result.js';
import { Acc, accState, type AccState } from '../stats/accumulator.js';
import { changeTest, estimate, type Estimator } from '../stats/estimates.js';
import { toEstimate } from './estimate.js';
import { isoDate, periodLabel } from './periods.js';

/** A Breakdown's sums as plain data (what a worker thread sends back); periods as [start, sums]. */
export interface BreakdownState {
    overall: AccState;
    segments: AccState[];
    periods: Array<[number, AccState]>;
}

export class Breakdown {
    readonly overall = new Acc();
    readonly segments: Acc[];
    /** Keyed by period start (epoch ms). */
    readonly periods = new Map<number, Acc>();

    /** `percent` is a quantile metric's percentile; other estimators ignore it. */
    constructor(readonly estimator: Estimator, segmentCount: number, readonly percent = 50) {
        this.segments = Array.from({ length: segmentCount }, () => new Acc());
    }

    /** Adds one observation (NPS score, 0/1 hit, or value) to an accumulator. */
    static add(acc: Acc, estimator: Estimator, x: number): void {
        if (estimator === 'nps') acc.addNps(x);
        else if (estimator === 'share') acc.addHit(x === 1);
        else if (estimator === 'quantile') acc.addCount(x);
        else acc.addValue(x);
    }

    periodAcc(start: number): Acc {
        let acc = this.periods.get(start);
        if (!acc) this.periods.set(start, (acc = new Acc()));
        return acc;
    }

    state(): BreakdownState {
        return { overall: accState(this.overall), segments: this.segments.map(accState), periods: [...this.periods].map(([start, acc]) => [start, accState(acc)]) };
    }

    /** Adds the sums of the rows after this breakdown's rows. */
    merge(other: BreakdownState): void {
        this.overall.merge(other.overall);
        other.segments.forEach((acc, j) => this.segments[j].merge(acc));
        for (const [start, acc] of other.periods) this.periodAcc(start).merge(acc);
    }

    overallEstimate(metric: Metric, scale: Scale | null): Estimate {
        return toEstimate(estimate(this.estimator, this.overall, this.percent), metric, scale);
    }

    segmentEstimates(metric: Metric, segments: Segment[], scale: Scale | null): SegmentEstimate[] {
        return segments.map((s, i) => ({ segment: s.name, title: s.title, ...toEstimate(estimate(this.estimator, this.segments[i], this.percent), metric, scale) }));
    }

    periodEstimates(metric: Metric, unit: Period | null, scale: Scale | null): PeriodEstimate[] {
        if (!unit) return [];
        const starts = [...this.periods.keys()].sort((a, b) => a - b);
        return starts.map((start, i) => {
            const acc = this.periods.get(start)!;
            return {
                period: periodLabel(start, unit),
                start: isoDate(start),
                ...toEstimate(estimate(this.estimator, acc, this.percent), metric, scale),
                change: i === 0 ? null : changeTest(this.estimator, this.periods.get(starts[i - 1])!, acc)
            };
        });
    }
}
