/** Every compiled example survey loads in SurveyJS as it is: no JSON errors, no bad expressions. */
import { describe, expect, it } from 'vitest';
import { Model } from 'survey-core';
import { compileSurvey } from '@cxspec/compiler';
import { EXAMPLE_NAMES, exampleModel } from './support/examples.js';

describe('compiled example surveys load in survey-core', () => {
    for (const name of EXAMPLE_NAMES) {
        it(`${name}: no jsonErrors, no expression errors, every question present`, async () => {
            const model = await exampleModel(name);
            expect(model.surveys.length).toBeGreaterThan(0);
            for (const survey of model.surveys) {
                const surveyModel = new Model(compileSurvey(model, survey));
                expect(surveyModel.jsonErrors, survey.name).toBeNull();
                expect(surveyModel.validateExpressions(), survey.name).toEqual([]);
                expect(surveyModel.getAllQuestions().map(q => [q.name, q.getType(), q.isRequired])).toEqual(
                    survey.questions.map(q => [q.name, SURVEYJS_TYPES[q.kind], q.required]));
                for (const q of survey.questions.filter(q => q.scale && q.kind !== 'matrix')) {
                    const rating = surveyModel.getQuestionByName(q.name) as unknown as { visibleRateValues: Array<{ value: number }> };
                    const expected = Array.from({ length: q.scale!.max - q.scale!.min + 1 }, (_, i) => q.scale!.min + i);
                    expect(rating.visibleRateValues.map(v => v.value), `${survey.name}.${q.name}`).toEqual(expected);
                }
            }
        });
    }
});

const SURVEYJS_TYPES: Record<string, string> = {
    nps: 'rating', csat: 'rating', ces: 'rating', rating: 'rating', choice: 'radiogroup', multichoice: 'checkbox',
    ranking: 'ranking', boolean: 'boolean', text: 'comment', matrix: 'matrix', number: 'text'
};
