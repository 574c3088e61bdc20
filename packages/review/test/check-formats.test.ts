/** `check --format text|json`: every diagnostic, the counts, stable output. */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadWorkspace } from '@cxspec/language';
import { checkReport, formatCheckJson, formatCheckSummary, formatCheckText, type CheckReport } from '@cxspec/review';
import { FIXTURES } from './support.js';

let report: CheckReport;

beforeAll(async () => {
    report = checkReport(await loadWorkspace([path.join(FIXTURES, 'check'), path.join(FIXTURES, 'diff/v2-metrics')], { root: FIXTURES }), FIXTURES);
});

describe('check text and JSON formats', () => {
    it('prints the validate lines and a summary with every severity that occurs', () => {
        expect(formatCheckText(report).split('\n').map(l => l.split(' ').slice(0, 3).join(' '))).toEqual([
            'check/broken.cx:6:8 warning CX102',
            'check/broken.cx:8:17 error CX001',
            'check/broken.cx:9:12 error CX101',
            'check/broken.cx:10:43 error CX402',
            'check/broken.cx:16:31 error CX001',
            'diff/v2-metrics/spec.cx:52:16 warning CX202'
        ]);
        expect(formatCheckSummary(report)).toBe('2 file(s), 2 spec(s): 4 error(s), 2 warning(s)');
    });

    it('writes JSON with files, specs, counts and each diagnostic with its rule name', () => {
        const json = JSON.parse(formatCheckJson(report));
        expect(json.files).toEqual(['check/broken.cx', 'diff/v2-metrics/spec.cx']);
        expect(json.specs).toEqual(['Broken', 'CoffeeReview']);
        expect(json.summary).toEqual({ errors: 4, warnings: 2, infos: 0, hints: 0 });
        expect(json.diagnostics[5]).toEqual({
            file: 'diff/v2-metrics/spec.cx', line: 52, column: 16, endLine: 52, endColumn: 27, severity: 'warning', code: 'CX202', rule: 'coverage-gap',
            message: "No question measures touchpoint 'PickupShelf' (coverage gap); add a question with `about PickupShelf` to a survey, or mark it `not measured \"why\"` when that is deliberate."
        });
    });
});
