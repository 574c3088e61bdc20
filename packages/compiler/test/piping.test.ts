/**
 * Piping: a `{name}` in a text compiles as it is written, and survey-core's text processing puts
 * the answer there (`processedTitle`), a choice's answer as its option's label in the survey's
 * locale, and updates it when the answer changes.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Model } from 'survey-core';
import { loadWorkspace } from '@cxspec/language';
import { compileSurvey } from '@cxspec/compiler';
import { REPO_ROOT } from './support/examples.js';

const FIXTURE = path.join(REPO_ROOT, 'packages/compiler/test/fixtures/piping.cx');

async function compiledSurvey(): Promise<Model> {
    const workspace = await loadWorkspace([FIXTURE], { root: REPO_ROOT });
    expect(workspace.diagnostics).toEqual([]);
    const model = workspace.model('Pipe');
    const survey = new Model(compileSurvey(model, model.surveys[0]));
    expect(survey.jsonErrors).toBeNull();
    expect(survey.validateExpressions()).toEqual([]);
    return survey;
}

describe('piping answers into texts', () => {
    it('survey-core shows the answer in a question\'s and a page\'s title, live', async () => {
        const survey = await compiledSurvey();
        const why = survey.getQuestionByName('why');
        const page = survey.getPageByName('reasons');
        expect(why.locTitle.getLocaleText('')).toBe('You rated us {recommend}. What is the main reason?');
        survey.setValue('recommend', 7);
        expect(why.processedTitle).toBe('You rated us 7. What is the main reason?');
        survey.setValue('recommend', 10);
        expect(why.processedTitle).toBe('You rated us 10. What is the main reason?');
        survey.setValue('purpose', 'leisure');
        expect(page.processedTitle).toBe('About your Leisure stay');
        survey.locale = 'ja';
        expect(page.processedTitle).toBe('観光でのご滞在について');
        expect(why.processedTitle).toBe('10 点の理由は?');
        survey.locale = '';
    });

    it('an unanswered piped question shows as empty, as CX332 warns', async () => {
        const survey = await compiledSurvey();
        expect(survey.getQuestionByName('why').processedTitle).toBe('You rated us . What is the main reason?');
    });
});
