/**
 * The evaluation result: what `cxspec score` computes from a spec and its response/dataset files.
 * Plain JSON (no Dates, no undefined, no NaN), keys in a fixed order, so the same input always
 * serialises to the same bytes. The JSON report is this object; the Markdown and HTML reports
 * render it. One zod definition gives both the TypeScript types and RESULT_SCHEMA, its JSON
 * Schema contract for other tools.
 */
import { Localized, METRIC_KINDS, MetricUnit, Period, type MetricKind as ModelMetricKind } from '@cxspec/model';
import { z } from 'zod';

export const RESULT_SCHEMA_VERSION = 1;
export const RESULT_SCHEMA_ID = 'https://cxspec.dev/schemas/evaluation-result-1.json';

const count = z.number().int().min(0);

export const Verdict = z.enum(['met', 'missed', 'inconclusive', 'insufficient']);
export type Verdict = z.infer<typeof Verdict>;

export const TargetSpec = z.strictObject({
    op: z.enum(['>=', '>', '<=', '<']),
    value: z.number(),
    /** Threshold at which the metric is flagged before the target itself is missed. */
    warning: z.number().nullable()
});
export type TargetSpec = z.infer<typeof TargetSpec>;

/**
 * One estimate with its 95% interval and verdict. A metric, each of its segments and each of its
 * periods all have this shape. `value` and `ci` are null when no row counts (n = 0) or the
 * interval is undefined (a t interval from one value).
 */
const estimateFields = {
    value: z.number().nullable(),
    /** 95% confidence interval as [low, high], in the metric's unit. */
    ci: z.tuple([z.number(), z.number()]).nullable(),
    /** Rows (answers or customers) the estimate is computed from. */
    n: count,
    target: TargetSpec.nullable(),
    /** Null when the metric has no target. */
    verdict: Verdict.nullable(),
    /** Sample size needed to resolve the target; set only when the verdict is `insufficient`. */
    neededN: z.number().int().nullable(),
    /** True when the value is on the wrong side of the target's warning threshold. */
    warned: z.boolean()
};
export const Estimate = z.strictObject(estimateFields);
export type Estimate = z.infer<typeof Estimate>;

export const SegmentEstimate = z.strictObject({ segment: z.string(), title: Localized, ...estimateFields });
export type SegmentEstimate = z.infer<typeof SegmentEstimate>;

/** Significance test of the change from the previous period (two-sided, alpha 0.05). */
export const PeriodChange = z.strictObject({
    /** Value of this period minus the previous period's, in the metric's unit. */
    delta: z.number(),
    /** 'z-difference' (NPS), 'two-proportion-z' (shares) or 'welch-t' (means). */
    test: z.string(),
    pValue: z.number().min(0).max(1),
    significant: z.boolean()
});
export type PeriodChange = z.infer<typeof PeriodChange>;

export const PeriodEstimate = z.strictObject({
    /** Label of the period: 2024-W05 (ISO week), 2024-03, 2024-Q1, 2024. */
    period: z.string(),
    /** First day of the period (UTC), YYYY-MM-DD. */
    start: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    ...estimateFields,
    /** Null for the first period, or when either period has no value. */
    change: PeriodChange.nullable()
});
export type PeriodEstimate = z.infer<typeof PeriodEstimate>;

/** The metric kinds of the model's catalog, in its order. */
export const MetricKind = z.enum(Object.keys(METRIC_KINDS) as [ModelMetricKind, ...ModelMetricKind[]]);
export type MetricKind = z.infer<typeof MetricKind>;

export const MetricResult = z.strictObject({
    name: z.string(),
    title: Localized,
    kind: MetricKind,
    unit: MetricUnit,
    /** The formula as computed, with the variant named (e.g. CLV simple perpetuity, its m, r, d). */
    formula: z.string(),
    /** Interval method: 'adjusted-wald', 'wilson', 't', 'none'. */
    interval: z.string(),
    /** Where the rows come from: `survey:Name` or `dataset:Name`. */
    source: z.string(),
    /** Components behind the value (promoter/detractor shares, churned counts, CLV's m, r, d...). */
    details: z.record(z.string(), z.number()),
    ...estimateFields,
    segments: z.array(SegmentEstimate),
    /** Breakdown unit, null when the metric has no `per`. */
    period: Period.nullable(),
    periods: z.array(PeriodEstimate)
});
export type MetricResult = z.infer<typeof MetricResult>;

export const Quadrant = z.enum(['concentrate', 'keep_up', 'low_priority', 'possible_overkill']);
export type Quadrant = z.infer<typeof Quadrant>;

