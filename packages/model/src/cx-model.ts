/**
 * The CX model: the one intermediate representation between the Langium AST and every back end
 * (compiler, metrics, SQL, preview, diff). Plain JSON, fully resolved (references are names, never
 * pointers), with source locations kept so back ends can report errors against the spec text.
 */
import { z } from 'zod';
import { QUESTION_KIND_NAMES } from './catalog/question-kinds.js';

export const SourceLocation = z.object({
    /** Path of the spec file, relative to the workspace root when known. */
    file: z.string(),
    /** 1-based line and column of the start of the declaration. */
    line: z.number().int(),
    column: z.number().int(),
    endLine: z.number().int(),
    endColumn: z.number().int()
});
export type SourceLocation = z.infer<typeof SourceLocation>;

/** Locale code to text, keys in the spec's declared locale order. */
export const Localized = z.record(z.string(), z.string());
export type Localized = z.infer<typeof Localized>;

export const Period = z.enum(['week', 'month', 'quarter', 'year']);
export type Period = z.infer<typeof Period>;

export const ComparisonOp = z.enum(['=', '!=', '<', '<=', '>', '>=']);
export type ComparisonOp = z.infer<typeof ComparisonOp>;

/**
 * What a condition reads: a question of a survey, or a column of a dataset joined by its key.
 * Inside display logic the survey is the one being answered.
 */
export const FieldRef = z.discriminatedUnion('source', [
    z.object({ source: z.literal('question'), survey: z.string(), question: z.string() }),
    z.object({ source: z.literal('column'), dataset: z.string(), column: z.string() })
]);
export type FieldRef = z.infer<typeof FieldRef>;

/**
 * A literal on the right of a comparison, tagged with how the spec wrote it: `commute` (an option id
 * of a choice question or a value of an enum column) and `"commute"` (a quoted string) are
 * different literals, so texts quote exactly what was quoted and evaluators need not guess.
 */
export const Literal = z.discriminatedUnion('type', [
    z.object({ type: z.literal('number'), value: z.number() }),
    z.object({ type: z.literal('boolean'), value: z.boolean() }),
    z.object({ type: z.literal('string'), value: z.string() }),
    z.object({ type: z.literal('option'), id: z.string() })
]);
export type Literal = z.infer<typeof Literal>;

export type Condition =
    | { type: 'compare'; field: FieldRef; op: ComparisonOp; value: Literal }
    | { type: 'in'; field: FieldRef; values: Literal[]; negated: boolean }
    | { type: 'answered'; field: FieldRef; negated: boolean }
    | { type: 'and'; operands: Condition[] }
    | { type: 'or'; operands: Condition[] }
    | { type: 'not'; operand: Condition };

export const Condition: z.ZodType<Condition> = z.lazy(() =>
    z.discriminatedUnion('type', [
        z.object({ type: z.literal('compare'), field: FieldRef, op: ComparisonOp, value: Literal }),
        z.object({ type: z.literal('in'), field: FieldRef, values: z.array(Literal), negated: z.boolean() }),
        z.object({ type: z.literal('answered'), field: FieldRef, negated: z.boolean() }),
        z.object({ type: z.literal('and'), operands: z.array(Condition) }),
        z.object({ type: z.literal('or'), operands: z.array(Condition) }),
        z.object({ type: z.literal('not'), operand: Condition })
    ])
);

export const Spec = z.object({
    name: z.string(),
    title: Localized,
    /** Declared locales in order; the default locale is among them. */
    locales: z.array(z.string()),
    defaultLocale: z.string(),
    /** Survey-fatigue limits: a survey above either is warned about. */
    limits: z.object({ maxQuestions: z.number().int(), maxSeconds: z.number() }),
    /**
     * Contact frequency rules across every survey (`contact at most 1 per 30d, ...`). Absent, not
     * empty, when the spec declares none, so models of specs without rules keep their bytes.
     */
    contact: z.array(z.lazy(() => ContactRule)).optional(),
    /** Sampling salt (`salt "..."`); absent when not declared, and then the spec name is the salt. */
    salt: z.string().optional(),
    loc: SourceLocation
});
export type Spec = z.infer<typeof Spec>;

export const Segment = z.object({
    name: z.string(),
    title: Localized,
    condition: Condition,
    loc: SourceLocation
});
export type Segment = z.infer<typeof Segment>;

