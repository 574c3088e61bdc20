/**
 * Every output file of every example is compared byte for byte with the checked-in golden copy
 * under test/golden/<example>/. After an intended change to the compiler or the examples, refresh
 * them with `UPDATE_GOLDEN=1 npx vitest run packages/compiler/test/golden.test.ts` and review the
 * diff before committing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileSpec } from '@cxspec/compiler';
import { UPDATE_GOLDEN } from '../../../test/support/golden.js';
import { EXAMPLE_NAMES, exampleModel } from './support/examples.js';

const GOLDEN_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'golden');

describe('compiled examples match the golden files', () => {
    for (const name of EXAMPLE_NAMES) {
        it(`${name}: same file names and bytes`, async () => {
            const files = compileSpec(await exampleModel(name));
            const dir = path.join(GOLDEN_DIR, name);
            if (UPDATE_GOLDEN) {
                fs.rmSync(dir, { recursive: true, force: true });
                fs.mkdirSync(dir, { recursive: true });
                for (const f of files) fs.writeFileSync(path.join(dir, f.path), f.content);
            }
            expect(files.map(f => f.path)).toEqual(fs.readdirSync(dir).sort());
            for (const f of files) {
                expect(f.content, `${name}/${f.path}`).toBe(fs.readFileSync(path.join(dir, f.path), 'utf8'));
            }
        });
    }

    it('compiling twice gives the same bytes', async () => {
        const model = await exampleModel(EXAMPLE_NAMES[0]);
        expect(compileSpec(structuredClone(model))).toEqual(compileSpec(model));
    });
});