export const DriverResult = z.strictObject({
    /** Question name of the driver. */
    question: z.string(),
    title: Localized,
    /** Touchpoint the question is about, null when not declared. */
    touchpoint: z.string().nullable(),
    /** That touchpoint's title, so reports can name it; null with the touchpoint. */
    touchpointTitle: Localized.nullable(),
    /** Pearson correlation with the outcome, over the listwise-complete rows of the analysis (`n`). */
    r: z.number().nullable(),
    /** Johnson's relative weight (raw: its share of R², summing to R²). */
    weight: z.number().nullable(),
    /** Relative weight as a percentage of R² (sums to 100). */
    weightPercent: z.number().nullable(),
    /** Importance used for the quadrant: weightPercent for relative_weights, r for correlation. */
    importance: z.number().nullable(),
    performance: z.strictObject({ mean: z.number().nullable(), topBox: z.number().nullable(), n: z.number().int() }),
    quadrant: Quadrant.nullable(),
    /**
     * Priority, 1 = act here first: quadrants in the order concentrate, keep_up, low_priority,
     * possible_overkill; within a quadrant, the more important driver first.
     */
    rank: z.number().int().min(1)
});
export type DriverResult = z.infer<typeof DriverResult>;

export const DriverAnalysisResult = z.strictObject({
    name: z.string(),
    title: Localized,
    survey: z.string(),
    outcome: z.string(),
    method: z.enum(['correlation', 'relative_weights']),
    /** Rows where the outcome and every driver are answered (listwise complete). */
    n: z.number().int(),
    /** R² of the least-squares model of the outcome on all drivers. */
    r2: z.number().nullable(),
    /** Quadrant split lines: mean importance and mean performance (top-box %) across drivers. */
    thresholds: z.strictObject({ importance: z.number().nullable(), performance: z.number().nullable() }),
    /** In the spec's driver order; `rank` gives the priority order. */
    drivers: z.array(DriverResult)
});
export type DriverAnalysisResult = z.infer<typeof DriverAnalysisResult>;

export const ExclusionReason = z.enum(['out_of_range', 'wrong_type', 'unknown_value', 'bad_timestamp', 'missing_key', 'unknown_key', 'malformed_row',
    'missing_id', 'duplicate_id', 'unknown_column']);
export type ExclusionReason = z.infer<typeof ExclusionReason>;

export const Exclusion = z.strictObject({
    /** Path of the file as given on the command line. */
    file: z.string(),
    reason: ExclusionReason,
    /** File column (before mapping) the bad value was in. */
    column: z.string(),
    count: z.number().int().min(1),
    /** 1-based data row numbers (the header is row 0) of the first few cases. */
    rows: z.array(z.number().int()),
    /** One sentence: what was wrong, with the first offending value. */
    message: z.string()
});
export type Exclusion = z.infer<typeof Exclusion>;

export const InputFile = z.strictObject({
    path: z.string(),
    role: z.enum(['responses', 'dataset']),
    /** Dataset name for `dataset` files, null for responses. */
    dataset: z.string().nullable(),
    format: z.enum(['csv', 'ndjson', 'surveyjs-json']),
    encoding: z.enum(['utf-8', 'shift_jis']),
    rowsRead: z.number().int(),
    /** Rows that counted in at least one metric or driver analysis. */
    rowsUsed: z.number().int()
});
export type InputFile = z.infer<typeof InputFile>;

export const TextAnswers = z.strictObject({
    survey: z.string(),
    surveyTitle: Localized,
    question: z.string(),
    title: Localized,
    answered: z.number().int().min(0)
});
export type TextAnswers = z.infer<typeof TextAnswers>;

export const InputSummary = z.strictObject({
    files: z.array(InputFile),
    rowsRead: z.number().int(),
    rowsUsed: z.number().int(),
    /** Ordered by file, reason, column. */
    exclusions: z.array(Exclusion),
    /** Each free-text question of a scored survey, with how many checked rows answered it. */
    textAnswers: z.array(TextAnswers)
});
export type InputSummary = z.infer<typeof InputSummary>;

export const VerdictCounts = z.strictObject({
    met: z.number().int(),
    missed: z.number().int(),
    inconclusive: z.number().int(),
    insufficient: z.number().int(),
    /** Metrics without a target. */
    none: z.number().int()
});
export type VerdictCounts = z.infer<typeof VerdictCounts>;

export const EvaluationResult = z.strictObject({
    $schema: z.literal(RESULT_SCHEMA_ID),
    schemaVersion: z.literal(RESULT_SCHEMA_VERSION),
    spec: z.strictObject({ name: z.string(), title: Localized, locales: z.array(z.string()), defaultLocale: z.string() }),
    input: InputSummary,
    /** Keyed by metric name, in spec order. */
    metrics: z.record(z.string(), MetricResult),
    /** Keyed by driver analysis name, in spec order. */
    drivers: z.record(z.string(), DriverAnalysisResult),
    summary: VerdictCounts
});
export type EvaluationResult = z.infer<typeof EvaluationResult>;

/** JSON Schema (2020-12) of EvaluationResult, generated from the definition above. */
export const RESULT_SCHEMA = {
    ...z.toJSONSchema(EvaluationResult, { target: 'draft-2020-12' }),
    $id: RESULT_SCHEMA_ID,
    title: 'CXSpec evaluation result'
};
