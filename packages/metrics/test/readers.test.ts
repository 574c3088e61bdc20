import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DataFileError, readRecords, type RawRecord, type TextEncoding } from '../src/index.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cx-readers-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(name: string, content: string | Uint8Array): string {
    const file = path.join(dir, name);
    fs.writeFileSync(file, content);
    return file;
}

async function read(file: string, encoding?: TextEncoding) {
    const records: RawRecord[] = [];
    const info = await readRecords(file, { encoding }, r => records.push({ ...r, values: [...r.values] }));
    return { info, records };
}

async function failure(file: string, encoding?: TextEncoding): Promise<string> {
    try {
        await read(file, encoding);
    } catch (error) {
        expect(error).toBeInstanceOf(DataFileError);
        return (error as DataFileError).message;
    }
    throw new Error('expected a DataFileError');
}

// 通勤 and 日本 in Shift_JIS (CP932).
const SJIS_COMMUTE = [0x92, 0xca, 0x8b, 0xce];
const SJIS_JAPAN = [0x93, 0xfa, 0x96, 0x7b];
const ascii = (s: string) => [...Buffer.from(s, 'ascii')];

describe('reading CSV files', () => {
    it('drops a UTF-8 BOM and reads CRLF records with their rows and lines', async () => {
        const file = write('bom.csv', '\uFEFFrespondent_id,text\r\nr1,"a\r\nb"\r\nr2,日本\r\n');
        const { info, records } = await read(file);
        expect(info).toEqual({ format: 'csv', encoding: 'utf-8', rowsRead: 2 });
        expect(records.map(r => [r.row, r.line, r.columns, r.values])).toEqual([
            [1, 2, ['respondent_id', 'text'], ['r1', 'a\r\nb']],
            [2, 4, ['respondent_id', 'text'], ['r2', '日本']]
        ]);
    });

    it('detects Shift_JIS from bytes that are not UTF-8 but are valid Shift_JIS', async () => {
        const file = write('sjis.csv', Uint8Array.from([...ascii('id,reason\r\nr1,'), ...SJIS_COMMUTE, ...ascii('\r\nr2,'), ...SJIS_JAPAN, ...ascii('\r\n')]));
        const { info, records } = await read(file);
        expect(info.encoding).toBe('shift_jis');
        expect(records.map(r => r.values)).toEqual([['r1', '通勤'], ['r2', '日本']]);
    });

    it('reports Shift_JIS bytes read as UTF-8 at their line and column', async () => {
        const file = write('forced.csv', Uint8Array.from([...ascii('id,reason\nr1,ok\nr2,'), ...SJIS_COMMUTE, ...ascii('\n')]));
        expect(await failure(file, 'utf-8')).toBe(`${file}:3:4: byte 0x92 is not valid UTF-8; save the file as UTF-8 or pass --encoding shift_jis`);
    });

    it('reports bytes that are neither UTF-8 nor Shift_JIS', async () => {
        const file = write('binary.csv', Uint8Array.from([...ascii('id\n'), 0xff, 0xfe, 0x0a]));
        expect(await failure(file)).toBe(`${file}:2:1: byte 0xFF is neither valid UTF-8 nor valid Shift_JIS; save the file as UTF-8 or pass --encoding utf-8`);
    });

    it('finds a bad byte far beyond the first chunk, by line', async () => {
        const lines = ['id,n', ...Array.from({ length: 120_000 }, (_, i) => `r${i},${i % 10}`)];
        const head = Buffer.from(lines.join('\n') + '\nbad,');
        const file = write('late.csv', Buffer.concat([head, Buffer.from([0xc3, 0x28, 0x0a])]));
        expect(head.length).toBeGreaterThan(1 << 20);
        expect(await failure(file)).toBe(`${file}:120002:5: byte 0xC3 is not valid UTF-8; save the file as UTF-8 or pass --encoding shift_jis`);
    });

    it('reports an unterminated quote with file, line and column', async () => {
        const file = write('open.csv', 'id,text\nr1,"fine"\nr2,"open\nr3,x\n');
        expect(await failure(file)).toBe(`${file}:3:4: quoted field is never closed (a \`"\` opens it here)`);
    });

    it('rejects an empty file and a header naming a column twice', async () => {
        expect(await failure(write('empty.csv', ''))).toBe(`${path.join(dir, 'empty.csv')}:1:1: the file is empty; a CSV file starts with a header row`);
        expect(await failure(write('twice.csv', 'id,a,a\n1,2,3\n'))).toBe(`${path.join(dir, 'twice.csv')}:1:1: header names column 'a' twice`);
    });

    it('reports progress up to the file size', async () => {
        const file = write('progress.csv', 'id\n1\n2\n');
        const seen: Array<[number, number]> = [];
        await readRecords(file, { onProgress: (a, b) => seen.push([a, b]) }, () => undefined);
        expect(seen).toEqual([[7, 7]]);
    });
});

describe('reading NDJSON and SurveyJS JSON', () => {
    it('flattens matrix objects to <question>.<item> columns', async () => {
        const file = write('r.ndjson', '{"respondent_id":"a","packaging":{"box":4,"tape":2},"improve":["sizing"]}\r\n\n{"respondent_id":"b"}\n');
        const { info, records } = await read(file);
        expect(info).toEqual({ format: 'ndjson', encoding: 'utf-8', rowsRead: 2 });
        expect(records.map(r => [r.row, r.line, r.columns, r.values])).toEqual([
            [1, 1, ['respondent_id', 'packaging.box', 'packaging.tape', 'improve'], ['a', 4, 2, ['sizing']]],
            [2, 3, ['respondent_id'], ['b']]
        ]);
    });

    it('reports a bad NDJSON line with its line and column', async () => {
        const file = write('bad.ndjson', '{"respondent_id":"a"}\n{"respondent_id":"b",}\n');
        expect(await failure(file)).toMatch(new RegExp(`^${file.replace(/[.]/g, '\\.')}:2:22: invalid JSON: `));
        expect(await failure(write('arr.ndjson', '[1,2]\n'))).toBe(`${path.join(dir, 'arr.ndjson')}:1:1: each line must be one JSON object (a response)`);
    });

    it('reads a JSON array of survey.data objects and locates syntax errors', async () => {
        const ok = write('ok.json', JSON.stringify([{ respondent_id: 'a', recommend: 9 }, { respondent_id: 'b', recommend: 3 }]));
        const { info, records } = await read(ok);
        expect(info).toEqual({ format: 'surveyjs-json', encoding: 'utf-8', rowsRead: 2 });
        expect(records.map(r => r.values)).toEqual([['a', 9], ['b', 3]]);
        const bad = write('bad.json', '[\n  {"respondent_id": "a"},\n  {"respondent_id" "b"}\n]');
        expect(await failure(bad)).toMatch(new RegExp(`^${bad.replace(/[.]/g, '\\.')}:3:20: invalid JSON: `));
        expect(await failure(write('obj.json', '{"a":1}'))).toBe(`${path.join(dir, 'obj.json')}:1:1: expected a JSON array of responses (SurveyJS survey.data objects)`);
    });

    it('refuses a file type it cannot tell', async () => {
        expect(await failure(write('data.txt', 'x'))).toBe(`${path.join(dir, 'data.txt')}:1:1: unknown file type; name it .csv, .ndjson (or .jsonl) or .json`);
    });
});
