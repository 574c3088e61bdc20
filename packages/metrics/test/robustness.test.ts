/**
 * No input crashes the evaluator: arbitrary bytes in a response file give either a result (with
 * every bad value in the exclusions) or a DataFileError that names a line and column.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CxModel } from '@cxspec/model';
import { DataFileError, evaluate } from '../src/index.js';
import { exampleModel, tempDir } from './support/files.js';
import { propertyRuns } from '../../../test/support/property-runs.js';

const tmp = tempDir('cx-fuzz-');
afterAll(() => tmp.remove());
let model: CxModel;
beforeAll(async () => { model = await exampleModel('coffee-mobile-order'); });

const HEADER = 'respondent_id,submitted_at,recommend,pickup,visit_reason,ready_on_arrival\n';
const piece = fc.constantFrom('r1', 'r2', ',', '"', '""', '\n', '\r\n', '9', '10', '-1', '4.5', 'x', 'true', 'commute',
    '2026-01-01T00:00:00Z', '2026-02-30', '', ' ', '日本', '{', '}', '[', ']', ':', '\\');

async function outcome(name: string, content: string | Uint8Array): Promise<'result' | 'file-error'> {
    const file = tmp.write(name, content);
    try {
        const r = await evaluate(model, { responses: [{ survey: 'AfterPickup', file }], datasets: [] });
        expect(r.input.rowsUsed).toBeLessThanOrEqual(r.input.rowsRead);
        return 'result';
    } catch (error) {
        expect(error).toBeInstanceOf(DataFileError);
        expect((error as Error).message).toMatch(new RegExp(`^${file.replace(/[.]/g, '\\.')}:\\d+:\\d+: \\S`));
        return 'file-error';
    }
}

describe('robustness', () => {
    it('survives any CSV text built from hostile pieces', async () => {
        const seen = new Set<string>();
        await fc.assert(fc.asyncProperty(fc.array(piece, { maxLength: 60 }), async parts => {
            seen.add(await outcome('fuzz.csv', HEADER + parts.join('')));
        }), { numRuns: propertyRuns(150), seed: 42 });
        expect([...seen].sort()).toEqual(['file-error', 'result']);
    });

    it('survives arbitrary bytes as CSV, NDJSON and JSON', async () => {
        await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 200 }), fc.constantFrom('csv', 'ndjson', 'json'), async (bytes, ext) => {
            await outcome(`bytes.${ext}`, Uint8Array.from([...Buffer.from(ext === 'csv' ? HEADER : ''), ...bytes]));
        }), { numRuns: propertyRuns(150), seed: 7 });
    });

    it('survives JSON values of every shape in NDJSON records', async () => {
        await fc.assert(fc.asyncProperty(fc.array(fc.dictionary(fc.constantFrom('respondent_id', 'submitted_at', 'recommend', 'pickup', 'visit_reason', 'x'), fc.jsonValue()), { maxLength: 8 }), async records => {
            expect(await outcome('values.ndjson', records.map(r => JSON.stringify(r)).join('\n'))).toBe('result');
        }), { numRuns: propertyRuns(150), seed: 9 });
    });
});
