/**
 * Per metric, the CTE of the rows it counts and the SELECTs of its sufficient statistics overall,
 * per segment and per period, with the native evaluator's rules (packages/metrics/src/eval):
 * survey metrics count answered responses and place them in the period of `submitted_at`;
 * dataset metrics count the customers active at the as-of date (the latest lifecycle date) and,
 * per period, those active at each complete period's end; churn and retention count customers at
 * the start of, lost, added and at the end of each complete period, the headline being the latest.
 */
import type { Condition, CxModel, Dataset, FieldRef, Metric, Period, SourceLocation, Survey } from '@cxspec/language';
import { conditionSql, type FieldResolver, type ResolvedField } from './conditions.js';
import { integerLiteral, quoteIdent, quoteText, type Dialect } from './dialect.js';
import { INVALID_SUFFIX, datasetTableName, surveyTableName, type TableNames } from './tables.js';

/**
 * How the statistics turn into an estimate: NPS points, a share of hits in percent, a mean, or CLV
 * (a mean value combined with a retention share).
 */
export type Estimator = 'nps' | 'share' | 'mean' | 'clv';

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

const R = 'r', D = 'd';
const INTERVALS: Record<Period, string> = { week: "INTERVAL '7 days'", month: "INTERVAL '1 month'", quarter: "INTERVAL '3 months'", year: "INTERVAL '1 year'" };

export interface MetricContext {
    model: CxModel;
    dialect: Dialect;
    names: TableNames;
    shared: SharedCtes;
    /** The tables carry INVALID_SUFFIX flags: a flagged value cannot be judged by conditions. */
    flags: boolean;
}

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
            const survey = surveyOf(model, expr.survey);
            const question = survey.questions.find(q => q.name === expr.question);
            if (!question?.scale) throw new SpecShapeError(`metric '${metric.name}' reads '${expr.survey}.${expr.question}', which is not a scored question`);
            const column = `${R}.${quoteIdent(question.name)}`;
            const { min, max } = question.scale;
            const x = expr.kind === 'nps' ? column
                : expr.kind === 'topBox' ? `(${column} >= ${integerLiteral(max - expr.boxes + 1)})`
                    : `(${column} <= ${integerLiteral(min + expr.boxes - 1)})`;
            return surveyMetric(ctx, metric, index, survey, segments, x, expr.kind === 'nps' ? 'nps' : 'share');
        }
        case 'mean': {
            const field = expr.field;
            if (field.source === 'question') {
                return surveyMetric(ctx, metric, index, surveyOf(model, field.survey), segments, `${R}.${quoteIdent(field.question)}`, 'mean');
            }
            return datasetMetric(ctx, metric, index, datasetOf(model, field.dataset), segments, `${D}.${quoteIdent(field.column)}`, 'mean');
        }
        case 'rate': {
            const source = expr.source;
            if (source.type === 'survey') {
                const survey = surveyOf(model, source.survey);
                const x = conditionSql(expr.condition, ctx.dialect, resolver(ctx, survey, joinedOf(model, survey)));
                return surveyMetric(ctx, metric, index, survey, segments, x, 'share');
            }
            const dataset = datasetOf(model, source.dataset);
            return datasetMetric(ctx, metric, index, dataset, segments, conditionSql(expr.condition, ctx.dialect, resolver(ctx, undefined, dataset)), 'share');
        }
        case 'churn': case 'retention':
            return lifecycleMetric(ctx, metric, index, datasetOf(model, expr.dataset), segments, expr.kind);
        case 'clv':
            return clvMetric(ctx, metric, index, datasetOf(model, expr.dataset), segments, expr.value);
    }
}

function aggregates(estimator: Estimator): string {
    const none = 'CAST(NULL AS DOUBLE PRECISION)';
    const count = (cond: string) => `CAST(COUNT(CASE WHEN ${cond} THEN 1 END) AS DOUBLE PRECISION)`;
    switch (estimator) {
        case 'nps': return `COUNT(x) AS n, ${count('x >= 9')} AS a, ${count('x <= 6')} AS b, ${none} AS c, ${none} AS d`;
        case 'share': return `COUNT(x) AS n, ${count('x')} AS a, ${none} AS b, ${none} AS c, ${none} AS d`;
        case 'mean': return `COUNT(x) AS n, CAST(AVG(x) AS DOUBLE PRECISION) AS a, CAST(VAR_SAMP(x) AS DOUBLE PRECISION) AS b, ${none} AS c, ${none} AS d`;
        case 'clv': throw new SpecShapeError('CLV statistics are built by clvMetric');
    }
}