export const Touchpoint = z.object({
    name: z.string(),
    title: Localized,
    description: Localized,
    channel: z.string(),
    owner: z.string().nullable(),
    /** Why no survey measures this touchpoint, when that is deliberate (`not measured "..."`); null otherwise. */
    notMeasured: z.string().nullable(),
    loc: SourceLocation
});
export type Touchpoint = z.infer<typeof Touchpoint>;

export const Stage = z.object({
    name: z.string(),
    title: Localized,
    touchpoints: z.array(Touchpoint),
    loc: SourceLocation
});
export type Stage = z.infer<typeof Stage>;

export const Journey = z.object({
    name: z.string(),
    title: Localized,
    description: Localized,
    stages: z.array(Stage),
    loc: SourceLocation
});
export type Journey = z.infer<typeof Journey>;

/** The kinds of the question catalog (catalog/question-kinds.ts). */
export const QuestionKind = z.enum(QUESTION_KIND_NAMES);
export type QuestionKind = z.infer<typeof QuestionKind>;

/** A numeric answer scale with optional end labels (NPS 0-10, CSAT 1-5, CES 1-7, any rating). */
export const Scale = z.object({
    min: z.number().int(),
    max: z.number().int(),
    minLabel: Localized,
    maxLabel: Localized
});
export type Scale = z.infer<typeof Scale>;

/**
 * What a number question accepts: optional bounds (inclusive), whole numbers only or any decimal,
 * and the unit shown next to the field (empty when none).
 */
export const NumberAnswer = z.object({
    min: z.number().nullable(),
    max: z.number().nullable(),
    integer: z.boolean(),
    unit: Localized
});
export type NumberAnswer = z.infer<typeof NumberAnswer>;

/**
 * An option of a choice, multichoice or ranking question, or an item (row) of a matrix. `special`
 * (absent on plain options): `specify` is "Other (please specify)", whose typed text is recorded
 * under `<question>-Comment`; `exclusive` is a multichoice's "None of these". SurveyJS records them
 * as `other` and `none`, which are therefore their ids.
 */
export const Choice = z.object({ id: z.string(), label: Localized, special: z.enum(['specify', 'exclusive']).optional() });
export type Choice = z.infer<typeof Choice>;

export const Question = z.object({
    name: z.string(),
    kind: QuestionKind,
    text: Localized,
    description: Localized,
    required: z.boolean(),
    /** Touchpoint this question measures, by name. */
    about: z.string().nullable(),
    /** Set for nps, csat, ces, rating and matrix (the scale of every item); null otherwise. */
    scale: Scale.nullable(),
    /** Set for number questions only (absent otherwise, so models without one keep their shape). */
    number: NumberAnswer.optional(),
    /** Options of choice, multichoice and ranking; empty otherwise. */
    options: z.array(Choice),
    /** Rows of a matrix; empty otherwise. */
    items: z.array(Choice),
    /** Labels of a boolean question's answers; empty objects when not given. */
    trueLabel: Localized,
    falseLabel: Localized,
    /** Display logic over earlier questions of the same survey; null when always shown. */
    visibleWhen: Condition.nullable(),
    /** True when the options are shown in a new random order to each respondent; absent otherwise. */
    randomOrder: z.literal(true).optional(),
    /** True when a choice is shown as a drop-down list; absent otherwise. */
    dropdown: z.literal(true).optional(),
    /**
     * What a text answer accepts: at most `maxLength` characters, an e-mail address or digits only
     * (`format`), and a regular expression (ECMAScript, matched whole) it must match; absent when none.
     */
    textRules: z.object({
        maxLength: z.number().int().nullable(),
        format: z.enum(['email', 'digits']).nullable(),
        pattern: z.string().nullable()
    }).optional(),
    /** Bounds on how many options a multichoice answer holds (null: no bound); absent when not declared. */
    select: z.object({ min: z.number().int().nullable(), max: z.number().int().nullable() }).optional(),
    /** Estimated seconds a respondent spends on this question. */
    estimatedSeconds: z.number(),
    loc: SourceLocation
});
export type Question = z.infer<typeof Question>;

export const Duration = z.object({
    value: z.number(),
    unit: z.enum(['min', 'h', 'd', 'w']),
    seconds: z.number()
});
export type Duration = z.infer<typeof Duration>;

