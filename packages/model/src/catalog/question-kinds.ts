/**
 * Facts about question kinds that validation, the CX model and the back ends must agree on.
 */
import type { QuestionKind } from '../cx-model.js';

export interface ScaleBounds { min: number; max: number }

/** Fixed and default scales; kinds without a scale map to null. */
const DEFAULT_SCALES: Partial<Record<QuestionKind, ScaleBounds>> = {
    nps: { min: 0, max: 10 },
    csat: { min: 1, max: 5 },
    ces: { min: 1, max: 7 },
    rating: { min: 1, max: 5 },
    matrix: { min: 1, max: 5 }
};

/** Kinds whose scale may be changed with `min..max`. NPS is 0-10 by definition. */
export const KINDS_WITH_CUSTOM_SCALE: ReadonlySet<QuestionKind> = new Set(['csat', 'ces', 'rating', 'matrix']);
export const SCALED_KINDS: ReadonlySet<QuestionKind> = new Set(['nps', 'csat', 'ces', 'rating', 'matrix']);
export const KINDS_WITH_OPTIONS: ReadonlySet<QuestionKind> = new Set(['choice', 'multichoice', 'ranking']);
/** Kinds whose single answer is a number on a scale: usable in metrics, drivers and numeric logic. */
export const NUMERIC_KINDS: ReadonlySet<QuestionKind> = new Set(['nps', 'csat', 'ces', 'rating']);

/** Longest scale a respondent can use reliably; SurveyJS renders up to 11 rate values in a row. */
export const MAX_SCALE_POINTS = 11;

export function scaleOf(kind: QuestionKind, range?: ScaleBounds): ScaleBounds | null {
    const base = DEFAULT_SCALES[kind];
    if (!base) return null;
    return range && KINDS_WITH_CUSTOM_SCALE.has(kind) ? { min: range.min, max: range.max } : { ...base };
}

/**
 * Seconds a respondent typically needs, after common survey-length guidance: a few seconds per
 * rating, more per option to read, half a minute to type an answer.
 */
export function estimateSeconds(kind: QuestionKind, optionCount: number, itemCount: number): number {
    switch (kind) {
        case 'nps': case 'csat': case 'ces': case 'rating': return 6;
        case 'boolean': return 4;
        case 'choice': return 5 + optionCount;
        case 'multichoice': return 6 + 2 * optionCount;
        case 'ranking': return 8 + 3 * optionCount;
        case 'matrix': return 4 + 4 * itemCount;
        case 'text': return 30;
    }
}

export const DEFAULT_LIMITS = { maxQuestions: 12, maxSeconds: 180 } as const;

export const KNOWN_CHANNELS: readonly string[] = [
    'web', 'app', 'store', 'call_center', 'phone', 'email', 'sms', 'chat', 'social', 'delivery',
    'kiosk', 'field', 'mail', 'partner', 'event', 'video', 'in_person'
];
