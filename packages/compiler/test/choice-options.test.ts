/**
 * How options are offered: a drop-down choice, a random order, SurveyJS's own Other (please
 * specify) and None of these items, and bounds on how many options are picked. Checked in
 * survey-core (what a respondent sees and what it records) and against the response schema, which
 * must accept what survey-core records and reject what a respondent cannot give.
 */
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { Model, type QuestionCheckboxModel, type QuestionSelectBase } from 'survey-core';
import { loadWorkspace } from '@cxspec/language';
import { compileSurvey, responseSchema } from '@cxspec/compiler';
import { REPO_ROOT } from './support/examples.js';

const FIXTURE = path.join(REPO_ROOT, 'packages/compiler/test/fixtures/choices.cx');

async function compiled() {
    const workspace = await loadWorkspace([FIXTURE], { root: REPO_ROOT });
    expect(workspace.diagnostics).toEqual([]);
    const model = workspace.model('Choices');
    const survey = model.surveys[0];
    return { json: compileSurvey(model, survey), schema: responseSchema(model, survey) };
}

function loaded(json: object): Model {
    const survey = new Model(json);
    expect(survey.jsonErrors).toBeNull();
    expect(survey.validateExpressions()).toEqual([]);
    return survey;
}

const record = (answers: Record<string, unknown>) => ({ respondent_id: 'r1', submitted_at: '2026-11-02T10:00:00Z', ...answers });

