/** Churn, retention (CRR) and CLV over a dataset's lifecycle dates. */
import type { Condition, Dataset, Metric } from '@cxspec/model';
import { quoteIdent } from './dialect.js';
import { activeAt, datasetRowsCte, lifecycleBounds, periodWindows } from './dataset-sql.js';
import { D, NO_PERIOD, SpecShapeError, head, type MetricContext, type MetricSql } from './metric-context.js';

/** Counts of one window: at start (n), hits, lost, added (and still active at the end), at end. */
function lifecycleAggregates(kind: 'churn' | 'retention'): string {
    const atStart = `r.st < w.ws AND (r.en IS NULL OR r.en >= w.ws)`;
    const lost = `${atStart} AND r.en < w.we`;
    const atEnd = `r.st < w.we AND (r.en IS NULL OR r.en >= w.we)`;
    // N counts the new customers still active at the end, so E − N is the part of S that stayed.
    const added = `r.st >= w.ws AND ${atEnd}`;
    const count = (cond: string) => `CAST(COUNT(CASE WHEN ${cond} THEN 1 END) AS DOUBLE PRECISION)`;
    const hits = kind === 'churn' ? count(lost) : `${count(atEnd)} - ${count(added)}`;
    return `COUNT(CASE WHEN ${atStart} THEN 1 END) AS n, ${hits} AS a, ${count(lost)} AS b, ${count(added)} AS c, ${count(atEnd)} AS d`;
}

export function lifecycleMetric(ctx: MetricContext, metric: Metric, index: number, dataset: Dataset, segments: Condition[], kind: 'churn' | 'retention'): MetricSql {
    requireLifecycle(metric, dataset);
    const rows = `m${index}_rows`;
    const ctes = [datasetRowsCte(ctx, index, dataset, segments, 'TRUE')];
    const windows = periodWindows(ctx, dataset, metric.period ?? 'year');
    const latest = `(SELECT * FROM ${windows} WHERE ws = (SELECT MAX(ws) FROM ${windows}))`;
    const aggs = lifecycleAggregates(kind);
    const stats = [`${head(ctx, index, 0, null, NO_PERIOD)}, ${aggs} FROM ${latest} AS w LEFT JOIN ${rows} AS r ON r.st IS NOT NULL`];
    metric.segments.forEach((name, k) => {
        stats.push(`${head(ctx, index, 1, { index: k + 1, name }, NO_PERIOD)}, ${aggs} FROM ${latest} AS w LEFT JOIN ${rows} AS r ON r.st IS NOT NULL AND r.s${k + 1}`);
    });
    if (metric.period) {
        stats.push(`${head(ctx, index, 2, null, 'CAST(w.ws AS DATE)')}, ${aggs} FROM ${windows} AS w LEFT JOIN ${rows} AS r ON r.st IS NOT NULL GROUP BY w.ws`);
    }
    return { estimator: 'share', ctes, stats };
}

/**
 * CLV per group: n, mean and variance of the value over customers active at the as-of date
 * (a, b), and the latest complete year's customers at start (c) and retained E − N (d).
 * Never broken down by period: CLV uses annual retention.
 */
export function clvMetric(ctx: MetricContext, metric: Metric, index: number, dataset: Dataset, segments: Condition[], value: string): MetricSql {
    requireLifecycle(metric, dataset);
    const rows = `m${index}_rows`;
    const ctes = [datasetRowsCte(ctx, index, dataset, segments, `${D}.${quoteIdent(value)}`)];
    const bounds = lifecycleBounds(ctx, dataset);
    const windows = periodWindows(ctx, dataset, 'year');
    const asOf = `${bounds}.as_of + INTERVAL '1 day'`;
    const stat = (segment: { index: number; name: string } | null) => {
        const inGroup = segment ? ` AND r.s${segment.index}` : '';
        const values = `(SELECT COUNT(r.x) AS n, CAST(AVG(r.x) AS DOUBLE PRECISION) AS mean, CAST(VAR_SAMP(r.x) AS DOUBLE PRECISION) AS variance
        FROM ${rows} AS r, ${bounds} WHERE r.x IS NOT NULL${inGroup} AND ${activeAt(asOf)})`;
        const retention = `(SELECT COUNT(CASE WHEN r.st < w.ws AND (r.en IS NULL OR r.en >= w.ws) THEN 1 END) AS base,
            COUNT(CASE WHEN r.st < w.ws AND (r.en IS NULL OR r.en >= w.we) THEN 1 END) AS kept
        FROM (SELECT * FROM ${windows} WHERE ws = (SELECT MAX(ws) FROM ${windows})) AS w LEFT JOIN ${rows} AS r ON r.st IS NOT NULL${inGroup})`;
        return `${head(ctx, index, segment ? 1 : 0, segment, NO_PERIOD)}, v.n AS n, v.mean AS a, v.variance AS b,
        CAST(k.base AS DOUBLE PRECISION) AS c, CAST(k.kept AS DOUBLE PRECISION) AS d
        FROM ${values} AS v, ${retention} AS k`;
    };
    return {
        estimator: 'clv',
        ctes,
        stats: [stat(null), ...metric.segments.map((name, k) => stat({ index: k + 1, name }))]
    };
}

function requireLifecycle(metric: Metric, dataset: Dataset): void {
    if (!dataset.lifecycle) {
        throw new SpecShapeError(`metric '${metric.name}' needs the lifecycle dates of dataset '${dataset.name}', which declares none`);
    }
}
