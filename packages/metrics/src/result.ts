/**
 * The evaluation result: what `cxspec score` computes from a spec and its response/dataset files.
 * Plain JSON (no Dates, no undefined, no NaN), keys in a fixed order, so the same input always
 * serialises to the same bytes. The JSON report is this object; the Markdown and HTML reports
 * render it. RESULT_SCHEMA below is its contract for other tools.
 */
import type { Localized, MetricUnit, Period } from '@cxspec/model';

export const RESULT_SCHEMA_VERSION = 1;
export const RESULT_SCHEMA_ID = 'https://cxspec.dev/schemas/evaluation-result-1.json';

export type Verdict = 'met' | 'missed' | 'inconclusive' | 'insufficient';

export interface TargetSpec {
    op: '>=' | '>' | '<=' | '<';
    value: number;
    /** Threshold at which the metric is flagged before the target itself is missed. */
    warning: number | null;
}

/**
 * One estimate with its 95% interval and verdict. A metric, each of its segments and each of its
 * periods all have this shape. `value` and `ci` are null when no row counts (n = 0) or the
 * interval is undefined (a t interval from one value).
 */
export interface Estimate {
    value: number | null;
    /** 95% confidence interval as [low, high], in the metric's unit. */
    ci: [number, number] | null;
    /** Rows (answers or customers) the estimate is computed from. */
    n: number;
    target: TargetSpec | null;
    /** Null when the metric has no target. */
    verdict: Verdict | null;
    /** Sample size needed to resolve the target; set only when the verdict is `insufficient`. */
    neededN: number | null;
    /** True when the value is on the wrong side of the target's warning threshold. */
    warned: boolean;
}

export interface SegmentEstimate extends Estimate {
    segment: string;
    title: Localized;
}

/** Significance test of the change from the previous period (two-sided, alpha 0.05). */
export interface PeriodChange {
    /** Value of this period minus the previous period's, in the metric's unit. */
    delta: number;
    /** 'z-difference' (NPS), 'two-proportion-z' (shares) or 'welch-t' (means). */
    test: string;
    pValue: number;
    significant: boolean;
}

export interface PeriodEstimate extends Estimate {
    /** Label of the period: 2024-W05 (ISO week), 2024-03, 2024-Q1, 2024. */
    period: string;
    /** First day of the period (UTC), YYYY-MM-DD. */
    start: string;
    /** Null for the first period, or when either period has no value. */
    change: PeriodChange | null;
}

export type MetricKind = 'nps' | 'topBox' | 'bottomBox' | 'mean' | 'rate' | 'churn' | 'retention' | 'clv';

export interface MetricResult extends Estimate {
    name: string;
    title: Localized;
    kind: MetricKind;
    unit: MetricUnit;
    /** The formula as computed, with the variant named (e.g. CLV simple perpetuity, its m, r, d). */
    formula: string;
    /** Interval method: 'adjusted-wald', 'wilson', 't', 'none'. */
    interval: string;
    /** Where the rows come from: `survey:Name` or `dataset:Name`. */
    source: string;
    /** Components behind the value (promoter/detractor shares, churned counts, CLV's m, r, d...). */
    details: Record<string, number>;
    segments: SegmentEstimate[];
    /** Breakdown unit, null when the metric has no `per`. */
    period: Period | null;
    periods: PeriodEstimate[];
}

export type Quadrant = 'concentrate' | 'keep_up' | 'low_priority' | 'possible_overkill';

export interface DriverResult {
    /** Question name of the driver. */
    question: string;
    title: Localized;
    /** Touchpoint the question is about, null when not declared. */
    touchpoint: string | null;
    /** That touchpoint's title, so reports can name it; null with the touchpoint. */
    touchpointTitle: Localized | null;
    /** Pearson correlation with the outcome, over the listwise-complete rows of the analysis (`n`). */
    r: number | null;
    /** Johnson's relative weight (raw: its share of R², summing to R²). */
    weight: number | null;
    /** Relative weight as a percentage of R² (sums to 100). */
    weightPercent: number | null;
    /** Importance used for the quadrant: weightPercent for relative_weights, r for correlation. */
    importance: number | null;
    performance: { mean: number | null; topBox: number | null; n: number };
    quadrant: Quadrant | null;
    /**
     * Priority, 1 = act here first: quadrants in the order concentrate, keep_up, low_priority,
     * possible_overkill; within a quadrant, the more important driver first.
     */
    rank: number;
}

export interface DriverAnalysisResult {
    name: string;
    title: Localized;
    survey: string;
    outcome: string;
    method: 'correlation' | 'relative_weights';
    /** Rows where the outcome and every driver are answered (listwise complete). */
    n: number;
    /** R² of the least-squares model of the outcome on all drivers. */
    r2: number | null;
    /** Quadrant split lines: mean importance and mean performance (top-box %) across drivers. */
    thresholds: { importance: number | null; performance: number | null };
    /** In the spec's driver order; `rank` gives the priority order. */
    drivers: DriverResult[];
}

