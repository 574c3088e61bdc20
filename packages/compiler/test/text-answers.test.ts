/**
 * Limits on text answers (`max`, `format email|digits`, `pattern`): compiled to SurveyJS's maxLength,
 * input type and regex validators, which survey-core runs, and to the response schema, which
 * accepts and rejects exactly the same answers.
 */
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { Model } from 'survey-core';
import { loadWorkspace } from '@cxspec/language';
import { compileSurvey, responseSchema } from '@cxspec/compiler';
import { REPO_ROOT } from './support/examples.js';

const FIXTURE = path.join(REPO_ROOT, 'packages/compiler/test/fixtures/text-answers.cx');

async function compiled() {
    const workspace = await loadWorkspace([FIXTURE], { root: REPO_ROOT });
    expect(workspace.diagnostics).toEqual([]);
    const model = workspace.model('TextAnswers');
    return { json: compileSurvey(model, model.surveys[0]), schema: responseSchema(model, model.surveys[0]) };
}

/** Per question, answers a respondent might type and whether the survey takes them. */
const CASES: Array<[string, string, boolean]> = [
    ['email', 'guest@example.co.jp', true],
    ['email', 'first.last+tag@mail.example.com', true],
    ['email', 'not an address', false],
    ['email', 'guest@', false],
    ['booking', 'AB123456', true],
    ['booking', 'ab123456', false],
    ['booking', 'AB12345', false],
    ['booking', 'XAB123456', false],
    ['phone', '0312345678', true],
    ['phone', '03-1234-5678', false],
    ['phone', '031234567890', false],
    ['comment', 'Lovely stay', true],
    ['comment', 'x'.repeat(281), false]
];

describe('text answers with limits', () => {
    it('compile to SurveyJS: one line with the e-mail keyboard, a maximum length, whole-answer regex validators', async () => {
        const { json } = await compiled();
        const [email, booking, phone, comment] = (json.pages as Array<{ elements: Array<Record<string, unknown>> }>)[0].elements;
        expect(email).toMatchObject({ type: 'text', inputType: 'email' });
        expect(booking).toMatchObject({ type: 'comment', maxLength: 8, validators: [{ type: 'regex', regex: '^(?:[A-Z]{2}\\d{6})$' }] });
        expect(phone).toMatchObject({ type: 'text', maxLength: 11, validators: [{ type: 'regex', regex: '^[0-9]+$' }] });
        expect(comment).toEqual(expect.objectContaining({ type: 'comment', maxLength: 280 }));
        expect(comment.validators).toBeUndefined();
    });

    it('survey-core and the response schema take and refuse the same answers', async () => {
        const { json, schema } = await compiled();
        const validate = new Ajv2020({ strict: true }).compile(schema);
        const survey = new Model(json);
        expect(survey.jsonErrors).toBeNull();
        const verdicts = CASES.map(([name, answer]) => {
            const question = survey.getQuestionByName(name);
            question.value = answer;
            // maxLength stops typing in the browser; survey-core's own check is the text validator's.
            const tooLong = question.maxLength > 0 && answer.length > question.maxLength;
            const surveyTakes = !question.hasErrors(false) && !tooLong;
            question.clearValue();
            const schemaTakes = validate({ respondent_id: 'r1', submitted_at: '2026-11-02T10:00:00Z', [name]: answer });
            return [name, answer.slice(0, 20), surveyTakes, schemaTakes];
        });
        expect(verdicts).toEqual(CASES.map(([name, answer, ok]) => [name, answer.slice(0, 20), ok, ok]));
    });
});
