/**
 * Text answers under `max`, `format` and `pattern` (packages/compiler/test/fixtures/text-answers.cx):
 * an answer the survey would refuse is excluded and explained, like any value the survey cannot
 * give, and the rest is scored.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadWorkspace } from '@cxspec/language';
import type { CxModel } from '@cxspec/model';
import { evaluate } from '../src/index.js';
import { REPO, csv, tempDir } from './support/files.js';

const tmp = tempDir('cx-text-');
afterAll(() => tmp.remove());
let model: CxModel;
beforeAll(async () => {
    const ws = await loadWorkspace([path.join(REPO, 'packages/compiler/test/fixtures/text-answers.cx')], { root: REPO });
    expect(ws.diagnostics).toEqual([]);
    model = ws.model('TextAnswers');
});

describe('text answers with limits in responses', () => {
    it('excludes answers past the length, off the format or the pattern, saying which', async () => {
        const file = tmp.write('contact.csv', csv([
            ['respondent_id', 'submitted_at', 'email', 'booking', 'phone', 'comment'],
            ['a', '2026-11-01T10:00:00Z', 'guest@example.com', 'AB123456', '0312345678', 'Lovely'],
            ['b', '2026-11-01T11:00:00Z', 'guest at example', '', '', ''],
            ['c', '2026-11-02T10:00:00Z', '', 'ab123456', '', ''],
            ['d', '2026-11-02T11:00:00Z', 'x@example.org', '', '03-1234', ''],
            ['e', '2026-11-03T10:00:00Z', '', '', '', '😀'.repeat(281)],
            ['f', '2026-11-03T11:00:00Z', '', '', '', '😀'.repeat(280)]
        ]));
        const r = await evaluate(model, { responses: [{ survey: 'Contact', file }], datasets: [] });
        // In the order the exclusion log lists them.
        expect(r.input.exclusions.map(x => [x.reason, x.column, x.rows, x.message])).toEqual([
            ['wrong_type', 'booking', [3], "booking expects text matching [A-Z]{2}\\d{6}, got 'ab123456'"],
            ['wrong_type', 'email', [2], "email expects an e-mail address, got 'guest at example'"],
            ['wrong_type', 'phone', [4], "phone expects digits only, got '03-1234'"],
            ['out_of_range', 'comment', [5], 'comment is at most 280 characters, got 281']
        ]);
        // Hand-worked: b's e-mail is excluded, leaving 5 responses, of which a and d gave one.
        expect(r.metrics.gave_email.value).toBeCloseTo(100 * 2 / 5, 12);
        expect(r.metrics.gave_email.n).toBe(5);
    });
});