/** At most `count` invitations per customer in any rolling `window`, across all surveys. */
export const ContactRule = z.object({
    count: z.number().int(),
    window: Duration,
    loc: SourceLocation
});
export type ContactRule = z.infer<typeof ContactRule>;

export const Trigger = z.object({
    /** Touchpoint after which the survey is sent, with its journey and stage. */
    touchpoint: z.string(),
    journey: z.string(),
    stage: z.string(),
    delay: Duration.nullable(),
    /** Share of eligible customers invited, in percent (0, 100]. */
    samplePercent: z.number(),
    /** Minimum time between two invitations of the same customer. */
    quarantine: Duration.nullable(),
    /** Planned completed responses per period, used to check that targets can be resolved. */
    expectedResponses: z.object({ count: z.number(), per: Period }).nullable(),
    /**
     * Rank when surveys compete for one contact (1 first); absent when not declared, and then the
     * survey ranks after every survey with a priority.
     */
    priority: z.number().int().optional()
});
export type Trigger = z.infer<typeof Trigger>;

/** Name of the untitled first page (questions before the first `page`), as of a survey without pages. */
export const UNTITLED_PAGE = 'questions';

/** A group of consecutive questions of a page under a title (a SurveyJS panel). */
export const SurveyGroup = z.object({
    name: z.string(),
    title: Localized,
    description: Localized,
    questions: z.array(z.string()),
    /** True when the group's questions are shown in a new random order to each respondent; absent otherwise. */
    randomOrder: z.literal(true).optional(),
    loc: SourceLocation
});
export type SurveyGroup = z.infer<typeof SurveyGroup>;

/** A page of a survey: its title, description and display logic, and its questions by name. */
export const SurveyPage = z.object({
    /** The declared page's name; the untitled page before the first one is UNTITLED_PAGE. */
    name: z.string(),
    title: Localized,
    description: Localized,
    /** Display logic over questions on earlier pages; null when always shown. */
    visibleWhen: Condition.nullable(),
    /** Every question on the page, in order, grouped or not. */
    questions: z.array(z.string()),
    /** The page's groups in order; each holds consecutive questions of `questions`. */
    groups: z.array(SurveyGroup),
    /** True when the page's elements (questions and groups) are shown in a new random order; absent otherwise. */
    randomOrder: z.literal(true).optional(),
    loc: SourceLocation
});
export type SurveyPage = z.infer<typeof SurveyPage>;

export const Survey = z.object({
    name: z.string(),
    title: Localized,
    description: Localized,
    /** Text of the start page shown before the first question; absent when not declared. */
    welcome: Localized.optional(),
    /** Text of the completion page. */
    thanks: Localized,
    trigger: Trigger.nullable(),
    /** Dataset joined to each response by its key column; responses carry that key. */
    joins: z.string().nullable(),
    questions: z.array(Question),
    /**
     * The pages in order, each question on exactly one, when the survey declares pages or groups; absent
     * otherwise (then every question is on one page), so models without pages keep their shape.
     */
    pages: z.array(SurveyPage).optional(),
    estimatedSeconds: z.number(),
    loc: SourceLocation
});
export type Survey = z.infer<typeof Survey>;

export const ColumnType = z.enum(['number', 'text', 'date', 'boolean', 'enum']);
export type ColumnType = z.infer<typeof ColumnType>;

export const Column = z.object({
    name: z.string(),
    type: ColumnType,
    /** Allowed values of an enum column; empty otherwise. */
    values: z.array(z.string()),
    loc: SourceLocation
});
export type Column = z.infer<typeof Column>;

export const Dataset = z.object({
    name: z.string(),
    title: Localized,
    /** Column that identifies a customer; responses of joining surveys carry it. */
    key: z.string(),
    columns: z.array(Column),
    /** Date columns that bound each customer's life, for churn and retention. */
    lifecycle: z.object({ start: z.string(), end: z.string() }).nullable(),
    loc: SourceLocation
});
export type Dataset = z.infer<typeof Dataset>;

/** Where a metric's rows come from: responses to a survey, or the rows of a dataset. */
export const MetricSource = z.discriminatedUnion('type', [
    z.object({ type: z.literal('survey'), survey: z.string() }),
    z.object({ type: z.literal('dataset'), dataset: z.string() })
]);
export type MetricSource = z.infer<typeof MetricSource>;

