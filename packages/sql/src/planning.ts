/**
 * Constants behind the `insufficient` verdict's needed sample, the same the native evaluator uses:
 * the worst-case sd of one observation when the data give none, and the smallest gap to the target
 * worth resolving (the warning band, else the unit's default resolution).
 */
import { defaultResolution, worstCaseSd, type CxModel, type Metric } from '@cxspec/model';

export interface MetricPlanning {
    fallbackSd: number | null;
    resolution: number | null;
}

export function metricPlanning(model: CxModel, metric: Metric): MetricPlanning {
    const scale = scaleOf(model, metric);
    const target = metric.target;
    const resolution = target && target.warning !== null ? Math.abs(target.warning - target.value) : defaultResolution(metric.unit, scale);
    return { fallbackSd: worstCaseSd(metric.unit, scale), resolution };
}

function scaleOf(model: CxModel, metric: Metric): { min: number; max: number } | undefined {
    const expr = metric.expr;
    const ref = expr.kind === 'nps' || expr.kind === 'topBox' || expr.kind === 'bottomBox'
        ? { survey: expr.survey, question: expr.question }
        : expr.kind === 'mean' && expr.field.source === 'question' ? expr.field : undefined;
    if (!ref) return undefined;
    return model.surveys.find(s => s.name === ref.survey)?.questions.find(q => q.name === ref.question)?.scale ?? undefined;
}
