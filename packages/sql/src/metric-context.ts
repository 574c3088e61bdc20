/**
 * What the per-metric SQL builders share: the context (model, dialect, table names, shared CTEs),
 * the shape of their output, the row aliases and the head and aggregates of a statistics SELECT.
 */
import type { CxModel, Dataset, Estimator, RowEstimator as ModelRowEstimator, SourceLocation, Survey } from '@cxspec/model';
import { quoteText, type Dialect } from './dialect.js';
import type { TableNames } from './tables.js';

/**
 * The model's estimators (catalog/metric-kinds.ts); a RowEstimator's statistics are plain aggregates
 * of one observation `x` per row. Quantiles are not written in SQL yet: metricSql refuses them.
 */
export type RowEstimator = Exclude<ModelRowEstimator, 'quantile'>;
export type { Estimator };

/** CTEs shared by metrics (lifecycle bounds, period windows), by name, in creation order. */
export type SharedCtes = Map<string, string>;

export interface MetricSql {
    estimator: Estimator;
    /** CTEs of this metric. */
    ctes: string[];
    /** SELECTs with columns metric_index, part, segment_index, segment, ps, n, a, b, c, d. */
    stats: string[];
}

/** A spec the SQL cannot be written for; `loc` points at the metric when known. */
export class SpecShapeError extends Error {
    constructor(message: string, readonly loc?: SourceLocation) {
        super(message);
    }
}

/** Aliases of the response row and of the dataset row in every per-metric SELECT. */
export const R = 'r', D = 'd';

export const NO_PERIOD = 'CAST(NULL AS DATE)';

export interface MetricContext {
    model: CxModel;
    dialect: Dialect;
    names: TableNames;
    shared: SharedCtes;
    /** The tables carry INVALID_SUFFIX flags: a flagged value cannot be judged by conditions. */
    flags: boolean;
}

/** n and the sums a..d of the rows' `x` (rows where x is NULL count in none). */
export function aggregates(estimator: RowEstimator): string {
    const none = 'CAST(NULL AS DOUBLE PRECISION)';
    const count = (cond: string) => `CAST(COUNT(CASE WHEN ${cond} THEN 1 END) AS DOUBLE PRECISION)`;
    switch (estimator) {
        case 'nps': return `COUNT(x) AS n, ${count('x >= 9')} AS a, ${count('x <= 6')} AS b, ${none} AS c, ${none} AS d`;
        case 'share': return `COUNT(x) AS n, ${count('x')} AS a, ${none} AS b, ${none} AS c, ${none} AS d`;
        case 'mean': return `COUNT(x) AS n, CAST(AVG(x) AS DOUBLE PRECISION) AS a, CAST(VAR_SAMP(x) AS DOUBLE PRECISION) AS b, ${none} AS c, ${none} AS d`;
    }
}

/** The head of a stats SELECT: which metric, which part, which segment. */
export function head(ctx: MetricContext, index: number, part: 0 | 1 | 2, segment: { index: number; name: string } | null, ps: string): string {
    const text = segment ? quoteText(ctx.dialect.name, segment.name) : `CAST(NULL AS ${ctx.dialect.types.text})`;
    return `SELECT ${index} AS metric_index, ${part} AS part, ${segment?.index ?? 0} AS segment_index, ${text} AS segment, ${ps} AS ps`;
}

export function joinedOf(model: CxModel, survey: Survey): Dataset | undefined {
    return survey.joins ? datasetNamed(model, survey.joins) : undefined;
}

export function surveyNamed(model: CxModel, name: string): Survey {
    const survey = model.surveys.find(s => s.name === name);
    if (!survey) throw new SpecShapeError(`the spec has no survey '${name}'`);
    return survey;
}

export function datasetNamed(model: CxModel, name: string): Dataset {
    const dataset = model.datasets.find(d => d.name === name);
    if (!dataset) throw new SpecShapeError(`the spec has no dataset '${name}'`);
    return dataset;
}
