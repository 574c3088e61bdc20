/**
 * Metrics over the rows of a dataset (mean of a column, rate of a condition), and the lifecycle
 * CTEs they and churn, retention and CLV share: the as-of date and the complete period windows.
 */
import type { Condition, Dataset, Metric, Period } from '@cxspec/model';
import { conditionSql } from './conditions.js';
import { quoteIdent } from './dialect.js';
import { resolver } from './field-resolver.js';
import { D, NO_PERIOD, aggregates, head, type MetricContext, type RowEstimator, type MetricSql } from './metric-context.js';
import { datasetTableName } from './tables.js';

const INTERVALS: Record<Period, string> = { week: "INTERVAL '7 days'", month: "INTERVAL '1 month'", quarter: "INTERVAL '3 months'", year: "INTERVAL '1 year'" };

/** The dataset's rows with x, lifecycle dates st/en (NULL without lifecycle) and segment flags. */
export function datasetRowsCte(ctx: MetricContext, index: number, dataset: Dataset, segments: Condition[], x: string): string {
    const resolve = resolver(ctx, undefined, dataset);
    const lc = dataset.lifecycle;
    const date = (name: string | undefined) => (name ? `${D}.${quoteIdent(name)}` : NO_PERIOD);
    const columns = [`${x} AS x`, `${date(lc?.start)} AS st`, `${date(lc?.end)} AS en`,
        ...segments.map((c, i) => `${conditionSql(c, ctx.dialect, resolve)} AS s${i + 1}`)];
    return `m${index}_rows AS (\n    SELECT ${columns.join(', ')}\n    FROM ${datasetTableName(dataset.name, ctx.names)} AS ${D}\n)`;
}

/**
 * `lc_<dataset>`: the earliest lifecycle start and the as-of date (latest start or end) of a
 * dataset's customers; one row, NULLs when no customer is dated.
 */
export function lifecycleBounds(ctx: MetricContext, dataset: Dataset): string {
    const name = `lc_${datasetIndex(ctx, dataset)}`;
    if (!ctx.shared.has(name)) {
        const lc = dataset.lifecycle!;
        const st = `${D}.${quoteIdent(lc.start)}`, en = `${D}.${quoteIdent(lc.end)}`;
        ctx.shared.set(name, `${name} AS (
    SELECT CAST(MIN(${st}) AS TIMESTAMP) AS earliest,
        CAST(CASE WHEN MAX(${en}) IS NULL OR MAX(${st}) > MAX(${en}) THEN MAX(${st}) ELSE MAX(${en}) END AS TIMESTAMP) AS as_of
    FROM ${datasetTableName(dataset.name, ctx.names)} AS ${D}
)`);
    }
    return name;
}

/**
 * `w_<dataset>_<unit>`: the complete calendar periods (ws, we) from the one holding the earliest
 * start to the as-of date; the period holding the as-of date when none is complete yet.
 */
export function periodWindows(ctx: MetricContext, dataset: Dataset, unit: Period): string {
    const bounds = lifecycleBounds(ctx, dataset);
    const name = `w_${datasetIndex(ctx, dataset)}_${unit}`;
    if (!ctx.shared.has(name)) {
        const step = INTERVALS[unit];
        const limit = `${bounds}.as_of + INTERVAL '1 day'`;
        const complete = `SELECT CAST(g.t AS TIMESTAMP) AS ws, CAST(g.t + ${step} AS TIMESTAMP) AS we
        FROM ${bounds}, generate_series(date_trunc('${unit}', ${bounds}.earliest), ${limit}, ${step}) AS g(t)
        WHERE g.t + ${step} <= ${limit}`;
        ctx.shared.set(name, `${name} AS (
    ${complete}
    UNION ALL
    SELECT date_trunc('${unit}', as_of), date_trunc('${unit}', as_of) + ${step} FROM ${bounds}
    WHERE as_of IS NOT NULL AND NOT EXISTS (
        ${complete.replaceAll('\n', '\n    ')})
)`);
    }
    return name;
}

function datasetIndex(ctx: MetricContext, dataset: Dataset): number {
    return ctx.model.datasets.indexOf(dataset) + 1;
}

/** Active at time t: started before it and not ended before it. */
export function activeAt(t: string): string {
    return `(r.st < ${t} AND (r.en IS NULL OR r.en >= ${t}))`;
}

export function datasetMetric(ctx: MetricContext, metric: Metric, index: number, dataset: Dataset, segments: Condition[], x: string, estimator: RowEstimator): MetricSql {
    const rows = `m${index}_rows`;
    const ctes = [datasetRowsCte(ctx, index, dataset, segments, x)];
    const aggs = aggregates(estimator);
    const stats: string[] = [];
    if (!dataset.lifecycle) {
        stats.push(`${head(ctx, index, 0, null, NO_PERIOD)}, ${aggs} FROM ${rows} AS r WHERE x IS NOT NULL`);
        metric.segments.forEach((name, k) => {
            stats.push(`${head(ctx, index, 1, { index: k + 1, name }, NO_PERIOD)}, ${aggs} FROM ${rows} AS r WHERE x IS NOT NULL AND s${k + 1}`);
        });
        return { estimator, ctes, stats };
    }
    const bounds = lifecycleBounds(ctx, dataset);
    const asOf = `${bounds}.as_of + INTERVAL '1 day'`;
    stats.push(`${head(ctx, index, 0, null, NO_PERIOD)}, ${aggs} FROM ${rows} AS r, ${bounds} WHERE x IS NOT NULL AND ${activeAt(asOf)}`);
    metric.segments.forEach((name, k) => {
        stats.push(`${head(ctx, index, 1, { index: k + 1, name }, NO_PERIOD)}, ${aggs} FROM ${rows} AS r, ${bounds} WHERE x IS NOT NULL AND s${k + 1} AND ${activeAt(asOf)}`);
    });
    if (metric.period) {
        const windows = periodWindows(ctx, dataset, metric.period);
        stats.push(`${head(ctx, index, 2, null, 'CAST(w.ws AS DATE)')}, ${aggs} FROM ${windows} AS w LEFT JOIN ${rows} AS r ON r.x IS NOT NULL AND ${activeAt('w.we')} GROUP BY w.ws`);
    }
    return { estimator, ctes, stats };
}
