/**
 * Constants behind the `insufficient` verdict's needed sample, the same the native evaluator uses:
 * the worst-case sd of one observation when the data give none, and the smallest gap to the target
 * worth resolving (the warning band, else the unit's default resolution).
 */
import { defaultResolution, metricScale, worstCaseSd, type CxModel, type Metric } from '@cxspec/model';

export interface MetricPlanning {
    fallbackSd: number | null;
    resolution: number | null;
}

export function metricPlanning(model: CxModel, metric: Metric): MetricPlanning {
    const scale = metricScale(model, metric);
    const target = metric.target;
    const resolution = target && target.warning !== null ? Math.abs(target.warning - target.value) : defaultResolution(metric.unit, scale);
    return { fallbackSd: worstCaseSd(metric.unit, scale), resolution };
}
