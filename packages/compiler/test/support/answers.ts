/**
 * fast-check generators of answers to the questions of a CX survey, shaped as SurveyJS stores
 * them (docs/response-format.md), including every form of "not answered".
 */
import fc from 'fast-check';
import { otherTextField, questionKind, specialOption, type Question, type Survey } from '@cxspec/model';

/** A valid, non-empty answer to `q`. */
export function answerArb(q: Question): fc.Arbitrary<unknown> {
    const ids = q.options.map(o => o.id);
    switch (questionKind(q.kind).answer) {
        case 'scale':
            return fc.integer({ min: q.scale!.min, max: q.scale!.max });
        case 'number': {
            const n = q.number!;
            const bounds = { min: n.min ?? -1e6, max: n.max ?? 1e6 };
            // Whole numbers too, so that a decimal question meets conditions such as `= 0`.
            return n.integer ? fc.integer(bounds) : fc.oneof(fc.integer(bounds), fc.double({ ...bounds, noNaN: true, noDefaultInfinity: true }));
        }
        case 'option': return fc.constantFrom(...ids);
        case 'options': {
            // What SurveyJS lets a respondent pick: None of these alone, else within `select`.
            const none = specialOption(q, 'exclusive')?.id;
            const rest = ids.filter(id => id !== none);
            const picks = fc.subarray(rest, { minLength: Math.max(1, q.select?.min ?? 1), maxLength: q.select?.max ?? rest.length });
            return none === undefined ? picks : fc.oneof(picks, fc.constant([none]));
        }
        case 'order': return fc.shuffledSubarray(ids, { minLength: ids.length });
        case 'boolean': return fc.boolean();
        // SurveyJS does not accept blanks as the answer to a required question.
        case 'text': return fc.string({ minLength: 1, unit: 'grapheme' }).filter(s => (q.required ? s.trim() : s).length > 0);
        case 'items': {
            const rating = fc.integer({ min: q.scale!.min, max: q.scale!.max });
            const required = q.required ? q.items.map(i => i.id) : [];
            return fc.record(Object.fromEntries(q.items.map(i => [i.id, rating])), { requiredKeys: required, noNullPrototype: true })
                .filter(r => Object.keys(r).length > 0);
        }
    }
}

/** The values SurveyJS and the interpreter both treat as "not answered" for a question of this kind. */
export function unansweredArb(q: Question): fc.Arbitrary<unknown> {
    switch (questionKind(q.kind).answer) {
        case 'options': case 'order': return fc.constantFrom(undefined, []);
        case 'items': return fc.constantFrom(undefined, {});
        case 'text': return fc.constantFrom(undefined, '');
        case 'scale': case 'number': case 'option': case 'boolean': return fc.constant(undefined);
    }
}

/** Any answer set: each question answered with a valid value or left unanswered. */
export function answerSetArb(survey: Survey): fc.Arbitrary<Record<string, unknown>> {
    return fc.record(Object.fromEntries(survey.questions.map(q => [q.name, fc.oneof(answerArb(q), unansweredArb(q))])))
        .map(withoutUndefined);
}

export function withoutUndefined(answers: Record<string, unknown>): Record<string, unknown> {
    return Object.fromEntries(Object.entries(answers).filter(([, v]) => v !== undefined));
}

/**
 * The text SurveyJS requires beside an Other (please specify) answer, under its own field; nothing
 * when the answer is not `other`.
 */
export function otherText(q: Question, answer: unknown): Record<string, string> {
    const other = specialOption(q, 'specify')?.id;
    const picked = Array.isArray(answer) ? answer.includes(other) : answer === other;
    return other !== undefined && picked ? { [otherTextField(q.name)]: `Said in ${q.name}'s Other` } : {};
}
