/**
 * What a text answer accepts (`max`, `format`, `pattern` on a text question), as one set of
 * regular expressions shared by the compiler (SurveyJS validators), the response schema and the
 * row checks of `score`, so the three accept exactly the same answers.
 */
import type { Question } from '../cx-model.js';

export type TextFormat = 'email' | 'digits';

/**
 * The expression each format is checked with: an e-mail address as the WHATWG HTML spec's
 * "valid e-mail address" (what browsers check for `<input type=email>`), digits as ASCII 0-9.
 */
export const TEXT_FORMAT_PATTERNS: Readonly<Record<TextFormat, string>> = {
    email: "^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$",
    digits: '^[0-9]+$'
};

/** The patterns a text answer must match: its format's, then its own (anchored whole). */
export function textPatterns(q: Pick<Question, 'textRules'>): string[] {
    const rules = q.textRules;
    if (!rules) return [];
    return [
        ...(rules.format ? [TEXT_FORMAT_PATTERNS[rules.format]] : []),
        ...(rules.pattern !== null ? [anchored(rules.pattern)] : [])
    ];
}

/** A pattern matched against the whole answer, as SurveyJS's regex validator and JSON Schema `pattern` only search. */
export function anchored(pattern: string): string {
    return `^(?:${pattern})$`;
}
