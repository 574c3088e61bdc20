/**
 * Facts about question kinds that validation, the CX model and the back ends must agree on, one
 * entry per kind: this table is the list of kinds (the model's `QuestionKind` enum is its keys).
 * Back ends switch on a kind's `answer` shape, not on the kind, so a new kind whose answer has an
 * existing shape needs only its entry here (and the grammar and the docs).
 */
import type { QuestionKind } from '../cx-model.js';
import { METRIC_FUNCTIONS, METRIC_KINDS, type MetricFunction } from './metric-kinds.js';

export interface ScaleBounds { min: number; max: number }

/**
 * What one answer is: a number on the question's scale, one option id, several option ids, all
 * option ids in order of preference, true/false, free text, or a number on the scale per item;
 * `number` is any number within the question's optional bounds (a number question).
 */
export type AnswerShape = 'scale' | 'number' | 'option' | 'options' | 'order' | 'boolean' | 'text' | 'items';

/** The SurveyJS element a question compiles to. */
export type SurveyJsElement = 'rating' | 'text' | 'radiogroup' | 'checkbox' | 'ranking' | 'comment' | 'boolean' | 'matrix';

export interface QuestionKindFacts {
    answer: AnswerShape;
    /** The default scale, and whether the spec may change it with `min..max`; null: no scale. */
    scale: (ScaleBounds & { custom: boolean }) | null;
    /** The question declares options (`option id { ... }`). */
    options: boolean;
    element: SurveyJsElement;
    /**
     * Seconds a respondent typically needs, after common survey-length guidance: a few seconds per
     * rating, more per option to read, half a minute to type an answer.
     */
    seconds: (optionCount: number, itemCount: number) => number;
}

export const QUESTION_KINDS = {
    // NPS is 0-10 by definition.
    nps: { answer: 'scale', scale: { min: 0, max: 10, custom: false }, options: false, element: 'rating', seconds: () => 6 },
    csat: { answer: 'scale', scale: { min: 1, max: 5, custom: true }, options: false, element: 'rating', seconds: () => 6 },
    ces: { answer: 'scale', scale: { min: 1, max: 7, custom: true }, options: false, element: 'rating', seconds: () => 6 },
    rating: { answer: 'scale', scale: { min: 1, max: 5, custom: true }, options: false, element: 'rating', seconds: () => 6 },
    choice: { answer: 'option', scale: null, options: true, element: 'radiogroup', seconds: options => 5 + options },
    multichoice: { answer: 'options', scale: null, options: true, element: 'checkbox', seconds: options => 6 + 2 * options },
    boolean: { answer: 'boolean', scale: null, options: false, element: 'boolean', seconds: () => 4 },
    text: { answer: 'text', scale: null, options: false, element: 'comment', seconds: () => 30 },
    matrix: { answer: 'items', scale: { min: 1, max: 5, custom: true }, options: false, element: 'matrix', seconds: (_, items) => 4 + 4 * items },
    ranking: { answer: 'order', scale: null, options: true, element: 'ranking', seconds: options => 8 + 3 * options },
    // A typed number (`text` with inputType number); its bounds are the question's `number`, not a scale.
    number: { answer: 'number', scale: null, options: false, element: 'text', seconds: () => 8 }
} as const satisfies Record<string, QuestionKindFacts>;

/** The kinds in catalog order, which is the order of the grammar and the docs. */
export const QUESTION_KIND_NAMES = Object.keys(QUESTION_KINDS) as [keyof typeof QUESTION_KINDS, ...Array<keyof typeof QUESTION_KINDS>];

/** The facts of a kind. */
export function questionKind(kind: QuestionKind): QuestionKindFacts {
    return QUESTION_KINDS[kind];
}

/** The facts of a kind as the editor sees it: a kind still being typed has none. */
export function questionKindOf(kind: string | undefined): QuestionKindFacts | undefined {
    return kind !== undefined && Object.hasOwn(QUESTION_KINDS, kind) ? QUESTION_KINDS[kind as QuestionKind] : undefined;
}

const kindsWhere = (test: (facts: QuestionKindFacts) => boolean): ReadonlySet<QuestionKind> =>
    new Set(QUESTION_KIND_NAMES.filter(k => test(QUESTION_KINDS[k])));

/** Kinds whose scale may be changed with `min..max`. */
export const KINDS_WITH_CUSTOM_SCALE = kindsWhere(f => f.scale?.custom === true);
export const SCALED_KINDS = kindsWhere(f => f.scale !== null);
export const KINDS_WITH_OPTIONS = kindsWhere(f => f.options);
/**
 * Kinds whose single answer is a number on a scale: usable in metrics, drivers and numeric logic
 * (a number question, with no scale, is scored by mean() and percentiles only; the catalogs say so).
 */
export const NUMERIC_KINDS = kindsWhere(f => f.answer === 'scale');

/**
 * The metric functions that score a question of this kind, as the metric catalog says (rate()
 * reads any kind through a condition and is not among them).
 */
export function metricFunctionsOf(kind: QuestionKind): MetricFunction[] {
    const facts = questionKindOf(kind);
    if (!facts) return [];
    return (Object.keys(METRIC_FUNCTIONS) as MetricFunction[]).filter(fn => METRIC_KINDS[METRIC_FUNCTIONS[fn]].scores({ kind, answer: facts.answer }));
}

/**
 * Longest scale of a labelled-point kind (csat, ces, matrix): SurveyJS renders up to 11 rate
 * values in a row, and a respondent can tell that many points apart.
 */
export const MAX_SCALE_POINTS = 11;

/** Longest rating scale (0..100); a rating wider than MAX_SCALE_POINTS compiles to a slider. */
export const MAX_RATING_POINTS = 101;

/** The most points a scale of this kind may have. */
export function maxScalePoints(kind: QuestionKind): number {
    return kind === 'rating' ? MAX_RATING_POINTS : MAX_SCALE_POINTS;
}

/** Fixed and default scales; kinds without a scale (and kinds still being typed) map to null. */
export function scaleOf(kind: QuestionKind, range?: ScaleBounds): ScaleBounds | null {
    const base = questionKindOf(kind)?.scale;
    if (!base) return null;
    return range && base.custom ? { min: range.min, max: range.max } : { min: base.min, max: base.max };
}

/** Estimated seconds for a question. */
export function estimateSeconds(kind: QuestionKind, optionCount: number, itemCount: number): number {
    return questionKind(kind).seconds(optionCount, itemCount);
}

/**
 * Silent reading rate of adults for non-fiction, 238 words per minute: Brysbaert, M. (2019), "How
 * many words do we read per minute? A review and meta-analysis of reading rate", Journal of Memory
 * and Language 109, 104047.
 */
export const READING_WORDS_PER_MINUTE = 238;

/**
 * Seconds to read a text shown besides the questions (a welcome text, a page's title and
 * description), given in each of its locales: the longest translation counts, so no locale's
 * respondents take longer than the estimate. Words are runs of characters between spaces, so a
 * text in a language written without spaces counts as few words (an underestimate there).
 */
export function readingSeconds(translations: readonly string[]): number {
    const words = Math.max(0, ...translations.map(t => t.split(/\s+/).filter(w => w !== '').length));
    return Math.ceil(words * 60 / READING_WORDS_PER_MINUTE);
}

export const DEFAULT_LIMITS = { maxQuestions: 12, maxSeconds: 180 } as const;

export const KNOWN_CHANNELS: readonly string[] = [
    'web', 'app', 'store', 'call_center', 'phone', 'email', 'sms', 'chat', 'social', 'delivery',
    'kiosk', 'field', 'mail', 'partner', 'event', 'video', 'in_person'
];
