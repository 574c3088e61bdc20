/**
 * Units, ranges and sampling error of metrics, shared by validation (target checks), the CX model
 * and the evaluator so that all of them describe a metric the same way.
 */
import type { MetricExpr, MetricUnit, Period } from '../cx-model.js';

export type MetricFunction = 'nps' | 'csat' | 'top' | 'bottom' | 'mean' | 'rate' | 'churn' | 'retention' | 'clv';

/**
 * How a metric's observations turn into its value: NPS points, a share of hits in percent, a mean,
 * or CLV (a mean value combined with a retention share). The evaluator and the SQL both read it.
 */
export type Estimator = 'nps' | 'share' | 'mean' | 'clv';

/** Estimators of one observation per row (every one but CLV's). */
export type RowEstimator = Exclude<Estimator, 'clv'>;

export function estimatorOf(kind: MetricExpr['kind']): Estimator {
    switch (kind) {
        case 'nps': return 'nps';
        case 'mean': return 'mean';
        case 'clv': return 'clv';
        case 'topBox': case 'bottomBox': case 'rate': case 'churn': case 'retention': return 'share';
    }
}

export function unitOf(fn: MetricFunction, meanOfColumn: boolean): MetricUnit {
    switch (fn) {
        case 'nps': return 'points';
        case 'mean': return meanOfColumn ? 'number' : 'scale';
        case 'clv': return 'number';
        default: return 'percent';
    }
}

/** Inclusive bounds of a metric's value; `scale` is the question's scale for means. */
export function rangeOf(unit: MetricUnit, scale?: { min: number; max: number }): [number, number] | null {
    switch (unit) {
        case 'points': return [-100, 100];
        case 'percent': return [0, 100];
        case 'scale': return scale ? [scale.min, scale.max] : null;
        default: return null;
    }
}

/**
 * Worst-case standard deviation of one observation, in the metric's unit: NPS is a -100/0/100
 * score (sd ≤ 100), a share a 0/100 indicator (sd ≤ 50), a mean on a scale at most half its width.
 */
export function worstCaseSd(unit: MetricUnit, scale?: { min: number; max: number }): number | null {
    switch (unit) {
        case 'points': return 100;
        case 'percent': return 50;
        case 'scale': return scale ? (scale.max - scale.min) / 2 : null;
        default: return null;
    }
}

/** The gap a target must resolve when no warning threshold sets one. */
export function defaultResolution(unit: MetricUnit, scale?: { min: number; max: number }): number | null {
    switch (unit) {
        case 'points': return 10;
        case 'percent': return 5;
        case 'scale': return scale ? (scale.max - scale.min) / 20 : null;
        default: return null;
    }
}

const PERIOD_DAYS: Record<Period, number> = { week: 7, month: 365.25 / 12, quarter: 365.25 / 4, year: 365.25 };

/** Converts a count per period into a count per another period. */
export function perPeriod(count: number, from: Period, to: Period): number {
    return count * PERIOD_DAYS[to] / PERIOD_DAYS[from];
}

export const Z95 = 1.959963984540054;

/** Default minimum sample below which a verdict is `insufficient`. */
export const DEFAULT_MIN_SAMPLE = 30;
