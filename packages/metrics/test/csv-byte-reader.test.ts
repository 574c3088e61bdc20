/**
 * The byte CSV reader against the text reader it stands in for: for any file and any cut of it
 * into chunks, the same header, records (row, line, fields), row count and errors; and scoring
 * through the byte row checker gives the same result, exclusions and messages as the text one.
 */
import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CxModel } from '@cxspec/model';
import { readCsv } from '../src/input/csv-byte-reader.js';
import { readRecords } from '../src/input/read-records.js';
import { openDataFile } from '../src/input/data-file.js';
import { DataFileError, evaluate, type EvaluationResult } from '../src/index.js';
import { ADDED, HASHED, IdSet, SEEN, hashIdBytes, hashIdText } from '../src/check/id-set.js';
import { REPO, exampleModel, tempDir } from './support/files.js';
import { propertyRuns } from '../../../test/support/property-runs.js';

const tmp = tempDir('cx-bytes-');
afterAll(() => tmp.remove());

interface Read {
    header: string[] | null;
    records: Array<{ row: number; line: number; values: string[]; count: number }>;
    rows: number;
}

async function viaBytes(file: string, chunk: number): Promise<Read | string> {
    const out: Read = { header: null, records: [], rows: 0 };
    try {
        const info = await readCsv(openDataFile(file), {}, {
            header: columns => { out.header = columns; },
            batch: b => {
                for (let r = 0; r < b.size; r++) {
                    // Past the header's width only the count is kept.
                    const values = Array.from({ length: Math.min(b.counts[r], b.width) }, (_, f) => b.bytes.toString('utf8', b.starts[r * b.width + f], b.ends[r * b.width + f]));
                    out.records.push({ row: b.rows[r], line: b.lines[r], values, count: b.counts[r] });
                }
            },
            record: r => out.records.push({ row: r.row, line: r.line, values: (r.values as string[]).slice(0, r.columns.length), count: r.values.length })
        }, chunk);
        out.rows = info.rowsRead;
        return out;
    } catch (error) {
        if (error instanceof DataFileError) return error.message;
        throw error;
    }
}

async function viaText(file: string): Promise<Read | string> {
    const out: Read = { header: null, records: [], rows: 0 };
    try {
        const info = await readRecords(openDataFile(file), {}, r => {
            out.header = r.columns;
            out.records.push({ row: r.row, line: r.line, values: (r.values as string[]).slice(0, r.columns.length), count: r.values.length });
        });
        out.rows = info.rowsRead;
        return out;
    } catch (error) {
        if (error instanceof DataFileError) return error.message;
        throw error;
    }
}

/** What the text reader gives, with the header it names (it reports a header only with a record). */
function sameRead(bytes: Read | string, text: Read | string): void {
    if (typeof text === 'string' || typeof bytes === 'string') {
        expect(bytes).toEqual(text);
        return;
    }
    expect(bytes.records).toEqual(text.records);
    expect(bytes.rows).toBe(text.rows);
    if (text.header) expect(bytes.header).toEqual(text.header);
}

// Pieces that cut records in every way the two readers must agree on: quotes that open, close,
// double or stray, CR alone and before LF, blank lines, multi-byte characters, empty fields.
const piece = fc.constantFrom('r1', 'r2', ',', ',', ',', '"', '""', '"a,b"', '"x\ny"', '\n', '\n', '\r\n', '\r', '9', '10', ' 7 ',
    '', ' ', '日本', 'é', '2026-01-01T00:00:00Z', 'x');

