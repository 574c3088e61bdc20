/**
 * Pages, groups and a welcome text: the compiled survey has SurveyJS's start page and one page per
 * `page` (the questions before the first one on an untitled page), page titles and descriptions,
 * page display logic and each group as a titled panel; survey-core loads it, hides a page's questions with the page, and agrees
 * with the interpreter (visibleQuestions) on every generated answer set.
 */
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Model } from 'survey-core';
import { loadWorkspace } from '@cxspec/language';
import { compileProblems, compileSurvey, visibleQuestions } from '@cxspec/compiler';
import { REPO_ROOT } from './support/examples.js';
import { answerSetArb } from './support/answers.js';
import { propertyRuns } from '../../../test/support/property-runs.js';

const FIXTURE = path.join(REPO_ROOT, 'packages/compiler/test/fixtures/pages.cx');

async function compiled() {
    const workspace = await loadWorkspace([FIXTURE], { root: REPO_ROOT });
    expect(workspace.diagnostics).toEqual([]);
    const model = workspace.model('Stay');
    return { model, survey: model.surveys[0], json: compileSurvey(model, model.surveys[0]) };
}

type Page = { name: string; title?: unknown; description?: unknown; visibleIf?: string; elements: Array<{ name: string; type: string; html?: unknown }> };

describe('pages and a welcome text in SurveyJS', () => {
    it('the model keeps each page\'s questions, title and display logic, and counts the texts read', async () => {
        const { model, survey } = await compiled();
        expect(compileProblems(model)).toEqual([]);
        expect(survey.welcome).toEqual({ en: 'Thank you for staying with us. This takes two minutes.', ja: 'ご滞在ありがとうございました。' });
        expect(survey.pages!.map(p => [p.name, p.title.en, p.questions, p.visibleWhen !== null])).toEqual([
            ['questions', undefined, ['recommend'], false],
            ['room', 'Your room', ['clean', 'quiet', 'bed'], false],
            ['complaint', 'What went wrong', ['why', 'again'], true]
        ]);
        expect(survey.pages!.map(p => p.groups.map(g => [g.name, g.title.ja, g.questions]))).toEqual([[], [['night', '夜', ['quiet', 'bed']]], []]);
        // Questions: nps 6 + csat 6 + boolean 4 + csat 6 + text 30 + boolean 4 = 56 s. Texts read, at
        // 238 words a minute, longest locale, each rounded up: welcome 10 words -> 3 s, "Your room"
        // 2 -> 1, its description 6 -> 2, "Your night" 2 -> 1, "What went wrong" 3 -> 1 (the
        // Japanese texts are one "word" each).
        expect(survey.estimatedSeconds).toBe(56 + 3 + 1 + 2 + 1 + 1);
    });

    it('compiles to a start page and the declared pages, with their titles and display logic', async () => {
        const { json } = await compiled();
        expect(json.firstPageIsStartPage).toBe(true);
        const pages = json.pages as Page[];
        expect(pages.map(p => [p.name, p.elements.map(e => e.name), p.visibleIf])).toEqual([
            ['welcome', ['welcome_text'], undefined],
            ['questions', ['recommend'], undefined],
            ['room', ['clean', 'night'], undefined],
            ['complaint', ['why', 'again'], pages[3].visibleIf]
        ]);
        expect(pages[0].elements[0]).toEqual({ type: 'html', name: 'welcome_text', html: { default: '<p>Thank you for staying with us. This takes two minutes.</p>', ja: '<p>ご滞在ありがとうございました。</p>' } });
        expect(pages[2].title).toEqual({ default: 'Your room', ja: 'お部屋' });
        expect(pages[2].description).toEqual({ default: 'About the room you stayed in.', ja: 'お部屋について' });
        expect(pages[1].title).toBeUndefined();
        expect(pages[2].elements[1]).toMatchObject({ type: 'panel', name: 'night', title: { default: 'Your night', ja: '夜' } });
        expect((pages[2].elements[1] as unknown as Page).elements.map(e => [e.type, e.name])).toEqual([['boolean', 'quiet'], ['rating', 'bed']]);
        expect(typeof pages[3].visibleIf).toBe('string');
    });

    it('survey-core loads it, starts on the welcome page and hides a page with its questions', async () => {
        const { json } = await compiled();
        const survey = new Model(json);
        expect(survey.jsonErrors).toBeNull();
        expect(survey.validateExpressions()).toEqual([]);
        expect(survey.isStartPageActive).toBe(true);
        expect(survey.activePage.name).toBe('welcome');
        survey.start();
        expect(survey.activePage.name).toBe('questions');
        expect(survey.visiblePages.map(p => p.name)).toEqual(['questions', 'room']);
        survey.setValue('recommend', 5);
        expect(survey.visiblePages.map(p => p.name)).toEqual(['questions', 'room', 'complaint']);
        survey.setValue('recommend', 9);
        survey.setValue('clean', 1);
        expect(survey.visiblePages.map(p => p.name)).toEqual(['questions', 'room', 'complaint']);
        survey.setValue('clean', 4);
        expect(survey.getPageByName('complaint').isVisible).toBe(false);
        // The page hides its questions whatever their own display logic says.
        survey.setValue('why', 'noise');
        expect(survey.getQuestionByName('again').isVisible).toBe(true);
        expect(survey.getQuestionByName('again').isParentVisible).toBe(false);
        // The group is a panel on its page, titled, holding its questions.
        const night = survey.getPanelByName('night');
        expect(night.page.name).toBe('room');
        expect(night.processedTitle).toBe('Your night');
        expect(night.questions.map(q => q.name)).toEqual(['quiet', 'bed']);
        expect(survey.getAllQuestions().filter(q => q.getType() !== 'html').map(q => q.name)).toEqual(['recommend', 'clean', 'quiet', 'bed', 'why', 'again']);
    });

    it(`the interpreter and survey-core agree on which questions are shown (${propertyRuns(200)} answer sets)`, async () => {
        const { json, survey } = await compiled();
        const surveyModel = new Model(json);
        const shownCount = new Map<string, number>();
        fc.assert(fc.property(answerSetArb(survey), answers => {
            surveyModel.data = answers;
            const bySurveyJs = survey.questions
                .filter(q => { const question = surveyModel.getQuestionByName(q.name); return question.isVisible && question.isParentVisible; })
                .map(q => q.name);
            const shown = visibleQuestions(survey, answers);
            expect(bySurveyJs).toEqual(shown);
            for (const q of shown) shownCount.set(q, (shownCount.get(q) ?? 0) + 1);
        }), { numRuns: propertyRuns(200), seed: 20261204 });
        if (propertyRuns(200) >= 200) {
            // The generated answers show and hide the page-logic questions both ways.
            for (const name of ['quiet', 'why', 'again']) {
                expect(shownCount.get(name) ?? 0, `${name} shown`).toBeGreaterThan(0);
                expect(shownCount.get(name) ?? 0, `${name} hidden`).toBeLessThan(200);
            }
        }
    });
});
