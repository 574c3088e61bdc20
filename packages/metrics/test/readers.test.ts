import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { DataFileError, type RawRecord, type TextEncoding } from '../src/index.js';
import { openDataFile } from '../src/input/data-file.js';
import { readRecords } from '../src/input/read-records.js';
import { JsonArrayScanner, JsonArraySyntaxError } from '../src/input/json-array-stream.js';
import { propertyRuns } from '../../../test/support/property-runs.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cx-readers-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(name: string, content: string | Uint8Array): string {
    const file = path.join(dir, name);
    fs.writeFileSync(file, content);
    return file;
}

async function read(file: string, encoding?: TextEncoding) {
    const records: RawRecord[] = [];
    const info = await readRecords(openDataFile(file, encoding), {}, r => records.push({ ...r, values: [...r.values] }));
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
        await readRecords(openDataFile(file), { onProgress: (a, b) => seen.push([a, b]) }, () => undefined);
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

/** `text` cut at the given offsets (in any order, repeats allowed). */
function cut(text: string, at: number[]): string[] {
    const points = [...new Set([0, ...at.map(a => a % (text.length + 1)), text.length])].sort((a, b) => a - b);
    return points.slice(1).map((p, i) => text.slice(points[i], p));
}

const every = (text: string, size: number) => cut(text, Array.from({ length: Math.ceil(text.length / size) }, (_, i) => i * size));

/** Elements (with index, line and column) streamed from the chunks, or the error as `line:column: message`. */
function scan(chunks: string[]): { values: unknown[]; at: string[] } | string {
    const values: unknown[] = [], at: string[] = [];
    const scanner = new JsonArrayScanner((value, index, line, column) => { values.push(value); at.push(`${index}@${line}:${column}`); });
    try {
        for (const chunk of chunks) scanner.push(chunk);
        expect(scanner.end()).toBe(values.length);
    } catch (error) {
        if (!(error instanceof JsonArraySyntaxError)) throw error;
        return `${error.line}:${error.column}: ${error.notArray ? 'not an array: ' : ''}${error.message}`;
    }
    return { values, at };
}

// Brackets, braces and escaped quotes and backslashes inside strings, unicode escapes (one of a
// bracket, a surrogate pair), a literal astral character, nested objects and arrays, CRLF and tabs.
const TRICKY = '[\r\n  {"respondent_id": "a", "text": "] } [ { \\"quoted\\" back\\\\slash\\\\", "u": "\\u00e9\\u005D\\ud83d\\ude00 😀 日本",\r\n'
    + '   "packaging": {"box": 4, "tape": {"deep": [1, {"x": "}"}]}}, "improve": ["a,b", []], "n": -1.5e3, "t": true, "f": false, "z": null},\n'
    + '\t{}, {"": "\\\\"} ,{"k":"\\""}\n]\n';

describe('streaming a JSON array', () => {
    it('gives JSON.parse\'s values for chunks of 1, 2, 3 and 7 characters and for a cut at every position', () => {
        const expected = JSON.parse(TRICKY);
        const whole = scan([TRICKY]);
        expect(whole).toEqual({ values: expected, at: ['1@2:3', '2@4:2', '3@4:6', '4@4:18'] });
        for (const size of [1, 2, 3, 7]) expect(scan(every(TRICKY, size))).toEqual(whole);
        for (let i = 0; i <= TRICKY.length; i++) expect(scan(cut(TRICKY, [i]))).toEqual(whole);
    });

    it('reads empty arrays, surrounding whitespace and scalar elements', () => {
        expect(scan(['[]'])).toEqual({ values: [], at: [] });
        expect(scan([' \r\n\t[ \n ] \n'])).toEqual({ values: [], at: [] });
        expect(scan(every('[1, "x\\"]" ,[2,[3]],true,null , -0.5e-3]', 1))).toEqual({
            values: [1, 'x"]', [2, [3]], true, null, -0.5e-3], at: ['1@1:2', '2@1:5', '3@1:13', '4@1:21', '5@1:26', '6@1:33']
        });
    });

    it('agrees with JSON.parse on random arrays of random objects cut into random chunks', () => {
        const response = fc.dictionary(fc.string({ unit: 'binary' }), fc.jsonValue({ stringUnit: 'binary', maxDepth: 3 }));
        fc.assert(fc.property(fc.array(response, { maxLength: 8 }), fc.constantFrom(undefined, 1, '\t'), fc.array(fc.nat(), { maxLength: 12 }), (rows, indent, at) => {
            const text = JSON.stringify(rows, null, indent);
            const streamed = scan(cut(text, at));
            expect(typeof streamed === 'string' ? streamed : streamed.values).toEqual(JSON.parse(text));
        }), { numRuns: propertyRuns(200), seed: 11 });
    });

    it('locates every syntax error at its character, whatever the chunks', () => {
        const cases: Array<[string, string]> = [
            ['', '1:1: Unexpected end of JSON input'],
            [' \n ', '2:2: Unexpected end of JSON input'],
            ['\n {"a":1}', '2:2: not an array: expected a JSON array'],
            ['\uFEFF[]', '1:1: not an array: expected a JSON array'],
            ['[\n  {"a": 1},\n  {"a" 2}\n]', "3:8: Expected ':' after property name"],
            ['[{"a": "x\\q"}]', '1:11: Bad escaped character'],
            ['[{"a": tru}]', '1:11: Unexpected token \'}\', "{"a": tru}" is not valid JSON'],
            ['[{"a": 1}\n {"b": 2}]', "2:2: Expected ',' or ']' after array element"],
            ['[{"a": 1}}]', "1:10: Expected ',' or ']' after array element"],
            ['[{"a": 1},\n]', "2:1: Unexpected token ']'"],
            ['[,{"a": 1}]', "1:2: Unexpected token ','"],
            ['[{"a": 1}] x', '1:12: Unexpected non-whitespace character after JSON'],
            ['[{"a": 1}]]', '1:11: Unexpected non-whitespace character after JSON'],
            ['[{"a": 1},\n {"b": 2}\n', '3:1: Unexpected end of JSON input'],
            ['[{"a": 1},\n {"b": {"c": 2}', '2:16: Unexpected end of JSON input'],
            ['[{"a": "open\n', '1:13: Bad control character in string literal'],
            ['[{"a": "日本 😀",\n  "b": [1 2]}]', "2:11: Expected ',' or ']' after array element"],
            ['[{"a": 1} , \r\n x]', "2:2: Unexpected token 'x', \"x\" is not valid JSON"]
        ];
        for (const [text, message] of cases) {
            expect(scan([text]), JSON.stringify(text)).toBe(message);
            for (const size of [1, 2, 3, 7]) expect(scan(every(text, size)), `${JSON.stringify(text)} in chunks of ${size}`).toBe(message);
        }
    });

    it('puts an error at the position JSON.parse of the whole file names', () => {
        const at = (text: string, offset: number) => {
            const lines = text.slice(0, offset).split('\n');
            return `${lines.length}:${lines[lines.length - 1].length + 1}`;
        };
        const rows = fc.array(fc.dictionary(fc.string({ maxLength: 3 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }), { minLength: 1, maxLength: 4 });
        const edit = fc.tuple(fc.nat(), fc.nat({ max: 1 }), fc.constantFrom('x', ',', ':', '"', '{', '}', '[', ']', '\\', '1', '\n', '-'));
        fc.assert(fc.property(rows, fc.constantFrom(undefined, 1), edit, ([...objects], indent, [where, drop, insert]) => {
            const valid = JSON.stringify(objects, null, indent);
            const i = 1 + where % (valid.length - 1); // past the opening bracket: a file that is not an array is reported at its first character
            const text = valid.slice(0, i) + insert + valid.slice(i + drop);
            let position: number | null = null;
            try { JSON.parse(text); } catch (error) { const m = /position (\d+)/.exec((error as Error).message); position = m ? Number(m[1]) : null; }
            fc.pre(position !== null);
            const streamed = scan(every(text, 5));
            expect(typeof streamed === 'string' ? streamed.replace(/: .*/s, '') : streamed).toBe(at(text, position!));
        }), { numRuns: propertyRuns(400), seed: 5 });
    });
});

describe('reading a JSON array file', () => {
    it('streams a file larger than a read chunk with rows in order', async () => {
        const rows = Array.from({ length: 3000 }, (_, i) => ({ respondent_id: `r${i}`, recommend: i % 11, packaging: { box: i % 5 }, why: '] "}' }));
        const { info, records } = await read(write('many.json', JSON.stringify(rows, null, 2)));
        expect(info).toEqual({ format: 'surveyjs-json', encoding: 'utf-8', rowsRead: 3000 });
        expect(records.map(r => [r.row, r.line])).toEqual(rows.map((_, i) => [i + 1, 0]));
        expect(records[2999]).toEqual({ row: 3000, line: 0, columns: ['respondent_id', 'recommend', 'packaging.box', 'why'], values: ['r2999', 7, 4, '] "}'] });
    });

    it('drops a UTF-8 BOM and reads CRLF line ends', async () => {
        const { records } = await read(write('bom.json', '\uFEFF[\r\n{"respondent_id":"a"},\r\n{"respondent_id":"日本"}\r\n]\r\n'));
        expect(records.map(r => r.values)).toEqual([['a'], ['日本']]);
    });

    it('names the file, line and column of each kind of error', async () => {
        const fails = async (name: string, content: string) => failure(write(name, content));
        const at = (name: string) => path.join(dir, name);
        expect(await fails('empty.json', '')).toBe(`${at('empty.json')}:1:1: invalid JSON: Unexpected end of JSON input`);
        expect(await fails('open.json', '[\n{"a":1},\n{"a":2}')).toBe(`${at('open.json')}:3:8: invalid JSON: Unexpected end of JSON input`);
        expect(await fails('comma.json', '[\n{"a":1}\n{"a":2}]')).toBe(`${at('comma.json')}:3:1: invalid JSON: Expected ',' or ']' after array element`);
        expect(await fails('tail.json', '[{"a":1}]\n,')).toBe(`${at('tail.json')}:2:1: invalid JSON: Unexpected non-whitespace character after JSON`);
        expect(await fails('inner.json', '\uFEFF[{"a":1},\n {"a": 1,}]')).toBe(`${at('inner.json')}:2:10: invalid JSON: Expected double-quoted property name`);
        expect(await fails('top.json', '\n  "responses"')).toBe(`${at('top.json')}:2:3: expected a JSON array of responses (SurveyJS survey.data objects)`);
        expect(await fails('scalar.json', '[{"a":1},\n  [{"a":2}]]')).toBe(`${at('scalar.json')}:2:3: element 2 of the array is not an object (a response)`);
    });
});
