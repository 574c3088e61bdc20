/** Metrics over the responses of a survey: nps, top/bottom box, mean of a question, rate of a condition. */
import type { Condition, Metric, Survey } from '@cxspec/model';
import { conditionSql } from './conditions.js';
import { quoteIdent } from './dialect.js';
import { resolver } from './field-resolver.js';
import { D, NO_PERIOD, R, aggregates, head, joinedOf, type MetricContext, type RowEstimator, type MetricSql } from './metric-context.js';
import { datasetTableName, surveyTableName } from './tables.js';

export function surveyMetric(ctx: MetricContext, metric: Metric, index: number, survey: Survey, segments: Condition[], x: string, estimator: RowEstimator): MetricSql {
    const { model, dialect, names } = ctx;
    const joined = joinedOf(model, survey);
    const resolve = resolver(ctx, survey, joined);
    const ps = metric.period ? `CAST(date_trunc('${metric.period}', ${R}."submitted_at") AS DATE)` : NO_PERIOD;
    const columns = [`${x} AS x`, `${ps} AS ps`, ...segments.map((c, i) => `${conditionSql(c, dialect, resolve)} AS s${i + 1}`)];
    const join = joined
        ? `\n    LEFT JOIN ${datasetTableName(joined.name, names)} AS ${D} ON ${D}.${quoteIdent(joined.key)} = ${R}.${quoteIdent(joined.key)}`
        : '';
    const rows = `m${index}_rows`;
    const cte = `${rows} AS (\n    SELECT ${columns.join(', ')}\n    FROM ${surveyTableName(survey.name, names)} AS ${R}${join}\n)`;
    const aggs = aggregates(estimator);
    const stats = [`${head(ctx, index, 0, null, NO_PERIOD)}, ${aggs} FROM ${rows} WHERE x IS NOT NULL`];
    metric.segments.forEach((name, k) => {
        stats.push(`${head(ctx, index, 1, { index: k + 1, name }, NO_PERIOD)}, ${aggs} FROM ${rows} WHERE x IS NOT NULL AND s${k + 1}`);
    });
    if (metric.period) stats.push(`${head(ctx, index, 2, null, 'ps')}, ${aggs} FROM ${rows} WHERE x IS NOT NULL AND ps IS NOT NULL GROUP BY ps`);
    return { estimator, ctes: [cte], stats };
}
