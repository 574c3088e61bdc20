/**
 * The emitted JSON Schema (2020-12, checked by ajv) accepts what SurveyJS collects when a compiled
 * survey is completed with generated valid answers, and rejects wrong answers and records.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { Model } from 'survey-core';
import { evaluateCondition, questionKind, type CxModel, type Question, type Survey } from '@cxspec/model';
import { compileSurvey, responseSchema } from '@cxspec/compiler';
import path from 'node:path';
import { loadWorkspace } from '@cxspec/language';
import { EXAMPLE_NAMES, REPO_ROOT, exampleModel } from './support/examples.js';
import { answerArb, otherText, unansweredArb } from './support/answers.js';
import { constructsSurvey } from './support/models.js';
import { propertyRuns } from '../../../test/support/property-runs.js';

const RUNS = propertyRuns(60);

function validator(model: CxModel, survey: Survey): ValidateFunction {
    return new Ajv2020({ strict: true, allErrors: true }).compile(responseSchema(model, survey));
}

/** Record fields that SurveyJS does not collect: the collector adds them. */
function envelope(model: CxModel, survey: Survey): Record<string, string> {
    const key = model.datasets.find(d => d.name === survey.joins)?.key;
    return { respondent_id: 'r-0001', submitted_at: '2026-03-01T09:30:00Z', ...(key ? { [key]: 'C-042' } : {}) };
}

/** Per question: a valid answer, and whether an optional question is left unanswered. */
function planArb(survey: Survey): fc.Arbitrary<Record<string, unknown>> {
    // SurveyJS asks for an answer where `select` needs two or more options, as it does where `required`.
    const asked = (q: Question) => q.required || (q.select?.min ?? 0) > 1;
    return fc.record(Object.fromEntries(survey.questions.map(q => [q.name, asked(q) ? answerArb(q) : fc.oneof(answerArb(q), unansweredArb(q))])));
}

/** Answers a respondent gives going through the survey: only questions shown by then. */
function respond(survey: Survey, plan: Record<string, unknown>): Record<string, unknown> {
    const answers: Record<string, unknown> = {};
    const lookup = (field: { source: string; question?: string }) => field.source === 'question' ? answers[field.question!] : undefined;
    for (const q of survey.questions) {
        const shown = q.visibleWhen === null || evaluateCondition(q.visibleWhen, 'display', lookup);
        if (shown && plan[q.name] !== undefined) Object.assign(answers, { [q.name]: plan[q.name] }, otherText(q, plan[q.name]));
    }
    return answers;
}

/** Completes every survey of `model` RUNS times with generated answers; ajv accepts each record. */
function checkCompletions(model: CxModel): void {
    for (const survey of model.surveys) {
        const validate = validator(model, survey);
        const surveyModel = new Model(compileSurvey(model, survey));
        fc.assert(fc.property(planArb(survey), plan => {
            surveyModel.clear(true, true);
            surveyModel.data = respond(survey, plan);
            expect(surveyModel.completeLastPage(), `${survey.name} completes`).toBe(true);
            expect(surveyModel.state).toBe('completed');
            const record = { ...envelope(model, survey), ...surveyModel.data };
            expect(validate(record) ? [] : validate.errors).toEqual([]);
        }), { numRuns: RUNS, seed: 20260302 });
    }
}

describe('completed surveys validate against the response schema', () => {
    for (const name of EXAMPLE_NAMES) {
        it(`${name}: ${RUNS} completed surveys per survey are accepted`, async () => {
            checkCompletions(await exampleModel(name));
        });
    }
    it(`one question of every kind and every logic construct: ${RUNS} completed surveys are accepted`, () => {
        checkCompletions(constructsSurvey());
    });
    it(`dropdown, random order, Other, None and select (fixtures/choices.cx): ${RUNS} completed surveys are accepted`, async () => {
        const workspace = await loadWorkspace([path.join(REPO_ROOT, 'packages/compiler/test/fixtures/choices.cx')], { root: REPO_ROOT });
        checkCompletions(workspace.model('Choices'));
    });
});

