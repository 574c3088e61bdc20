/**
 * What a metric reads, answered once for every back end: the evaluator (which files it needs), SQL
 * (the scale behind the planning constants), review (who reads a question) and the preview (the
 * touchpoints a metric is about).
 */
import type { CxModel, FieldRef, Metric, MetricExpr, MetricSource, Scale } from '../cx-model.js';
import { metricKind } from '../catalog/metric-kinds.js';
import { datasetsRead } from './condition-queries.js';

/** Where the metric's rows come from. */
export function sourceOf(expr: MetricExpr): MetricSource {
    return metricKind(expr).source(expr);
}

/** The name of the survey or dataset the metric's rows come from. */
export function sourceName(expr: MetricExpr): string {
    const source = sourceOf(expr);
    return source.type === 'survey' ? source.survey : source.dataset;
}

/** The survey whose responses a metric is computed from; null for dataset metrics. */
export function surveyOf(metric: Metric): string | null {
    const source = sourceOf(metric.expr);
    return source.type === 'survey' ? source.survey : null;
}

/** The dataset whose rows a metric is computed from; null for survey metrics. */
export function datasetOf(metric: Metric): string | null {
    const source = sourceOf(metric.expr);
    return source.type === 'dataset' ? source.dataset : null;
}

/** Questions and columns the metric's formula reads (not its segments). */
export function fieldsRead(expr: MetricExpr): FieldRef[] {
    return metricKind(expr).fieldsRead(expr);
}

/** `Survey.question` keys of the survey questions the metric's formula reads. */
export function questionsRead(expr: MetricExpr): string[] {
    return fieldsRead(expr).flatMap(f => (f.source === 'question' ? [`${f.survey}.${f.question}`] : []));
}

/** Datasets a metric needs the rows of: its own source, and those its formula and segments read. */
export function metricDatasets(model: CxModel, metric: Metric): Set<string> {
    const out = new Set<string>();
    const own = datasetOf(metric);
    if (own) out.add(own);
    for (const f of fieldsRead(metric.expr)) if (f.source === 'column') out.add(f.dataset);
    for (const name of metric.segments) for (const d of datasetsRead(model.segments.find(s => s.name === name)!.condition)) out.add(d);
    return out;
}

/** The scale of the question a metric scores (nps, top/bottom box, mean of a question); else undefined. */
export function metricScale(model: CxModel, metric: Metric): Scale | undefined {
    const ref = metricKind(metric.expr).scored(metric.expr);
    if (!ref) return undefined;
    return model.surveys.find(s => s.name === ref.survey)?.questions.find(q => q.name === ref.question)?.scale ?? undefined;
}
