/**
 * `score --engine duckdb` on files with bad values: a value the row checks reject cannot be judged
 * (the row leaves the segments and rates that read it), which differs from an unanswered one; the
 * engine keeps that distinction (loaded as NULL with a flag, which the SQL reads as "cannot judge"),
 * so its result still equals the native evaluator's; without the flags enterprise_at_risk differs.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadWorkspace } from '@cxspec/language';
import { evaluate } from '@cxspec/metrics';
import { expect, test } from 'vitest';
import { evaluateWithDuckDb } from '../src/index.js';
import { firstDifference } from './support/compare.js';
import { generateSpecData } from './support/spec-data.js';
import { writeCsvFiles } from './support/write-files.js';

test('bad values in condition fields and joined columns are judged as the native evaluator judges them', async () => {
    const workspace = await loadWorkspace(['examples/b2b-saas']);
    const model = workspace.model('B2bSaas');
    const data = generateSpecData(model, 5, { responses: 400, customers: 250 });
    data.surveys.OnboardingSurvey.forEach((row, i) => {
        if (i % 7 === 0) row.role = 'bogus';
        if (i % 11 === 0) row.recommend = 11;
    });
    data.surveys.RelationshipSurvey.forEach((row, i) => { if (i % 5 === 0) row.renewal_intent = 'maybe'; });
    data.datasets.Customers.forEach((row, i) => {
        if (i % 6 === 0) row.plan = 'platinum';
        if (i % 9 === 0) row.mrr = 'lots';
        if (i % 13 === 0) row.signed_up = '2025-02-30';
    });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cxspec-sql-dirty-'));
    try {
        const files = writeCsvFiles(model, data, dir);
        const native = await evaluate(model, files);
        const excluded = native.input.exclusions.map(x => `${path.basename(x.file)} ${x.reason} ${x.column}`).sort();
        expect(excluded).toEqual([
            'Customers.csv unknown_value plan', 'Customers.csv wrong_type mrr', 'Customers.csv wrong_type signed_up',
            'OnboardingSurvey.csv missing_key customer_id', 'OnboardingSurvey.csv out_of_range recommend',
            'OnboardingSurvey.csv unknown_key customer_id', 'OnboardingSurvey.csv unknown_value role',
            'RelationshipSurvey.csv missing_key customer_id', 'RelationshipSurvey.csv unknown_key customer_id',
            'RelationshipSurvey.csv unknown_value renewal_intent', 'RenewalSurvey.csv missing_key customer_id',
            'RenewalSurvey.csv unknown_key customer_id'
        ]);
        const engine = await evaluateWithDuckDb(model, files);
        expect(firstDifference(engine, native)).toBeNull();
    } finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
});
