/**
 * Every question kind read from CSV and from SurveyJS JSON (examples/d2c-ecommerce): matrix items
 * as `<question>.<item>` columns or objects, multichoice as `a;b` or arrays, booleans, text,
 * bottom-box shares, and the exclusions each kind can raise.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CxModel } from '@cxspec/model';
import { evaluate } from '../src/index.js';
import { csv, exampleModel, tempDir } from './support/files.js';

const tmp = tempDir('cx-kinds-');
afterAll(() => tmp.remove());
let model: CxModel;
let returns: string;
beforeAll(async () => {
    model = await exampleModel('d2c-ecommerce');
    returns = tmp.write('returns.csv', 'respondent_id,submitted_at\n');
});

const run = (delivery: string) => evaluate(model, {
    responses: [{ survey: 'PostDelivery', file: delivery }, { survey: 'PostReturn', file: returns }], datasets: []
});

describe('question kinds', () => {
    it('reads matrix items, multichoice, text and bottom-box from CSV, excluding bad values', async () => {
        const file = tmp.write('d.csv', csv([
            ['respondent_id', 'submitted_at', 'recommend', 'ad_match', 'packaging.box_size', 'packaging.eco', 'improve', 'reason', 'packaging.colour'],
            ['a', '2025-07-01T10:00:00Z', 10, 1, 5, 4, 'sizing;price', '"Too big, ""huge"" box"', ''],
            ['b', '2025-07-02T10:00:00Z', 3, 2, 6, 'x', 'sizing;cheaper', '', ''],
            ['c', '2025-07-03T10:00:00Z', 8, 5, '', '', '', '', 'red']
        ]));
        const r = await run(file);
        expect(r.metrics.ad_mismatch.value).toBeCloseTo(200 / 3, 12);
        expect(r.metrics.ad_mismatch.formula).toBe('bottom-2-box share of PostDelivery.ad_match: answers 1-2 on 1-5, in percent');
        expect(r.input.exclusions.map(x => [x.reason, x.column, x.rows, x.message])).toEqual([
            ['unknown_column', 'packaging.colour', [3], "column 'packaging.colour' is not a question of survey PostDelivery; map it with --map or list it under \"ignore\""],
            ['wrong_type', 'packaging.eco', [2], "packaging.eco expects a whole number from 1 to 5, got 'x'"],
            ['out_of_range', 'packaging.box_size', [2], "packaging.box_size is on a 1-5 scale, got '6'"],
            ['unknown_value', 'improve', [2], "improve has no option 'cheaper' (options: sizing, price, shipping_fee, speed, packaging_waste, returns_policy)"]
        ]);
    });

    it('reads the same answers from SurveyJS objects and arrays', async () => {
        const file = tmp.write('d.json', JSON.stringify([
            { respondent_id: 'a', submitted_at: '2025-07-01T10:00:00Z', recommend: 10, ad_match: 1, packaging: { box_size: 5, eco: 4 }, improve: ['sizing', 'price'], reason: 'Too big, "huge" box' },
            { respondent_id: 'b', submitted_at: '2025-07-02T10:00:00Z', recommend: 3, ad_match: 2, packaging: { box_size: 6, eco: 'x' }, improve: ['sizing', 'cheaper'] },
            { respondent_id: 'c', submitted_at: '2025-07-03T10:00:00Z', recommend: 8, ad_match: 5, packaging: { colour: 'red' }, improve: 5 }
        ]));
        const r = await run(file);
        expect(r.metrics.ad_mismatch.value).toBeCloseTo(200 / 3, 12);
        expect(r.input.exclusions.map(x => [x.reason, x.column, x.rows])).toEqual([
            ['unknown_column', 'packaging.colour', [3]],
            ['wrong_type', 'improve', [3]],
            ['wrong_type', 'packaging.eco', [2]],
            ['out_of_range', 'packaging.box_size', [2]],
            ['unknown_value', 'improve', [2]]
        ]);
    });

    it('reads booleans and checks them', async () => {
        const ret = tmp.write('r.csv', csv([
            ['respondent_id', 'submitted_at', 'return_reason', 'used_chat', 'contact_ok', 'return_request'],
            ['a', '2025-07-01T10:00:00Z', 'damaged', 'TRUE', 'false', 7],
            ['b', '2025-07-01T10:00:00Z', 'size_fit', 'yes', '', 2]
        ]));
        const r = await evaluate(model, {
            responses: [{ survey: 'PostDelivery', file: tmp.write('empty.csv', 'respondent_id,submitted_at\n') }, { survey: 'PostReturn', file: ret }], datasets: []
        });
        expect(r.metrics.return_ease.value).toBe(4.5);
        expect(r.input.exclusions.map(x => [x.reason, x.column, x.message])).toEqual([['wrong_type', 'used_chat', "used_chat expects true or false, got 'yes'"]]);
    });
});
