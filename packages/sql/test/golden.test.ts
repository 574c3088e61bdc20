/**
 * The SQL of every example in both dialects, byte for byte as checked in under test/golden/: the
 * generator is deterministic and every change to its output is reviewed. After an intended change,
 * refresh with `UPDATE_GOLDEN=1 npx vitest run packages/sql/test/golden.test.ts` and read the diff.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadWorkspace } from '@cxspec/language';
import { describe, expect, test } from 'vitest';
import { expectGolden } from '../../../test/support/golden.js';
import { DIALECTS, generateMetricsSql } from '../src/index.js';

const GOLDEN_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'golden');
const EXAMPLES = ['b2b-saas', 'coffee-mobile-order', 'd2c-ecommerce', 'life-insurance-sales', 'mobile-carrier-shop'];

describe.each(EXAMPLES)('%s', example => {
    test.each(DIALECTS)('%s SQL matches the golden file and is the same on every run', async dialect => {
        const workspace = await loadWorkspace([path.join('examples', example)]);
        const model = workspace.model(workspace.specNames[0]);
        const sql = generateMetricsSql(model, { dialect });
        expect(generateMetricsSql(structuredClone(model), { dialect })).toBe(sql);
        const file = path.join(GOLDEN_DIR, `${example}.${dialect}.sql`);
        expectGolden(file, sql);
    });
});