describe('byte CSV reader', () => {
    it('reads every file exactly as the text reader, however it is cut into chunks', async () => {
        await fc.assert(fc.asyncProperty(fc.array(piece, { maxLength: 50 }), fc.constantFrom(3, 5, 8, 16, 64, 1 << 16), fc.boolean(),
            async (parts, chunk, bom) => {
                const file = tmp.write('any.csv', (bom ? '\uFEFF' : '') + 'id,a,b\n' + parts.join(''));
                sameRead(await viaBytes(file, chunk), await viaText(file));
            }), { numRuns: propertyRuns(400), seed: 11 });
    }, 30_000);

    it('cuts plain and simply quoted records as bytes and hands the rest to the text parser', async () => {
        const file = tmp.write('mixed.csv', 'id,text,n\r\n1,plain,2\r\n2,"a, b",3\r\n3,"say ""hi""",4\r\n4,"two\nlines",5\r\n\r\n5,,6\r\n6,"",7');
        const kinds: string[] = [];
        await readCsv(openDataFile(file), {}, {
            header: () => {},
            batch: b => { for (let r = 0; r < b.size; r++) kinds.push(`${b.rows[r]}@${b.lines[r]}:bytes`); },
            record: r => kinds.push(`${r.row}@${r.line}:text`)
        });
        expect(kinds).toEqual(['1@2:bytes', '2@3:bytes', '3@4:text', '4@5:text', '5@8:bytes', '6@9:text']);
        sameRead(await viaBytes(file, 4), await viaText(file));
    });

    it('reports syntax errors and undecodable bytes at the text reader\'s line and column', async () => {
        const cases = ['id,a\n1,"open\n2,x\n', 'id,a\n1,a"b\n', 'id,a\n1,"a"b\n', 'id,a\n1,2\nr,"x"日本\n'];
        for (const text of cases) {
            const file = tmp.write('bad.csv', text);
            const expected = await viaText(file);
            expect(typeof expected).toBe('string');
            for (const chunk of [2, 3, 7, 1 << 16]) expect(await viaBytes(file, chunk)).toEqual(expected);
        }
        // Past the 8 KiB the encoding is told from, so the file is taken for UTF-8.
        const valid = 'id,a\n' + Array.from({ length: 2000 }, (_, i) => `r${i},ok\n`).join('');
        const invalid = tmp.write('invalid.csv', Buffer.concat([Buffer.from(valid + 'r,'), Buffer.from([0xe6, 0x97]), Buffer.from('x\n')]));
        expect(await viaBytes(invalid, 4)).toBe(`${invalid}:2002:3: byte 0xE6 is not valid UTF-8; save the file as UTF-8 or pass --encoding shift_jis`);
        expect(await viaBytes(invalid, 4)).toEqual(await viaText(invalid));
        const empty = tmp.write('empty.csv', '\n\n');
        expect(await viaBytes(empty, 4)).toBe(`${empty}:1:1: the file is empty; a CSV file starts with a header row`);
    });

    it('reads a Shift_JIS file as text', async () => {
        const sjis = new Uint8Array([...Buffer.from('id,name\nr1,'), 0x93, 0xfa, 0x96, 0x7b, 0x0a]);
        const file = tmp.write('sjis.csv', sjis);
        const read = await viaBytes(file, 1 << 16);
        expect(read).toEqual({ header: ['id', 'name'], records: [{ row: 1, line: 2, values: ['r1', '日本'], count: 2 }], rows: 1 });
    });

    it('hashes an id given as bytes as its text, and adds a batch of hashes in order', () => {
        fc.assert(fc.property(fc.array(fc.stringMatching(/^[!-~]{1,12}$/), { maxLength: 40 }), ids => {
            const lo = new Uint32Array(ids.length), hi = new Uint32Array(ids.length);
            const state = new Uint8Array(ids.length);
            const textLo = new Uint32Array(1), textHi = new Uint32Array(1);
            ids.forEach((id, i) => {
                const bytes = Buffer.from(`,${id},`);
                expect(hashIdBytes(bytes, 1, bytes.length - 1, lo, hi, i)).toBe(true);
                hashIdText(id, textLo, textHi, 0);
                expect([lo[i], hi[i]]).toEqual([textLo[0], textHi[0]]);
                state[i] = HASHED;
            });
            const set = new IdSet(1 << 4);
            set.addHashes(lo, hi, state, ids.length);
            expect([...state]).toEqual(ids.map((id, i) => (ids.indexOf(id) === i ? ADDED : SEEN)));
            expect(ids.every(id => !set.add(id))).toBe(true);
        }), { numRuns: propertyRuns(300) });
        const lo = new Uint32Array(1), hi = new Uint32Array(1);
        for (const text of ['a b', '日本', '', ' a']) expect(hashIdBytes(Buffer.from(text), 0, Buffer.byteLength(text), lo, hi, 0)).toBe(false);
    });
});

describe('scoring through the byte row checker', () => {
    let model: CxModel;
    beforeAll(async () => { model = await exampleModel('coffee-mobile-order'); });

    /** The ASCII file read as UTF-8 (bytes) and as Shift_JIS (text: ASCII decodes alike in both). */
    async function bothWays(content: string): Promise<[EvaluationResult | string, EvaluationResult | string]> {
        const file = tmp.write('score.csv', content);
        const run = async (encoding: 'utf-8' | 'shift_jis') => {
            try {
                const result = await evaluate(model, { responses: [{ survey: 'AfterPickup', file }], datasets: [], encoding, parallel: false });
                for (const f of result.input.files) f.encoding = 'utf-8';
                return result;
            } catch (error) {
                if (error instanceof DataFileError) return error.message;
                throw error;
            }
        };
        return [await run('utf-8'), await run('shift_jis')];
    }

    it('gives the text checker\'s result on the example responses', async () => {
        // Its Japanese comments made ASCII, which Shift_JIS decodes as UTF-8 does.
        const text = fs.readFileSync(path.join(REPO, 'examples/coffee-mobile-order/responses/AfterPickup.csv'), 'utf8').replace(/[^\x00-\x7f]/g, '?');
        const [bytes, asText] = await bothWays(text);
        expect(bytes).toEqual(asText);
        expect(typeof bytes === 'string' ? 0 : bytes.input.rowsUsed).toBeGreaterThan(100);
    });

    it('gives the text checker\'s result, exclusions and messages for any cells', async () => {
        const header = 'respondent_id,submitted_at,recommend,reason,menu_ease,payment,ready_notice,ready_on_arrival,pickup,drink,rewards,visit_reason,extra\n';
        const cell = fc.constantFrom('', ' ', '0', '7', '9', '10', '11', '-1', '07', '4.5', 'x', 'true', 'false', 'TRUE', 'commute', 'work_break',
            ' commute', '"commute"', 'r1', 'r2', ' r3', '"r4"', '2026-01-01T00:00:00Z', '2026-02-30T00:00:00Z', '2026-01-01', '"a,b"');
        const row = fc.array(cell, { minLength: 12, maxLength: 14 }).map(cells => cells.join(','));
        await fc.assert(fc.asyncProperty(fc.array(row, { maxLength: 30 }), async rows => {
            const [bytes, asText] = await bothWays(header + rows.join('\n') + '\n');
            expect(bytes).toEqual(asText);
        }), { numRuns: propertyRuns(150), seed: 5 });
    }, 60_000);
});
