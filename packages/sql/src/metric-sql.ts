/**
 * Per metric, the CTE of the rows it counts and the SELECTs of its sufficient statistics overall,
 * per segment and per period, with the native evaluator's rules (packages/metrics/src/eval):
 * survey metrics count answered responses and place them in the period of `submitted_at`;
 * dataset metrics count the customers active at the as-of date (the latest lifecycle date) and,
 * per period, those active at each complete period's end; churn and retention count customers at
 * the start of, lost, added and at the end of each complete period, the headline being the latest.
 */
import { METRIC_KINDS, type Metric } from '@cxspec/model';
import { conditionSql } from './conditions.js';
import { integerLiteral, quoteIdent } from './dialect.js';
import { datasetMetric } from './dataset-sql.js';
import { resolver } from './field-resolver.js';
import { clvMetric, lifecycleMetric } from './lifecycle-sql.js';
import { D, R, SpecShapeError, datasetNamed, joinedOf, surveyNamed, type MetricContext, type MetricSql } from './metric-context.js';
import { surveyMetric } from './survey-sql.js';

export function metricSql(ctx: MetricContext, metric: Metric, index: number): MetricSql {
    const { model } = ctx;
    const expr = metric.expr;
    const segments = metric.segments.map(name => {
        const segment = model.segments.find(s => s.name === name);
        if (!segment) throw new SpecShapeError(`metric '${metric.name}' names segment '${name}', which the spec does not declare`);
        return segment.condition;
    });
    switch (expr.kind) {
        case 'nps': case 'topBox': case 'bottomBox': {
            const survey = surveyNamed(model, expr.survey);
            const question = survey.questions.find(q => q.name === expr.question);
            if (!question?.scale) throw new SpecShapeError(`metric '${metric.name}' reads '${expr.survey}.${expr.question}', which is not a scored question`);
            const column = `${R}.${quoteIdent(question.name)}`;
            const { min, max } = question.scale;
            const x = expr.kind === 'nps' ? column
                : expr.kind === 'topBox' ? `(${column} >= ${integerLiteral(max - expr.boxes + 1)})`
                    : `(${column} <= ${integerLiteral(min + expr.boxes - 1)})`;
            return surveyMetric(ctx, metric, index, survey, segments, x, METRIC_KINDS[expr.kind].estimator);
        }
        case 'mean': {
            const field = expr.field;
            if (field.source === 'question') {
                return surveyMetric(ctx, metric, index, surveyNamed(model, field.survey), segments, `${R}.${quoteIdent(field.question)}`, 'mean');
            }
            return datasetMetric(ctx, metric, index, datasetNamed(model, field.dataset), segments, `${D}.${quoteIdent(field.column)}`, 'mean');
        }
        case 'quantile':
            // Refused rather than dropped: the order-statistics interval is not written in SQL yet.
            throw new SpecShapeError(`${expr.percent === 50 ? 'median()' : 'percentile()'} is not computed in SQL yet; score this metric with the native engine (cxspec score without --engine duckdb)`, metric.loc);
        case 'rate': {
            const source = expr.source;
            if (source.type === 'survey') {
                const survey = surveyNamed(model, source.survey);
                const x = conditionSql(expr.condition, ctx.dialect, resolver(ctx, survey, joinedOf(model, survey)));
                return surveyMetric(ctx, metric, index, survey, segments, x, 'share');
            }
            const dataset = datasetNamed(model, source.dataset);
            return datasetMetric(ctx, metric, index, dataset, segments, conditionSql(expr.condition, ctx.dialect, resolver(ctx, undefined, dataset)), 'share');
        }
        case 'churn': case 'retention':
            return lifecycleMetric(ctx, metric, index, datasetNamed(model, expr.dataset), segments, expr.kind);
        case 'clv':
            return clvMetric(ctx, metric, index, datasetNamed(model, expr.dataset), segments, expr.value);
    }
}
