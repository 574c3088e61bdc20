/** Pieces shared by the charts: the values an axis must show and the verdict class of a mark. */
import type { MetricUnit } from '@cxspec/model';
import type { Estimate, MetricResult, Verdict } from '../../result.js';

/** Bounds of an axis for a unit: percentages stay in 0..100, NPS points in -100..100. */
export function unitBounds(unit: MetricUnit): [number, number] | null {
    if (unit === 'percent') return [0, 100];
    if (unit === 'points') return [-100, 100];
    return null;
}

/** Every number an axis for these estimates must cover: values, interval ends, target, warning. */
export function axisValues(m: MetricResult, estimates: Estimate[]): number[] {
    const out: number[] = [];
    for (const e of estimates) {
        if (e.value !== null) out.push(e.value);
        if (e.ci !== null) out.push(e.ci[0], e.ci[1]);
    }
    if (m.target !== null) {
        out.push(m.target.value);
        if (m.target.warning !== null) out.push(m.target.warning);
    }
    return out;
}

export function verdictClass(verdict: Verdict | null): string {
    return `v-${verdict ?? 'none'}`;
}

