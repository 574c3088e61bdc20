/** Where a metric's rows come from. */
import type { Metric } from '@cxspec/model';

/** The survey whose responses a metric is computed from; null for dataset metrics. */
export function surveyOf(metric: Metric): string | null {
    const e = metric.expr;
    switch (e.kind) {
        case 'nps': case 'topBox': case 'bottomBox': return e.survey;
        case 'mean': return e.field.source === 'question' ? e.field.survey : null;
        case 'rate': return e.source.type === 'survey' ? e.source.survey : null;
        default: return null;
    }
}

/** The dataset whose rows a metric is computed from; null for survey metrics. */
export function datasetOf(metric: Metric): string | null {
    const e = metric.expr;
    switch (e.kind) {
        case 'churn': case 'retention': case 'clv': return e.dataset;
        case 'mean': return e.field.source === 'column' ? e.field.dataset : null;
        case 'rate': return e.source.type === 'dataset' ? e.source.dataset : null;
        default: return null;
    }
}
