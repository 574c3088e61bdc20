/**
 * Answers to Other (please specify), None of these and bounded multichoice questions, as survey-core
 * records them (packages/compiler/test/fixtures/choices.cx): the Other text column is read and not
 * scored, `other` and `none` are options like the rest, and answers a respondent cannot give
 * (None with other options, more options than `select` allows) are excluded and explained.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadWorkspace } from '@cxspec/language';
import type { CxModel } from '@cxspec/model';
import { evaluate } from '../src/index.js';
import { REPO, csv, tempDir } from './support/files.js';

const tmp = tempDir('cx-choices-');
afterAll(() => tmp.remove());
let model: CxModel;
beforeAll(async () => {
    const ws = await loadWorkspace([path.join(REPO, 'packages/compiler/test/fixtures/choices.cx')], { root: REPO });
    expect(ws.diagnostics).toEqual([]);
    model = ws.model('Choices');
});

describe('Other, None and selection bounds in responses', () => {
    it('scores other and none as options, reads the Other text, and excludes impossible answers', async () => {
        const file = tmp.write('stay.csv', csv([
            ['respondent_id', 'submitted_at', 'purpose', 'purpose-Comment', 'amenities', 'amenities-Comment', 'recommend'],
            ['a', '2026-11-01T10:00:00Z', 'other', 'A wedding', 'none', '', 9],
            ['b', '2026-11-01T11:00:00Z', 'business', '', 'spa;other', 'Sauna', 10],
            ['c', '2026-11-02T10:00:00Z', 'leisure', '', 'none;spa', '', 7],
            ['d', '2026-11-02T11:00:00Z', 'family', '', 'pool;gym;spa', '', 8],
            ['e', '2026-11-03T10:00:00Z', 'leisure', '', 'bar', '', 6]
        ]));
        const r = await evaluate(model, { responses: [{ survey: 'Stay', file }], datasets: [] });
        // One entry per reason and column, worded by its first case.
        expect(r.input.exclusions.map(x => [x.reason, x.column, x.count, x.rows, x.message])).toEqual([
            ['out_of_range', 'amenities', 2, [3, 4], "amenities holds 'none' (None of these) with other options in 'none;spa'; a respondent gives it alone"]
        ]);
        // Hand-worked: purpose = other in 1 of the 5 answers; amenities = none in 1 of the 3 valid ones.
        expect(r.metrics.other_purpose.value).toBeCloseTo(20, 12);
        expect(r.metrics.other_purpose.n).toBe(5);
        expect(r.metrics.no_amenity.value).toBeCloseTo(100 / 3, 12);
        expect(r.metrics.no_amenity.n).toBe(3);
    });

    it('says what is wrong with a count outside select', async () => {
        const file = tmp.write('over.csv', csv([
            ['respondent_id', 'submitted_at', 'amenities'],
            ['d', '2026-11-02T11:00:00Z', 'pool;gym;spa']
        ]));
        const r = await evaluate(model, { responses: [{ survey: 'Stay', file }], datasets: [] });
        expect(r.input.exclusions.map(x => [x.reason, x.column, x.rows, x.message])).toEqual([
            ['out_of_range', 'amenities', [1], "amenities holds 3 options in 'pool;gym;spa'; the survey asks for 1 to 2"]
        ]);
    });

    it('reads SurveyJS\'s own JSON: the Other text beside the answer, arrays for multichoice', async () => {
        const file = tmp.write('stay.json', JSON.stringify([
            { respondent_id: 'a', submitted_at: '2026-11-01T10:00:00Z', purpose: 'other', 'purpose-Comment': 'A wedding', amenities: ['none'] },
            { respondent_id: 'b', submitted_at: '2026-11-01T11:00:00Z', purpose: 'business', amenities: ['spa', 'other'], 'amenities-Comment': 'Sauna' }
        ]));
        const r = await evaluate(model, { responses: [{ survey: 'Stay', file }], datasets: [] });
        expect(r.input.exclusions).toEqual([]);
        expect(r.metrics.other_purpose.value).toBeCloseTo(50, 12);
        expect(r.metrics.no_amenity.value).toBeCloseTo(50, 12);
    });
});
