/**
 * Differential test of display logic: for every example survey, fast-check generates answer sets
 * (valid answers and every form of "not answered"); the model's evaluator in display mode (the rule,
 * docs/language.md "What a condition means") and SurveyJS's runtime on the compiled `visibleIf`
 * must agree on every question's visibility (its own and its page's), in every case. On the same answers the analysis mode
 * must give the same outcome unless a string compared differs from the answer only in letter case
 * or surrounding whitespace (the one difference of the two modes on values that are not excluded).
 * Analysis mode is held to DuckDB and PostgreSQL in packages/sql/test/conditions-property.test.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Model } from 'survey-core';
import { compileSurvey, visibleQuestions } from '@cxspec/compiler';
import { evaluateCondition, literalValue, type Condition, type FieldRef } from '@cxspec/model';
import { EXAMPLE_NAMES, exampleModel } from './support/examples.js';
import { answerSetArb, withoutUndefined } from './support/answers.js';
import { constructsSurvey } from './support/models.js';
import { propertyRuns } from '../../../test/support/property-runs.js';

const FULL_RUNS = 400;
const RUNS = propertyRuns(FULL_RUNS);
// Both outcomes of every question's display logic are reached at the full count; the few runs of
// `npm run test:fast` (PROPERTY_RUNS) check agreement only.
const CHECK_OUTCOMES = RUNS >= FULL_RUNS;

describe('compiled display logic behaves like the spec', () => {
    for (const name of EXAMPLE_NAMES) {
        it(`${name}: interpreter and SurveyJS isVisible agree on ${RUNS} answer sets per survey`, async () => {
            const model = await exampleModel(name);
            for (const survey of model.surveys) {
                const surveyModel = new Model(compileSurvey(model, survey));
                const shownBySurveyJs = (answers: Record<string, unknown>) => {
                    surveyModel.data = answers;
                    return survey.questions.filter(q => { const question = surveyModel.getQuestionByName(q.name); return question.isVisible && question.isParentVisible; }).map(q => q.name);
                };
                const shownCount = new Map<string, number>();
                fc.assert(fc.property(answerSetArb(survey), answers => {
                    const shown = visibleQuestions(survey, answers);
                    expect(shownBySurveyJs(answers)).toEqual(shown);
                    for (const q of shown) shownCount.set(q, (shownCount.get(q) ?? 0) + 1);
                }), { numRuns: RUNS, seed: 20260301 });
                // The generated answers exercise both outcomes of every question's display logic.
                if (CHECK_OUTCOMES) for (const q of survey.questions.filter(q => q.visibleWhen)) {
                    expect(shownCount.get(q.name) ?? 0, `${survey.name}.${q.name} shown`).toBeGreaterThan(0);
                    expect(shownCount.get(q.name) ?? 0, `${survey.name}.${q.name} hidden`).toBeLessThan(RUNS);
                }
            }
        });
    }

    it(`every construct on every answer kind: interpreter and SurveyJS agree on ${RUNS} answer sets`, () => {
        const model = constructsSurvey();
        const survey = model.surveys[0];
        const surveyModel = new Model(compileSurvey(model, survey));
        expect(surveyModel.validateExpressions()).toEqual([]);
        // Text answers near the compared strings, so that both outcomes occur.
        const text = fc.oneof(fc.constantFrom(undefined, '', ' ', 'Hello', ' hello ', 'HELLO!', 'x', ' X', 'a', 'b'), fc.string());
        const answers = answerSetArb(survey).chain(a => text.map(t => withoutUndefined({ ...a, t })));
        const shownCount = new Map<string, number>();
        let modesDiffered = 0;
        fc.assert(fc.property(answers, a => {
            surveyModel.data = a;
            const expected = visibleQuestions(survey, a);
            expect(survey.questions.filter(q => surveyModel.getQuestionByName(q.name).isVisible).map(q => q.name)).toEqual(expected);
            for (const q of expected) shownCount.set(q, (shownCount.get(q) ?? 0) + 1);
            const lookup = (f: FieldRef) => (f.source === 'question' ? a[f.question] : undefined);
            for (const q of survey.questions.filter(q => q.visibleWhen)) {
                const [display, analysis] = [evaluateCondition(q.visibleWhen!, 'display', lookup), evaluateCondition(q.visibleWhen!, 'analysis', lookup)];
                if (display !== analysis) {
                    expect(equalOnlyIgnoringCase(q.visibleWhen!, lookup), `${q.name}: modes differ on ${JSON.stringify(a)}`).toBe(true);
                    modesDiffered++;
                }
            }
        }), { numRuns: RUNS, seed: 20260304 });
        if (CHECK_OUTCOMES) expect(modesDiffered).toBeGreaterThan(0);
        if (CHECK_OUTCOMES) for (const q of survey.questions.filter(q => q.visibleWhen)) {
            expect(shownCount.get(q.name) ?? 0, `${q.name} shown`).toBeGreaterThan(0);
            expect(shownCount.get(q.name) ?? 0, `${q.name} hidden`).toBeLessThan(RUNS);
        }
    });
});

/** Whether some string test of the condition reads an answer equal to its literal only ignoring case and surrounding whitespace. */
function equalOnlyIgnoringCase(c: Condition, lookup: (f: FieldRef) => unknown): boolean {
    switch (c.type) {
        case 'and': case 'or': return c.operands.some(o => equalOnlyIgnoringCase(o, lookup));
        case 'not': return equalOnlyIgnoringCase(c.operand, lookup);
        case 'answered': return false;
        case 'compare': case 'in': {
            const value = lookup(c.field);
            const answers = (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');
            const literals = (c.type === 'compare' ? [c.value] : c.values).map(literalValue).filter((v): v is string => typeof v === 'string');
            return answers.some(x => literals.some(l => x !== l && x.trim().toLowerCase() === l.trim().toLowerCase()));
        }
    }
}