/** What a CLV value column is an amount per. */
export const ClvValuePeriod = z.enum(['month', 'year']);
export type ClvValuePeriod = z.infer<typeof ClvValuePeriod>;

export const MetricExpr = z.discriminatedUnion('kind', [
    /** %promoters (9-10) minus %detractors (0-6), in points. */
    z.object({ kind: z.literal('nps'), survey: z.string(), question: z.string() }),
    /** Share of answers in the top `boxes` values of the scale, in percent (csat = top 2 of 1-5). */
    z.object({ kind: z.literal('topBox'), survey: z.string(), question: z.string(), boxes: z.number().int() }),
    z.object({ kind: z.literal('bottomBox'), survey: z.string(), question: z.string(), boxes: z.number().int() }),
    /** Mean of a rating (scale units) or of a numeric dataset column. */
    z.object({ kind: z.literal('mean'), field: FieldRef }),
    /** The `percent`-th percentile (50: the median) of a rating or a number question, Hyndman-Fan type 7. */
    z.object({ kind: z.literal('quantile'), field: FieldRef, percent: z.number() }),
    /** Share of rows where the condition holds, in percent. */
    z.object({ kind: z.literal('rate'), source: MetricSource, condition: Condition }),
    /** Lost in period / customers at the start of the period, in percent. */
    z.object({ kind: z.literal('churn'), dataset: z.string(), start: z.string(), end: z.string() }),
    /** Customer retention rate CRR = (E - N) / S, in percent. */
    z.object({ kind: z.literal('retention'), dataset: z.string(), start: z.string(), end: z.string() }),
    /**
     * Customer lifetime value, simple perpetuity variant m·r/(1 + d − r): m = mean value column per
     * customer per year times the margin, r = annual retention, d = annual discount rate.
     */
    z.object({
        kind: z.literal('clv'),
        dataset: z.string(),
        value: z.string(),
        /** What the value column is an amount per: 'month' (MRR, ×12 for a year) or 'year' (ARR, annual premium). */
        valuePeriod: ClvValuePeriod.default('month'),
        marginPercent: z.number(),
        discountPercent: z.number(),
        start: z.string(),
        end: z.string(),
        variant: z.literal('simple-perpetuity')
    })
]);
export type MetricExpr = z.infer<typeof MetricExpr>;

/** Unit of a metric value and of its target. */
export const MetricUnit = z.enum(['points', 'percent', 'scale', 'number']);
export type MetricUnit = z.infer<typeof MetricUnit>;

export const Target = z.object({
    op: z.enum(['>=', '>', '<=', '<']),
    value: z.number(),
    /** Value at which the metric is flagged before the target itself is missed; null when unset. */
    warning: z.number().nullable()
});
export type Target = z.infer<typeof Target>;

export const Metric = z.object({
    name: z.string(),
    title: Localized,
    expr: MetricExpr,
    unit: MetricUnit,
    /** Inclusive bounds the metric value can take (e.g. -100..100 for NPS); null when unbounded. */
    range: z.tuple([z.number(), z.number()]).nullable(),
    /** Segments to break the metric down by, by name. */
    segments: z.array(z.string()),
    /** Period to break the metric down by; null for none. */
    period: Period.nullable(),
    target: Target.nullable(),
    /** Minimum sample size below which the verdict is `insufficient`. */
    minSample: z.number().int(),
    loc: SourceLocation
});
export type Metric = z.infer<typeof Metric>;

export const DriverAnalysis = z.object({
    name: z.string(),
    title: Localized,
    survey: z.string(),
    outcome: z.string(),
    drivers: z.array(z.string()),
    method: z.enum(['correlation', 'relative_weights']),
    loc: SourceLocation
});
export type DriverAnalysis = z.infer<typeof DriverAnalysis>;

export const CxModel = z.object({
    /** Version of this schema; bumped on breaking changes (2: literals are tagged `{type, ...}` objects). */
    schemaVersion: z.literal(2),
    spec: Spec,
    segments: z.array(Segment),
    journeys: z.array(Journey),
    surveys: z.array(Survey),
    datasets: z.array(Dataset),
    metrics: z.array(Metric),
    drivers: z.array(DriverAnalysis)
});
export type CxModel = z.infer<typeof CxModel>;