/** The head of a stats SELECT: which metric, which part, which segment. */
function head(ctx: MetricContext, index: number, part: 0 | 1 | 2, segment: { index: number; name: string } | null, ps: string): string {
    const text = segment ? quoteText(ctx.dialect.name, segment.name) : `CAST(NULL AS ${ctx.dialect.types.text})`;
    return `SELECT ${index} AS metric_index, ${part} AS part, ${segment?.index ?? 0} AS segment_index, ${text} AS segment, ${ps} AS ps`;
}

const NO_PERIOD = 'CAST(NULL AS DATE)';

function surveyMetric(ctx: MetricContext, metric: Metric, index: number, survey: Survey, segments: Condition[], x: string, estimator: Estimator): MetricSql {
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

/** The dataset's rows with x, lifecycle dates st/en (NULL without lifecycle) and segment flags. */
function datasetRowsCte(ctx: MetricContext, index: number, dataset: Dataset, segments: Condition[], x: string): string {
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
function lifecycleBounds(ctx: MetricContext, dataset: Dataset): string {
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
function periodWindows(ctx: MetricContext, dataset: Dataset, unit: Period): string {
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
function activeAt(t: string): string {
    return `(r.st < ${t} AND (r.en IS NULL OR r.en >= ${t}))`;
}

function datasetMetric(ctx: MetricContext, metric: Metric, index: number, dataset: Dataset, segments: Condition[], x: string, estimator: Estimator): MetricSql {
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

function lifecycleMetric(ctx: MetricContext, metric: Metric, index: number, dataset: Dataset, segments: Condition[], kind: 'churn' | 'retention'): MetricSql {
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
function clvMetric(ctx: MetricContext, metric: Metric, index: number, dataset: Dataset, segments: Condition[], value: string): MetricSql {
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

/** Resolves fields to columns of the response row (alias r) and of the dataset row (alias d). */
function resolver(ctx: MetricContext, survey: Survey | undefined, dataset: Dataset | undefined): FieldResolver {
    const valid = (alias: string, name: string) => `${alias}.${quoteIdent(name + INVALID_SUFFIX)} IS NOT TRUE`;
    return (field: FieldRef): ResolvedField => {
        if (field.source === 'question') {
            const question = survey && field.survey === survey.name ? survey.questions.find(q => q.name === field.question) : undefined;
            if (!question) throw new SpecShapeError(`'${field.survey}.${field.question}' is not a question of the rows being counted`);
            if (question.kind === 'matrix') {
                return { columns: question.items.map(item => `${R}.${quoteIdent(`${question.name}.${item.id}`)}`), shape: 'matrix' };
            }
            const list = question.kind === 'multichoice' || question.kind === 'ranking';
            const resolved: ResolvedField = { columns: [`${R}.${quoteIdent(question.name)}`], shape: list ? 'list' : 'scalar' };
            if (ctx.flags) resolved.guard = valid(R, question.name);
            return resolved;
        }
        const source = dataset && field.dataset === dataset.name ? dataset : undefined;
        if (!source) throw new SpecShapeError(`'${field.dataset}.${field.column}' is not a column of the rows being counted`);
        const column = source.columns.find(c => c.name === field.column);
        const resolved: ResolvedField = { columns: [`${D}.${quoteIdent(field.column)}`], shape: column?.type === 'date' ? 'date' : 'scalar' };
        // A response whose key finds no customer cannot be judged on the customer's columns.
        const guards = [...(survey ? [`${D}.${quoteIdent(source.key)} IS NOT NULL`] : []), ...(ctx.flags && column ? [valid(D, column.name)] : [])];
        if (guards.length > 0) resolved.guard = guards.join(' AND ');
        return resolved;
    };
}

function joinedOf(model: CxModel, survey: Survey): Dataset | undefined {
    return survey.joins ? datasetOf(model, survey.joins) : undefined;
}

function surveyOf(model: CxModel, name: string): Survey {
    const survey = model.surveys.find(s => s.name === name);
    if (!survey) throw new SpecShapeError(`the spec has no survey '${name}'`);
    return survey;
}

function datasetOf(model: CxModel, name: string): Dataset {
    const dataset = model.datasets.find(d => d.name === name);
    if (!dataset) throw new SpecShapeError(`the spec has no dataset '${name}'`);
    return dataset;
}
