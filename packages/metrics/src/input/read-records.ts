/**
 * Reads a response or dataset file record by record in one streaming pass whose memory does not
 * grow with the number of rows: CSV, NDJSON, or a JSON array of SurveyJS `survey.data` objects
 * (each element parsed on its own once the scanner has found its end). Every record reaches the
 * caller; bad values are the row checker's business, unreadable files throw DataFileError with
 * line and column.
 */
import fs from 'node:fs';
import { CsvParser } from './csv-parser.js';
import { checkUnchanged, readAt, type DataFile, type FileFormat } from './data-file.js';
import { DataFileError, readFailure } from './data-file-error.js';
import { firstInvalidByte, undecodableError, type TextEncoding } from './decode.js';
import { JsonArrayScanner, JsonArraySyntaxError, jsonErrorPosition, jsonErrorReason } from './json-array-stream.js';

/**
 * One record. `columns` names the entries of `values`; CSV records share the header array (so a
 * consumer can cache per header) and hold strings, in an array valid only during the callback (the
 * CSV parser refills it for the next record); JSON records hold JSON values, with nested
 * objects (matrix answers) flattened to `<key>.<item>` columns.
 */
export interface RawRecord {
    /** 1-based data row (a CSV header is row 0). */
    row: number;
    /** 1-based line where the record starts; 0 inside a JSON array. */
    line: number;
    columns: string[];
    values: unknown[];
}

export interface ReadOptions {
    onProgress?: (bytesRead: number, totalBytes: number) => void;
    /**
     * Byte ranges [start, end) read in turn as if they were one file (the whole file when absent):
     * a thread scoring part of a CSV file reads the header line, then its part.
     */
    ranges?: Array<[number, number]>;
}

export interface ReadInfo {
    format: FileFormat;
    encoding: TextEncoding;
    rowsRead: number;
}

// 8 KiB. Decoded chunks must stay below V8's large-object size so they die young with the records
// parsed from them (1 MiB chunks raised peak RSS by ~100 MB on a million rows). Smaller still: the
// chunk being parsed is what survives each young-generation collection, and V8 doubles the young
// generation once the survivors add up to its size; with 64 KiB chunks that happened near 3M
// rows (+16 MB), with 8 KiB chunks peak RSS is the same at 1M and 3M rows.
const CHUNK = 1 << 13;

/** Reads the records of `data` (or of the byte ranges in `options`) in one streaming pass. */
export async function readRecords(data: DataFile, options: ReadOptions, onRecord: (record: RawRecord) => void): Promise<ReadInfo> {
    const { path: file, format, size: total, encoding } = data;
    const sink = format === 'csv' ? csvSink(file, onRecord) : format === 'ndjson' ? ndjsonSink(file, onRecord) : jsonArraySink(file, onRecord);
    let decoder: TextDecoder | null = null;
    let offset = 0;
    let fd: number | null = null;
    // One buffer, read into again and again: the decoder copies each chunk into a string, so no
    // chunk-sized garbage is left for the collector (a stream allocates a fresh Buffer per chunk).
    const chunk = new Uint8Array(CHUNK);
    try {
        fd = fs.openSync(file, 'r');
        for (const [start, end] of options.ranges ?? [[0, total]]) {
            for (let at = start, n = readPart(data, fd, chunk, at, end); n > 0; at += n, n = readPart(data, fd, chunk, at, end)) {
                let bytes = chunk.subarray(0, n);
                if (!decoder) {
                    if (at === 0 && data.bom) { bytes = bytes.subarray(3); offset += 3; }
                    if (!encoding) throw await undecodableError(file, offset + firstInvalidByte('utf-8', bytes), null);
                    decoder = new TextDecoder(encoding, { fatal: true });
                }
                let text: string;
                try {
                    text = decoder.decode(bytes, { stream: true });
                } catch {
                    throw await undecodableError(file, offset + firstInvalidByte(encoding!, bytes), encoding);
                }
                offset += bytes.length;
                sink.push(text);
                options.onProgress?.(offset, total);
            }
        }
        if (decoder) {
            try {
                sink.push(decoder.decode());
            } catch {
                throw await undecodableError(file, Math.max(0, total - 1), encoding);
            }
        }
        const rowsRead = sink.end();
        checkUnchanged(data, fd);
        return { format, encoding: encoding ?? 'utf-8', rowsRead };
    } catch (error) {
        throw readFailure(file, error);
    } finally {
        if (fd !== null) fs.closeSync(fd);
    }
}

