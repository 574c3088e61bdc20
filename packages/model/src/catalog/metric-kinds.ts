/**
 * Facts about metric kinds, one entry per kind of `MetricExpr`: where its rows come from, what it
 * reads, its unit, how its statistics become an estimate, and how it is written and explained.
 * Units, ranges and sampling error are shared by validation (target checks), the CX model and the
 * evaluator so that all of them describe a metric the same way.
 */
import type { Condition, FieldRef, MetricExpr, MetricSource, MetricUnit, Period, QuestionKind } from '../cx-model.js';
import { conditionFields, fieldKey } from '../queries/condition-queries.js';
import type { AnswerShape } from './question-kinds.js';

/** The functions of the metric grammar (`csat` is `top(q, 2)`). */
export type MetricFunction = 'nps' | 'csat' | 'top' | 'bottom' | 'mean' | 'median' | 'percentile' | 'rate' | 'churn' | 'retention' | 'clv';

export type MetricKind = MetricExpr['kind'];
export type MetricExprOf<K extends MetricKind> = Extract<MetricExpr, { kind: K }>;

/**
 * How a metric's statistics turn into an estimate: NPS points, a share of hits in percent, a mean,
 * a quantile (from the count of each distinct value), or CLV (a mean value combined with a retention share).
 */
export type Estimator = 'nps' | 'share' | 'mean' | 'quantile' | 'clv';

/** Estimators of one observation per row (every one but CLV's); the evaluator and the SQL both read it. */
export type RowEstimator = Exclude<Estimator, 'clv'>;

/** The locales of the tools' own texts (report labels, preview page, formula explanations). */
export type UiLocale = 'en' | 'ja';

/** Writes a rate's condition; `within` is the survey or dataset its rows come from. */
export type ConditionWriter = (condition: Condition, within: string) => string;

/** Which rows a kind can count: responses of a survey, rows of a dataset, or either. */
export type MetricRows = 'survey' | 'dataset' | 'either';

export interface MetricKindFacts<E extends MetricExpr> {
    rows: MetricRows;
    /** The survey whose responses, or the dataset whose rows, the metric counts. */
    source: (e: E) => MetricSource;
    /** Whether the kind scores a question of this kind; false for kinds that read questions only through a condition. */
    scores: (question: { kind: QuestionKind; answer: AnswerShape }) => boolean;
    /** Questions and columns the metric's formula reads (its segments read more). */
    fieldsRead: (e: E) => FieldRef[];
    /** The question whose answers the metric scores, whose scale bounds it; null when it scores none. */
    scored: (e: E) => { survey: string; question: string } | null;
    /** The unit; `readsColumn` is true for a mean of a dataset column. */
    unit: (readsColumn: boolean) => MetricUnit;
    estimator: Estimator;
    /** The formula as a spec writes it: `nps(AfterPickup.recommend)`. */
    syntax: (e: E, condition: ConditionWriter) => string;
    /** What the formula computes, in words, in every UI locale. */
    explanation: Record<UiLocale, string>;
}

type MetricKindCatalog = { [K in MetricKind]: MetricKindFacts<MetricExprOf<K>> };

const question = (survey: string, name: string): FieldRef => ({ source: 'question', survey, question: name });
const column = (dataset: string, name: string): FieldRef => ({ source: 'column', dataset, column: name });
const sourceName = (s: MetricSource): string => (s.type === 'survey' ? s.survey : s.dataset);

