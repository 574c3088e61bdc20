/**
 * Turns a point estimate into the result's Estimate shape: the value, its interval, the verdict
 * on the metric's target and the warning flag.
 */
import { defaultResolution, worstCaseSd, type Metric, type Scale } from '@cxspec/model';
import type { Estimate } from '../result.js';
import { verdictOf, type PointEstimate } from '../stats/estimates.js';

export function toEstimate(point: PointEstimate, metric: Metric, scale: Scale | null): Estimate {
    const target = metric.target;
    const bounds = scale ?? undefined;
    // The gap worth resolving is the distance to the warning threshold when there is one.
    const resolution = target?.warning != null ? Math.abs(target.warning - target.value) : defaultResolution(metric.unit, bounds);
    const v = verdictOf(point, target, metric.minSample, worstCaseSd(metric.unit, bounds), resolution);
    return {
        value: point.value,
        ci: point.ci,
        n: point.n,
        target: target ? { op: target.op, value: target.value, warning: target.warning } : null,
        verdict: v.verdict,
        neededN: v.neededN,
        warned: v.warned
    };
}