describe('options offered as a designer declares them', () => {
    it('compiles to SurveyJS\'s dropdown, random order, Other and None items and selection bounds', async () => {
        const { json } = await compiled();
        const [purpose, amenities] = (json.pages as Array<{ elements: Array<Record<string, unknown>> }>)[0].elements;
        expect(purpose).toMatchObject({
            type: 'dropdown', choicesOrder: 'random', showOtherItem: true,
            otherText: { default: 'Other (please specify)', ja: 'その他(具体的に)' }
        });
        expect((purpose.choices as Array<{ value: string }>).map(c => c.value)).toEqual(['business', 'leisure', 'family']);
        expect(amenities).toMatchObject({
            type: 'checkbox', choicesOrder: 'random', maxSelectedChoices: 2,
            showNoneItem: true, noneText: { default: 'None of these', ja: 'いずれも利用していない' },
            showOtherItem: true, otherText: { default: 'Something else', ja: 'その他' }
        });
    });

    it('a random order shuffles the plain options only: None and Other stay last for every respondent', async () => {
        const { json } = await compiled();
        const orders = new Set<string>();
        for (let respondent = 0; respondent < 40; respondent++) {
            const amenities = loaded(json).getQuestionByName('amenities') as QuestionSelectBase;
            const shown = amenities.visibleChoices.map(c => String(c.value));
            expect(shown.slice(-2)).toEqual(['none', 'other']);
            expect([...shown.slice(0, 4)].sort()).toEqual(['bar', 'gym', 'pool', 'spa']);
            orders.add(shown.join(','));
        }
        // 40 respondents over 24 orders: all in one order has probability 24^-39.
        expect(orders.size).toBeGreaterThan(1);
    });

    it('records Other as \'other\' with its text under <question>-Comment, which the response schema accepts', async () => {
        const { json, schema } = await compiled();
        const survey = loaded(json);
        const purpose = survey.getQuestionByName('purpose') as QuestionSelectBase;
        purpose.value = 'other';
        purpose.comment = 'A wedding';
        survey.getQuestionByName('amenities').value = ['spa', 'other'];
        survey.setComment('amenities', 'Sauna');
        expect(survey.data).toEqual({ purpose: 'other', 'purpose-Comment': 'A wedding', amenities: ['spa', 'other'], 'amenities-Comment': 'Sauna' });
        const validate = new Ajv2020({ strict: false }).compile(schema);
        expect(validate(record(survey.data)), JSON.stringify(validate.errors)).toBe(true);
    });

    it('None of these clears the other options and is cleared by them, and the schema rejects it with others', async () => {
        const { json, schema } = await compiled();
        const survey = loaded(json);
        const amenities = survey.getQuestionByName('amenities') as QuestionCheckboxModel;
        const item = (value: string) => amenities.visibleChoices.find(c => c.value === value)!;
        amenities.clickItemHandler(item('pool'), true);
        amenities.clickItemHandler(item('none'), true);
        expect([...amenities.value]).toEqual(['none']);
        amenities.clickItemHandler(item('gym'), true);
        expect([...amenities.value]).toEqual(['gym']);
        const validate = new Ajv2020({ strict: false }).compile(schema);
        expect(validate(record({ amenities: ['none'] }))).toBe(true);
        expect(validate(record({ amenities: ['none', 'gym'] }))).toBe(false);
        expect(validate(record({ purpose: 'other' }))).toBe(true);
        expect(validate(record({ purpose: 'none' }))).toBe(false);
    });

    it('a random page or group shuffles its questions, and its elements stay the declared ones', async () => {
        const { json } = await compiled();
        const ratings = (json.pages as Array<Record<string, unknown>>)[1];
        expect(ratings).toMatchObject({ name: 'ratings', questionOrder: 'random' });
        const service = (ratings.elements as Array<Record<string, unknown>>).find(e => e.name === 'service')!;
        expect(service).toMatchObject({ type: 'panel', questionOrder: 'random' });
        // The order a respondent sees is the rows survey-core lays out when the page is first drawn.
        const shownOrder = (container: { onFirstRendering(): void; rows: Array<{ elements: Array<{ name: string }> }> }) => {
            container.onFirstRendering();
            return container.rows.flatMap(row => row.elements.map(e => e.name));
        };
        const pageOrders = new Set<string>(), groupOrders = new Set<string>();
        for (let respondent = 0; respondent < 40; respondent++) {
            const survey = loaded(json);
            const page = shownOrder(survey.getPageByName('ratings') as never);
            const group = shownOrder(survey.getPanelByName('service') as never);
            expect([...page].sort()).toEqual(['recommend', 'room', 'service']);
            expect([...group].sort()).toEqual(['desk', 'housekeeping']);
            pageOrders.add(page.join(','));
            groupOrders.add(group.join(','));
        }
        // 40 respondents, 6 and 2 orders: a single order throughout has probability 6^-39 and 2^-39.
        expect(pageOrders.size).toBeGreaterThan(1);
        expect(groupOrders.size).toBe(2);
    });

    it('select 1..2: survey-core refuses a third option, and the schema rejects three', async () => {
        const { json, schema } = await compiled();
        const survey = loaded(json);
        const amenities = survey.getQuestionByName('amenities') as QuestionCheckboxModel;
        amenities.value = ['pool', 'gym'];
        expect(amenities.isItemSelected(amenities.visibleChoices.find(c => c.value === 'spa')!)).toBe(false);
        expect(amenities.visibleChoices.find(c => c.value === 'spa')!.isEnabled).toBe(false);
        const validate = new Ajv2020({ strict: false }).compile(schema);
        expect(validate(record({ amenities: ['pool', 'gym'] }))).toBe(true);
        expect(validate(record({ amenities: ['pool', 'gym', 'spa'] }))).toBe(false);
        // [] is how SurveyJS records an unanswered multichoice (docs/response-format.md).
        expect(validate(record({ amenities: [] }))).toBe(true);
        // Two or more: SurveyJS asks for them; the schema takes [] (unanswered) or 2 to 3 options.
        const highlights = survey.getQuestionByName('highlights') as QuestionCheckboxModel;
        expect(highlights.minSelectedChoices).toBe(2);
        highlights.value = ['view'];
        expect(highlights.hasErrors(false)).toBe(true);
        expect(validate(record({ highlights: ['view'] }))).toBe(false);
        expect(validate(record({ highlights: ['view', 'staff'] }))).toBe(true);
        expect(validate(record({ highlights: [] }))).toBe(true);
        // A lower bound of 1 is every answer's: the optional question may still be left unanswered.
        expect(amenities.minSelectedChoices).toBe(0);
        amenities.clearValue();
        expect(amenities.hasErrors(false)).toBe(false);
    });
});