export const METRIC_KINDS = {
    nps: {
        rows: 'survey',
        source: e => ({ type: 'survey', survey: e.survey }),
        fieldsRead: e => [question(e.survey, e.question)],
        // A rating qualifies only on 0..10, which metric validation checks.
        scores: q => q.kind === 'nps' || q.kind === 'rating',
        scored: e => e,
        unit: () => 'points',
        estimator: 'nps',
        syntax: e => `nps(${e.survey}.${e.question})`,
        explanation: {
            en: 'NPS = % promoters (9-10) − % detractors (0-6), in points',
            ja: 'NPS = 推奨者 (9-10) の割合 − 批判者 (0-6) の割合 (ポイント)'
        }
    },
    topBox: {
        rows: 'survey',
        source: e => ({ type: 'survey', survey: e.survey }),
        fieldsRead: e => [question(e.survey, e.question)],
        scores: q => q.answer === 'scale',
        scored: e => e,
        unit: () => 'percent',
        estimator: 'share',
        syntax: e => `top(${e.survey}.${e.question}, ${e.boxes})`,
        explanation: { en: '% of answers in the top boxes of the scale', ja: '尺度の上位ボックスに入る回答の割合 (%)' }
    },
    bottomBox: {
        rows: 'survey',
        source: e => ({ type: 'survey', survey: e.survey }),
        fieldsRead: e => [question(e.survey, e.question)],
        scores: q => q.answer === 'scale',
        scored: e => e,
        unit: () => 'percent',
        estimator: 'share',
        syntax: e => `bottom(${e.survey}.${e.question}, ${e.boxes})`,
        explanation: { en: '% of answers in the bottom boxes of the scale', ja: '尺度の下位ボックスに入る回答の割合 (%)' }
    },
    mean: {
        rows: 'either',
        source: e => (e.field.source === 'question' ? { type: 'survey', survey: e.field.survey } : { type: 'dataset', dataset: e.field.dataset }),
        fieldsRead: e => [e.field],
        scores: q => q.answer === 'scale' || q.answer === 'number',
        scored: e => (e.field.source === 'question' ? e.field : null),
        unit: readsColumn => (readsColumn ? 'number' : 'scale'),
        estimator: 'mean',
        syntax: e => `mean(${fieldKey(e.field)})`,
        explanation: { en: 'Mean of the answers on their scale, or of the column', ja: '回答 (尺度上) または列の平均' }
    },
    quantile: {
        // Responses only: a dataset column's quantile is not computed yet (docs/scoring.md).
        rows: 'survey',
        source: e => (e.field.source === 'question' ? { type: 'survey', survey: e.field.survey } : { type: 'dataset', dataset: e.field.dataset }),
        fieldsRead: e => [e.field],
        scores: q => q.answer === 'scale' || q.answer === 'number',
        scored: e => (e.field.source === 'question' ? e.field : null),
        unit: readsColumn => (readsColumn ? 'number' : 'scale'),
        estimator: 'quantile',
        syntax: e => (e.percent === 50 ? `median(${fieldKey(e.field)})` : `percentile(${fieldKey(e.field)}, ${e.percent})`),
        explanation: {
            en: 'Percentile of the answers (the median is the 50th), interpolated between order statistics (Hyndman-Fan type 7)',
            ja: '回答のパーセンタイル (中央値は第 50)、順序統計量の間を線形補間 (Hyndman-Fan 第 7 種)'
        }
    },
    rate: {
        rows: 'either',
        source: e => e.source,
        fieldsRead: e => conditionFields(e.condition),
        scores: () => false,
        scored: () => null,
        unit: () => 'percent',
        estimator: 'share',
        syntax: (e, condition) => `rate(${sourceName(e.source)} where ${condition(e.condition, sourceName(e.source))})`,
        explanation: { en: '% of rows where the condition holds', ja: '条件を満たす行の割合 (%)' }
    },
    churn: {
        rows: 'dataset',
        source: e => ({ type: 'dataset', dataset: e.dataset }),
        fieldsRead: e => [column(e.dataset, e.start), column(e.dataset, e.end)],
        scores: () => false,
        scored: () => null,
        unit: () => 'percent',
        estimator: 'share',
        syntax: e => `churn(${e.dataset})`,
        explanation: { en: 'Customers lost in the period / customers at its start, in percent', ja: '期間中に離反した顧客数 / 期首の顧客数 (%)' }
    },
    retention: {
        rows: 'dataset',
        source: e => ({ type: 'dataset', dataset: e.dataset }),
        fieldsRead: e => [column(e.dataset, e.start), column(e.dataset, e.end)],
        scores: () => false,
        scored: () => null,
        unit: () => 'percent',
        estimator: 'share',
        syntax: e => `retention(${e.dataset})`,
        explanation: {
            en: 'CRR = (E − N) / S: customers at the end of the period minus those acquired in it, over those at its start, in percent',
            ja: 'CRR = (E − N) / S: 期末の顧客数から期中の新規顧客数を引き、期首の顧客数で割った割合 (%)'
        }
    },
    clv: {
        rows: 'dataset',
        source: e => ({ type: 'dataset', dataset: e.dataset }),
        fieldsRead: e => [column(e.dataset, e.value), column(e.dataset, e.start), column(e.dataset, e.end)],
        scores: () => false,
        scored: () => null,
        unit: () => 'number',
        estimator: 'clv',
        syntax: e => `clv(${e.dataset}.${e.value}${e.valuePeriod === 'year' ? ' per year' : ''}) margin ${e.marginPercent}% discount ${e.discountPercent}%`,
        explanation: {
            en: 'CLV = m·r / (1 + d − r): m the yearly margin per customer, r the annual retention, d the discount rate',
            ja: 'CLV = m·r / (1 + d − r): m は顧客あたり年間マージン、r は年間継続率、d は割引率'
        }
    }
} satisfies MetricKindCatalog;