/** Wrong answers for a question of each kind, each with the reason it is wrong. */
function invalidAnswers(q: Question): Array<[string, unknown]> {
    const ids = q.options.map(o => o.id);
    switch (questionKind(q.kind).answer) {
        case 'scale':
            return [['above the scale', q.scale!.max + 1], ['below the scale', q.scale!.min - 1], ['not an integer', q.scale!.min + 0.5], ['a string', String(q.scale!.min)]];
        case 'number': {
            const n = q.number!;
            return [
                ...(n.max !== null ? [['above the range', n.max + 1] as [string, unknown]] : []),
                ...(n.min !== null ? [['below the range', n.min - 1] as [string, unknown]] : []),
                ...(n.integer ? [['not an integer', (n.min ?? 0) + 0.5] as [string, unknown]] : []),
                ['a string', '5']
            ];
        }
        case 'option':
            return [['unknown option', 'no_such_option'], ['an array', [ids[0]]], ['a number', 1]];
        case 'options':
            return [['unknown option', [ids[0], 'no_such_option']], ['repeated option', [ids[0], ids[0]]], ['a string', ids[0]]];
        case 'order':
            return [['missing an option', ids.slice(1)], ['unknown option', [...ids.slice(1), 'no_such_option']], ['repeated option', [ids[0], ...ids.slice(0, -1)]]];
        case 'boolean':
            return [['a string', 'true'], ['a number', 1]];
        case 'text':
            return [['a number', 5], ['an array', ['text']]];
        case 'items': {
            const item = q.items[0].id;
            return [['unknown item', { no_such_item: q.scale!.min }], ['above the scale', { [item]: q.scale!.max + 1 }], ['a string value', { [item]: '3' }], ['not an object', [q.scale!.min]]];
        }
    }
}

/** Every wrong answer to every question, and every broken record envelope, is rejected. */
function checkRejections(model: CxModel): void {
    for (const survey of model.surveys) {
        const validate = validator(model, survey);
        const base = envelope(model, survey);
        expect(validate(base)).toBe(true);
        for (const q of survey.questions) {
            for (const [reason, value] of invalidAnswers(q)) {
                expect(validate({ ...base, [q.name]: value }), `${survey.name}.${q.name}: ${reason}`).toBe(false);
                expect(validate.errors!.every(e => e.instancePath.startsWith(`/${q.name}`)), `${q.name}: ${reason}`).toBe(true);
            }
        }
        const rejected = (record: Record<string, unknown>) => !validate(record);
        expect(rejected({ ...base, no_such_question: 1 })).toBe(true);
        expect(rejected({ ...base, respondent_id: '' })).toBe(true);
        expect(rejected({ ...base, submitted_at: '01/03/2026' })).toBe(true);
        for (const field of Object.keys(base)) {
            const { [field]: _omitted, ...rest } = base;
            expect(rejected(rest), `missing ${field}`).toBe(true);
        }
    }
}

describe('the response schema rejects invalid records', () => {
    for (const name of EXAMPLE_NAMES) {
        it(`${name}: wrong type, out of range and unknown options are rejected at the question`, async () => {
            checkRejections(await exampleModel(name));
        });
    }
    it('one question of every kind: wrong answers are rejected, a partly answered required matrix too', () => {
        const model = constructsSurvey();
        checkRejections(model);
        const validate = validator(model, model.surveys[0]);
        const base = envelope(model, model.surveys[0]);
        expect([validate({ ...base, x: { i: 1, j: 3 } }), validate({ ...base, x: { i: 1 } }), validate({ ...base, x: { i: 4, j: 1 } })]).toEqual([true, false, false]);
        // SurveyJS agrees: a required matrix does not validate with an item left out.
        const surveyJs = (x: Record<string, number>) => {
            const survey = new Model(compileSurvey(model, model.surveys[0]));
            survey.data = { x };
            return survey.validate(false, false);
        };
        expect([surveyJs({ i: 1, j: 3 }), surveyJs({ i: 1 })]).toEqual([true, false]);
    });
});