/** Reads up to a chunk at `at`, never past `end` (a file that ends before `end` was cut: an error). */
function readPart(data: DataFile, fd: number, chunk: Uint8Array, at: number, end: number): number {
    return at >= end ? 0 : readAt(data, fd, chunk, 0, Math.min(CHUNK, end - at), at);
}

interface Sink {
    push(text: string): void;
    /** Flushes and returns the number of records. */
    end(): number;
}

/** The trimmed column names of a CSV header record; throws on an empty or repeated name. */
export function headerColumns(file: string, fields: string[], line: number): string[] {
    const columns = fields.map(f => f.trim());
    const seen = new Set<string>();
    columns.forEach((name, i) => {
        if (name === '') throw new DataFileError(file, line, 1, `header column ${i + 1} has no name`);
        if (seen.has(name)) throw new DataFileError(file, line, 1, `header names column '${name}' twice`);
        seen.add(name);
    });
    return columns;
}

function csvSink(file: string, onRecord: (record: RawRecord) => void): Sink {
    let header: string[] | null = null;
    let row = 0;
    const parser = new CsvParser((fields, line) => {
        if (!header) {
            header = headerColumns(file, fields, line);
            return;
        }
        onRecord({ row: ++row, line, columns: header, values: fields });
    });
    return {
        push: text => parser.push(text),
        end: () => {
            parser.end();
            if (!header) throw new DataFileError(file, 1, 1, 'the file is empty; a CSV file starts with a header row');
            return row;
        }
    };
}

/**
 * A record's columns and values; `twice` gets a column given both as a dotted key and inside a
 * nested object (`{"a.b": 1, "a": {"b": 2}}`), which would otherwise be read, and counted, twice.
 */
function flatten(obj: Record<string, unknown>, twice: (column: string) => never): { columns: string[]; values: unknown[] } {
    const columns: string[] = [], values: unknown[] = [];
    let nested = false;
    for (const [key, value] of Object.entries(obj)) {
        if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
            nested = true;
            for (const [item, v] of Object.entries(value as Record<string, unknown>)) { columns.push(`${key}.${item}`); values.push(v); }
        } else {
            columns.push(key); values.push(value);
        }
    }
    if (nested && new Set(columns).size !== columns.length) twice(columns.find((c, i) => columns.indexOf(c) !== i)!);
    return { columns, values };
}

function givenTwice(file: string, line: number, column: number, name: string): never {
    const shown = name.length <= 60 ? name : `${name.slice(0, 60)}…`;
    throw new DataFileError(file, line, column, `the record gives '${shown}' twice, as a dotted key and inside a nested object; keep one`);
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
    return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function ndjsonSink(file: string, onRecord: (record: RawRecord) => void): Sink {
    let rest = '';
    let line = 0;
    let row = 0;
    const handle = (text: string) => {
        line++;
        if (text.trim() === '') return;
        let value: unknown;
        try {
            value = JSON.parse(text);
        } catch (error) {
            const pos = jsonErrorPosition(error);
            throw new DataFileError(file, line, pos === null ? 1 : pos + 1, `invalid JSON: ${jsonErrorReason(error)}`);
        }
        if (!isPlainObject(value)) throw new DataFileError(file, line, 1, 'each line must be one JSON object (a response)');
        onRecord({ row: ++row, line, ...flatten(value, name => givenTwice(file, line, 1, name)) });
    };
    return {
        push: text => {
            const all = rest + text;
            let start = 0;
            for (let nl = all.indexOf('\n'); nl >= 0; nl = all.indexOf('\n', start)) {
                handle(all.slice(start, nl).replace(/\r$/, ''));
                start = nl + 1;
            }
            rest = all.slice(start);
        },
        end: () => {
            if (rest !== '') handle(rest);
            return row;
        }
    };
}

function jsonArraySink(file: string, onRecord: (record: RawRecord) => void): Sink {
    const scanner = new JsonArrayScanner((value, index, line, column) => {
        if (!isPlainObject(value)) throw new DataFileError(file, line, column, `element ${index} of the array is not an object (a response)`);
        onRecord({ row: index, line: 0, ...flatten(value, name => givenTwice(file, line, column, name)) });
    });
    const fail = (error: unknown): never => {
        if (!(error instanceof JsonArraySyntaxError)) throw error;
        throw new DataFileError(file, error.line, error.column,
            error.notArray ? 'expected a JSON array of responses (SurveyJS survey.data objects)' : `invalid JSON: ${error.message}`);
    };
    return {
        push: text => {
            try { scanner.push(text); } catch (error) { fail(error); }
        },
        end: () => {
            try { return scanner.end(); } catch (error) { return fail(error); }
        }
    };
}