type KindsWhoseRows<R extends MetricRows> = { [K in MetricKind]: (typeof METRIC_KINDS)[K]['rows'] extends R ? K : never }[MetricKind];
/** Expressions a survey's responses can compute, and those a dataset's rows can. */
export type SurveyMetricExpr = MetricExprOf<KindsWhoseRows<'survey' | 'either'>>;
export type DatasetMetricExpr = MetricExprOf<KindsWhoseRows<'dataset' | 'either'>>;

/** The expression of a metric whose source is a survey (surveyOf is not null). */
export function surveyMetricExpr(e: MetricExpr): SurveyMetricExpr {
    if (METRIC_KINDS[e.kind].rows === 'dataset') throw new Error(`a ${e.kind} metric is computed from a dataset`);
    return e as SurveyMetricExpr;
}

/** The expression of a metric whose source is a dataset (datasetOf is not null). */
export function datasetMetricExpr(e: MetricExpr): DatasetMetricExpr {
    if (METRIC_KINDS[e.kind].rows === 'survey') throw new Error(`a ${e.kind} metric is computed from responses`);
    return e as DatasetMetricExpr;
}

/** The facts of an expression's kind, typed for that expression. */
export function metricKind<E extends MetricExpr>(e: E): MetricKindFacts<E> {
    return METRIC_KINDS[e.kind] as unknown as MetricKindFacts<E>;
}

/** How a metric kind's observations turn into its value. */
export function estimatorOf(kind: MetricKind): Estimator {
    return METRIC_KINDS[kind].estimator;
}

/** The kind each grammar function builds. */
export const METRIC_FUNCTIONS = {
    nps: 'nps', csat: 'topBox', top: 'topBox', bottom: 'bottomBox', mean: 'mean', median: 'quantile', percentile: 'quantile', rate: 'rate',
    churn: 'churn', retention: 'retention', clv: 'clv'
} as const satisfies Record<MetricFunction, MetricKind>;

/** The unit of a grammar function's metric; a function still being typed in the editor gives percent. */
export function unitOf(fn: MetricFunction, meanOfColumn: boolean): MetricUnit {
    const kind: MetricKind | undefined = METRIC_FUNCTIONS[fn];
    return kind ? METRIC_KINDS[kind].unit(meanOfColumn) : 'percent';
}

/** Inclusive bounds of a metric's value; `scale` is the question's scale for means. */
export function rangeOf(unit: MetricUnit, scale?: { min: number; max: number }): [number, number] | null {
    switch (unit) {
        case 'points': return [-100, 100];
        case 'percent': return [0, 100];
        case 'scale': return scale ? [scale.min, scale.max] : null;
        case 'number': return null;
    }
}

/**
 * Worst-case standard deviation of one observation, in the metric's unit: NPS is a -100/0/100
 * score (sd ≤ 100), a share a 0/100 indicator (sd ≤ 50), a mean on a scale at most half its width.
 */
export function worstCaseSd(unit: MetricUnit, scale?: { min: number; max: number }): number | null {
    switch (unit) {
        case 'points': return 100;
        case 'percent': return 50;
        case 'scale': return scale ? (scale.max - scale.min) / 2 : null;
        case 'number': return null;
    }
}

/** The gap a target must resolve when no warning threshold sets one. */
export function defaultResolution(unit: MetricUnit, scale?: { min: number; max: number }): number | null {
    switch (unit) {
        case 'points': return 10;
        case 'percent': return 5;
        case 'scale': return scale ? (scale.max - scale.min) / 20 : null;
        case 'number': return null;
    }
}

const PERIOD_DAYS: Record<Period, number> = { week: 7, month: 365.25 / 12, quarter: 365.25 / 4, year: 365.25 };

/** Converts a count per period into a count per another period. */
export function perPeriod(count: number, from: Period, to: Period): number {
    return count * PERIOD_DAYS[to] / PERIOD_DAYS[from];
}

export const Z95 = 1.959963984540054;

/** Default minimum sample below which a verdict is `insufficient`. */
export const DEFAULT_MIN_SAMPLE = 30;
