/**
 * A number question and a 0..100 rating compile to SurveyJS elements that survey-core loads
 * (a number field and a slider), that SurveyJS's own JSON schema accepts, whose display logic and
 * bounds survey-core applies, and whose response schema accepts and rejects the right values.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Ajv } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { Model } from 'survey-core';
import { loadWorkspace } from '@cxspec/language';
import { compileSurvey, responseSchema } from '@cxspec/compiler';
import { REPO_ROOT } from './support/examples.js';

const FIXTURE = path.join(REPO_ROOT, 'packages/compiler/test/fixtures/number-and-slider.cx');

async function compiled() {
    const workspace = await loadWorkspace([FIXTURE], { root: REPO_ROOT });
    expect(workspace.diagnostics).toEqual([]);
    const model = workspace.model('Num');
    return { model, survey: model.surveys[0], json: compileSurvey(model, model.surveys[0]) };
}

describe('number questions and wide ratings in SurveyJS', () => {
    it('compile to a number field and a slider that SurveyJS\'s JSON schema accepts', async () => {
        const { json } = await compiled();
        const elements = (json.pages as Array<{ elements: Array<Record<string, unknown>> }>)[0].elements;
        expect(elements.map(e => [e.name, e.type, e.inputType, e.min, e.max, e.step])).toEqual([
            ['age', 'text', 'number', '0', '120', 1],
            ['wait', 'text', 'number', undefined, undefined, undefined],
            ['score', 'slider', undefined, 0, 100, 1]
        ]);
        expect(elements[0].placeholder).toEqual({ default: 'years', ja: '歳' });
        expect(elements[2].customLabels).toEqual([{ value: 0, text: { default: 'Worst', ja: '最悪' } }, { value: 100, text: { default: 'Best', ja: '最高' } }]);
        const definition = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'node_modules/survey-core/surveyjs_definition.json'), 'utf8'));
        const ajv = new Ajv({ strict: false, allErrors: true });
        ajv.addSchema(definition, 'surveyjs');
        for (const element of elements) {
            const validate = ajv.getSchema(`surveyjs#/definitions/${String(element.type)}`)!;
            // The schema types every item value as a string (a matrix's numeric columns fail it too);
            // survey-core takes numbers there, which the load test below checks for the labels.
            const { customLabels, ...checked } = element;
            expect(customLabels === undefined || element.type === 'slider').toBe(true);
            expect(validate(checked), `${String(element.name)}: ${JSON.stringify(validate.errors)}`).toBe(true);
        }
    });

    it('load in survey-core without JSON errors, and survey-core applies their bounds and logic', async () => {
        const { json } = await compiled();
        const survey = new Model(json);
        expect(survey.jsonErrors).toBeNull();
        expect(survey.validateExpressions()).toEqual([]);
        expect(survey.getAllQuestions().map(q => [q.name, q.getType()])).toEqual([['age', 'text'], ['wait', 'text'], ['score', 'slider']]);
        const labels = (survey.getQuestionByName('score') as unknown as { customLabels: Array<{ value: unknown }> }).customLabels;
        expect(labels.map(l => l.value)).toEqual([0, 100]);
        const age = survey.getQuestionByName('age');
        const score = survey.getQuestionByName('score');
        age.value = 12;
        expect(score.isVisible).toBe(false);
        age.value = 18;
        expect(score.isVisible).toBe(true);
        expect(age.hasErrors()).toBe(false);
        age.value = 121;
        expect(age.hasErrors()).toBe(true);
        age.value = 30.5;
        expect(age.hasErrors()).toBe(true);
        const wait = survey.getQuestionByName('wait');
        wait.value = 7.25;
        expect(wait.hasErrors()).toBe(false);
        score.value = 73;
        expect(survey.data).toEqual({ age: 30.5, wait: 7.25, score: 73 });
    });

    it('the response schema takes whole ages 0..120, any wait, scores 0..100', async () => {
        const { model, survey } = await compiled();
        const validate = new Ajv2020({ strict: true, allErrors: true }).compile(responseSchema(model, survey));
        const record = (answers: Record<string, unknown>) => ({ respondent_id: 'r1', submitted_at: '2026-01-05T10:00:00Z', ...answers });
        const accepted = [{ age: 0 }, { age: 120 }, { wait: -3.5 }, { wait: 1e9 }, { score: 0 }, { score: 100 }, {}];
        const rejected = [{ age: 121 }, { age: -1 }, { age: 30.5 }, { age: '30' }, { wait: '7' }, { score: 101 }, { score: 50.5 }];
        expect(accepted.map(a => validate(record(a)))).toEqual(accepted.map(() => true));
        expect(rejected.map(a => validate(record(a)))).toEqual(rejected.map(() => false));
    });
});