export type ExclusionReason =
    | 'out_of_range' | 'wrong_type' | 'unknown_value' | 'bad_timestamp' | 'missing_key' | 'unknown_key' | 'malformed_row'
    | 'missing_id' | 'duplicate_id' | 'unknown_column';

export interface Exclusion {
    /** Path of the file as given on the command line. */
    file: string;
    reason: ExclusionReason;
    /** File column (before mapping) the bad value was in. */
    column: string;
    count: number;
    /** 1-based data row numbers (the header is row 0) of the first few cases. */
    rows: number[];
    /** One sentence: what was wrong, with the first offending value. */
    message: string;
}

export interface InputFile {
    path: string;
    role: 'responses' | 'dataset';
    /** Dataset name for `dataset` files, null for responses. */
    dataset: string | null;
    format: 'csv' | 'ndjson' | 'surveyjs-json';
    encoding: 'utf-8' | 'shift_jis';
    rowsRead: number;
    /** Rows that counted in at least one metric or driver analysis. */
    rowsUsed: number;
}

export interface InputSummary {
    files: InputFile[];
    rowsRead: number;
    rowsUsed: number;
    /** Ordered by file, reason, column. */
    exclusions: Exclusion[];
    /** Each free-text question of a scored survey, with how many checked rows answered it. */
    textAnswers: TextAnswers[];
}

export interface TextAnswers {
    survey: string;
    surveyTitle: Localized;
    question: string;
    title: Localized;
    answered: number;
}

export interface VerdictCounts {
    met: number;
    missed: number;
    inconclusive: number;
    insufficient: number;
    /** Metrics without a target. */
    none: number;
}

export interface EvaluationResult {
    $schema: typeof RESULT_SCHEMA_ID;
    schemaVersion: typeof RESULT_SCHEMA_VERSION;
    spec: { name: string; title: Localized; locales: string[]; defaultLocale: string };
    input: InputSummary;
    /** Keyed by metric name, in spec order. */
    metrics: Record<string, MetricResult>;
    /** Keyed by driver analysis name, in spec order. */
    drivers: Record<string, DriverAnalysisResult>;
    summary: VerdictCounts;
}

const num = { type: 'number' } as const;
const nullableNum = { type: ['number', 'null'] } as const;
const localized = { type: 'object', additionalProperties: { type: 'string' } } as const;
const interval = {
    oneOf: [{ type: 'array', items: num, minItems: 2, maxItems: 2 }, { type: 'null' }]
} as const;
const estimateProps = {
    value: nullableNum,
    ci: interval,
    n: { type: 'integer', minimum: 0 },
    target: { oneOf: [{ $ref: '#/$defs/target' }, { type: 'null' }] },
    verdict: { enum: ['met', 'missed', 'inconclusive', 'insufficient', null] },
    neededN: { type: ['integer', 'null'] },
    warned: { type: 'boolean' }
} as const;
const estimateRequired = ['value', 'ci', 'n', 'target', 'verdict', 'neededN', 'warned'] as const;

