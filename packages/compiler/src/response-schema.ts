/**
 * JSON Schema (2020-12) of one response record of a survey, following docs/response-format.md:
 * respondent id, submission time, the joined dataset's key, then one property per question.
 * Questions are optional (display logic may hide them); anything not declared is rejected.
 */
import { otherTextField, questionKind, textPatterns, SPECIAL_OPTION_IDS, specialOption, type CxModel, type Question, type Survey } from '@cxspec/model';

export type JsonSchema = Record<string, unknown>;

/** ISO 8601 date-time with an optional offset, as the response format allows (no zone = UTC). */
const DATE_TIME_PATTERN = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})?$';

/** Fields every record carries besides the answers; no question may take these names. */
export const RECORD_FIELDS = ['respondent_id', 'submitted_at'] as const;

export function joinedKey(model: CxModel, survey: Survey): string | undefined {
    return survey.joins ? model.datasets.find(d => d.name === survey.joins)?.key : undefined;
}

export function responseSchema(model: CxModel, survey: Survey): JsonSchema {
    const key = joinedKey(model, survey);
    const properties: Record<string, JsonSchema> = {
        respondent_id: { type: 'string', minLength: 1, description: 'Unique per response.' },
        submitted_at: { type: 'string', pattern: DATE_TIME_PATTERN, description: 'ISO 8601 date-time; no zone means UTC.' }
    };
    if (key) properties[key] = { type: 'string', minLength: 1, description: `Key of dataset ${survey.joins}.` };
    for (const q of survey.questions) {
        properties[q.name] = answerSchema(q);
        // SurveyJS records the text typed into "Other (please specify)" beside the answer.
        if (specialOption(q, 'specify')) {
            properties[otherTextField(q.name)] = { type: 'string', description: `Text typed into ${q.name}'s "other" option.` };
        }
    }
    return {
        $schema: 'https://json-schema.org/draft/2020-12/schema',
        $id: `urn:cxspec:${model.spec.name}:${survey.name}:response`,
        title: `Response to ${model.spec.name}.${survey.name}`,
        type: 'object',
        properties,
        required: [...RECORD_FIELDS, ...(key ? [key] : [])],
        additionalProperties: false
    };
}

function answerSchema(q: Question): JsonSchema {
    const ids = q.options.map(o => o.id);
    switch (questionKind(q.kind).answer) {
        case 'scale':
            return { type: 'integer', minimum: q.scale!.min, maximum: q.scale!.max };
        case 'number': {
            const n = q.number!;
            return { type: n.integer ? 'integer' : 'number', ...(n.min !== null ? { minimum: n.min } : {}), ...(n.max !== null ? { maximum: n.max } : {}) };
        }
        case 'option':
            return { type: 'string', enum: ids };
        case 'options': {
            const bounds = q.select;
            // `[]` is SurveyJS's unanswered multichoice, so a lower bound holds for answered ones only.
            const count = {
                ...(bounds?.max != null ? { maxItems: bounds.max } : {}),
                ...((bounds?.min ?? 0) > 1 ? { anyOf: [{ maxItems: 0 }, { minItems: bounds!.min! }] } : {})
            };
            const array = { type: 'array', items: { type: 'string', enum: ids }, uniqueItems: true };
            if (!specialOption(q, 'exclusive')) return { ...array, ...count };
            // "None of these" is given alone (SurveyJS clears the rest when it is picked), and then
            // the bounds on how many options are picked do not apply.
            return { ...array, if: { contains: { const: SPECIAL_OPTION_IDS.exclusive } }, then: { maxItems: 1 }, else: count };
        }
        case 'order':
            // All options in order of preference, or none: SurveyJS keeps `[]` for an untouched ranking.
            return { type: 'array', items: { type: 'string', enum: ids }, uniqueItems: true, maxItems: ids.length, anyOf: [{ maxItems: 0 }, { minItems: ids.length }] };
        case 'boolean':
            return { type: 'boolean' };
        case 'text': {
            const patterns = textPatterns(q);
            const length = q.textRules?.maxLength;
            return {
                type: 'string',
                ...(length != null ? { maxLength: length } : {}),
                ...(patterns.length === 1 ? { pattern: patterns[0] } : patterns.length > 1 ? { allOf: patterns.map(pattern => ({ pattern })) } : {})
            };
        }
        case 'items': {
            const rating = { type: 'integer', minimum: q.scale!.min, maximum: q.scale!.max };
            return {
                type: 'object',
                properties: Object.fromEntries(q.items.map(i => [i.id, rating])),
                // A required matrix is answered for every item (SurveyJS `eachRowRequired`).
                ...(q.required ? { required: q.items.map(i => i.id) } : {}),
                additionalProperties: false
            };
        }
    }
}