/** JSON Schema (2020-12) of EvaluationResult. */
export const RESULT_SCHEMA = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: RESULT_SCHEMA_ID,
    title: 'CXSpec evaluation result',
    type: 'object',
    required: ['$schema', 'schemaVersion', 'spec', 'input', 'metrics', 'drivers', 'summary'],
    additionalProperties: false,
    properties: {
        $schema: { const: RESULT_SCHEMA_ID },
        schemaVersion: { const: RESULT_SCHEMA_VERSION },
        spec: {
            type: 'object',
            required: ['name', 'title', 'locales', 'defaultLocale'],
            additionalProperties: false,
            properties: {
                name: { type: 'string' }, title: localized,
                locales: { type: 'array', items: { type: 'string' } }, defaultLocale: { type: 'string' }
            }
        },
        input: { $ref: '#/$defs/input' },
        metrics: { type: 'object', additionalProperties: { $ref: '#/$defs/metric' } },
        drivers: { type: 'object', additionalProperties: { $ref: '#/$defs/driverAnalysis' } },
        summary: {
            type: 'object',
            required: ['met', 'missed', 'inconclusive', 'insufficient', 'none'],
            additionalProperties: false,
            properties: {
                met: { type: 'integer' }, missed: { type: 'integer' }, inconclusive: { type: 'integer' },
                insufficient: { type: 'integer' }, none: { type: 'integer' }
            }
        }
    },
    $defs: {
        target: {
            type: 'object',
            required: ['op', 'value', 'warning'],
            additionalProperties: false,
            properties: { op: { enum: ['>=', '>', '<=', '<'] }, value: num, warning: nullableNum }
        },
        segment: {
            type: 'object',
            required: ['segment', 'title', ...estimateRequired],
            additionalProperties: false,
            properties: { segment: { type: 'string' }, title: localized, ...estimateProps }
        },
        period: {
            type: 'object',
            required: ['period', 'start', ...estimateRequired, 'change'],
            additionalProperties: false,
            properties: {
                period: { type: 'string' },
                start: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
                ...estimateProps,
                change: {
                    oneOf: [{
                        type: 'object',
                        required: ['delta', 'test', 'pValue', 'significant'],
                        additionalProperties: false,
                        properties: {
                            delta: num, test: { type: 'string' },
                            pValue: { type: 'number', minimum: 0, maximum: 1 }, significant: { type: 'boolean' }
                        }
                    }, { type: 'null' }]
                }
            }
        },
        metric: {
            type: 'object',
            required: ['name', 'title', 'kind', 'unit', 'formula', 'interval', 'source', 'details',
                ...estimateRequired, 'segments', 'period', 'periods'],
            additionalProperties: false,
            properties: {
                name: { type: 'string' },
                title: localized,
                kind: { enum: ['nps', 'topBox', 'bottomBox', 'mean', 'rate', 'churn', 'retention', 'clv'] },
                unit: { enum: ['points', 'percent', 'scale', 'number'] },
                formula: { type: 'string' },
                interval: { type: 'string' },
                source: { type: 'string' },
                details: { type: 'object', additionalProperties: num },
                ...estimateProps,
                segments: { type: 'array', items: { $ref: '#/$defs/segment' } },
                period: { enum: ['week', 'month', 'quarter', 'year', null] },
                periods: { type: 'array', items: { $ref: '#/$defs/period' } }
            }
        },
        driver: {
            type: 'object',
            required: ['question', 'title', 'touchpoint', 'touchpointTitle', 'r', 'weight', 'weightPercent', 'importance',
                'performance', 'quadrant', 'rank'],
            additionalProperties: false,
            properties: {
                question: { type: 'string' },
                title: localized,
                touchpoint: { type: ['string', 'null'] },
                touchpointTitle: { oneOf: [localized, { type: 'null' }] },
                r: nullableNum, weight: nullableNum, weightPercent: nullableNum, importance: nullableNum,
                performance: {
                    type: 'object',
                    required: ['mean', 'topBox', 'n'],
                    additionalProperties: false,
                    properties: { mean: nullableNum, topBox: nullableNum, n: { type: 'integer' } }
                },
                quadrant: { enum: ['concentrate', 'keep_up', 'low_priority', 'possible_overkill', null] },
                rank: { type: 'integer', minimum: 1 }
            }
        },
        driverAnalysis: {
            type: 'object',
            required: ['name', 'title', 'survey', 'outcome', 'method', 'n', 'r2', 'thresholds', 'drivers'],
            additionalProperties: false,
            properties: {
                name: { type: 'string' },
                title: localized,
                survey: { type: 'string' },
                outcome: { type: 'string' },
                method: { enum: ['correlation', 'relative_weights'] },
                n: { type: 'integer' },
                r2: nullableNum,
                thresholds: {
                    type: 'object',
                    required: ['importance', 'performance'],
                    additionalProperties: false,
                    properties: { importance: nullableNum, performance: nullableNum }
                },
                drivers: { type: 'array', items: { $ref: '#/$defs/driver' } }
            }
        },
        input: {
            type: 'object',
            required: ['files', 'rowsRead', 'rowsUsed', 'exclusions', 'textAnswers'],
            additionalProperties: false,
            properties: {
                files: {
                    type: 'array',
                    items: {
                        type: 'object',
                        required: ['path', 'role', 'dataset', 'format', 'encoding', 'rowsRead', 'rowsUsed'],
                        additionalProperties: false,
                        properties: {
                            path: { type: 'string' },
                            role: { enum: ['responses', 'dataset'] },
                            dataset: { type: ['string', 'null'] },
                            format: { enum: ['csv', 'ndjson', 'surveyjs-json'] },
                            encoding: { enum: ['utf-8', 'shift_jis'] },
                            rowsRead: { type: 'integer' },
                            rowsUsed: { type: 'integer' }
                        }
                    }
                },
                rowsRead: { type: 'integer' },
                rowsUsed: { type: 'integer' },
                exclusions: {
                    type: 'array',
                    items: {
                        type: 'object',
                        required: ['file', 'reason', 'column', 'count', 'rows', 'message'],
                        additionalProperties: false,
                        properties: {
                            file: { type: 'string' },
                            reason: {
                                enum: ['out_of_range', 'wrong_type', 'unknown_value', 'bad_timestamp', 'missing_key',
                                    'unknown_key', 'malformed_row', 'missing_id', 'duplicate_id', 'unknown_column']
                            },
                            column: { type: 'string' },
                            count: { type: 'integer', minimum: 1 },
                            rows: { type: 'array', items: { type: 'integer' } },
                            message: { type: 'string' }
                        }
                    }
                },
                textAnswers: {
                    type: 'array',
                    items: {
                        type: 'object',
                        required: ['survey', 'surveyTitle', 'question', 'title', 'answered'],
                        additionalProperties: false,
                        properties: { survey: { type: 'string' }, surveyTitle: localized, question: { type: 'string' }, title: localized, answered: { type: 'integer', minimum: 0 } }
                    }
                }
            }
        }
    }
} as const;
