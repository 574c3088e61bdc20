/**
 * Reads a UTF-8 CSV response file without decoding it to text: each record's fields reach the
 * caller as byte ranges of one reused buffer, so ratings, ids and timestamps are converted straight
 * from bytes and a million rows allocate next to nothing (a string per field was the largest cost
 * of scoring). The header, and any record the byte scanner leaves alone (a quoted field holding a
 * line break or a doubled quote, a lone CR, a last record without a line break, anything
 * malformed), goes through the text parser (csv-parser.ts) from the line it starts on, so both
 * ways accept the same files, give the same fields and report errors at the same line and column.
 * Files that are not UTF-8 (Shift_JIS) are read as text by read-records.ts.
 */
import { isUtf8 } from 'node:buffer';
import fs from 'node:fs';
import { CsvParser } from './csv-parser.js';
import { DataFileError, readFailure } from './data-file-error.js';
import { checkUnchanged, readAt, type DataFile } from './data-file.js';
import { firstInvalidByte, undecodableError } from './decode.js';
import { headerColumns, readRecords, type RawRecord, type ReadInfo, type ReadOptions } from './read-records.js';

/**
 * Records cut as bytes, in file order (a batch lets the row checker look up all their ids in one
 * tight loop, where the table's cache misses overlap). The object and its arrays are reused:
 * valid only during the callback.
 */
export interface CsvBatch {
    /** The header's column names. */
    columns: string[];
    /** columns.length: record r's fields start at r * width in `starts` and `ends`. */
    width: number;
    bytes: Buffer;
    /** Records in the batch. */
    size: number;
    /** Per record: 1-based data row (the header is row 0), 1-based start line, number of fields. */
    rows: Int32Array;
    lines: Int32Array;
    counts: Int32Array;
    /** Field f of record r is `bytes[starts[r * width + f], ends[r * width + f])`, without quotes; only the first `width` fields are kept. */
    starts: Int32Array;
    ends: Int32Array;
}

export interface CsvSink {
    /** The header's column names, trimmed and checked (before any record). */
    header(columns: string[]): void;
    /** Records the byte scanner cut. */
    batch(records: CsvBatch): void;
    /** A record the text parser read (quoted line breaks, doubled quotes; every record of a Shift_JIS file). */
    record(record: RawRecord): void;
}

const QUOTE = 0x22, COMMA = 0x2c, LF = 0x0a, CR = 0x0d;
// Bytes are read into one buffer and never become strings, so a larger chunk costs no garbage.
const CHUNK = 1 << 16;
const BATCH = 512;

/** `chunkBytes` is the buffer's first size and the most read at once (tests make it small to cut records anywhere). */
export async function readCsv(data: DataFile, options: ReadOptions, sink: CsvSink, chunkBytes = CHUNK): Promise<ReadInfo> {
    if (data.format !== 'csv') throw new Error(`readCsv reads .csv files, not ${data.path}`);
    if (data.encoding !== 'utf-8') return readAsText(data, options, sink);
    const { path: file, size: total } = data;
    let fd: number;
    try {
        fd = fs.openSync(file, 'r');
    } catch (error) {
        throw readFailure(file, error);
    }
    try {
        const reader = new ByteReader(data, sink, chunkBytes);
        let consumed = 0;
        for (const [start, end] of options.ranges ?? [[0, total]]) {
            let at = start;
            if (at === 0 && data.bom) { at = 3; consumed += 3; }
            while (at < end) {
                const n = reader.readFrom(fd, at, end);
                at += n;
                consumed += n;
                await reader.scanComplete();
                options.onProgress?.(consumed, total);
            }
        }
        await reader.finish();
        checkUnchanged(data, fd);
        return { format: 'csv', encoding: 'utf-8', rowsRead: reader.rows };
    } catch (error) {
        throw readFailure(file, error);
    } finally {
        fs.closeSync(fd);
    }
}

/** Shift_JIS (or undecidable) files: every record through the text reader, the header announced first. */
async function readAsText(data: DataFile, options: ReadOptions, sink: CsvSink): Promise<ReadInfo> {
    let header: string[] | null = null;
    return readRecords(data, options, record => {
        if (record.columns !== header) sink.header((header = record.columns));
        sink.record(record);
    });
}

class ByteReader {
    private buf: Buffer;
    /** Bytes of `buf` holding file data. */
    private filled = 0;
    /** Start of the first record not yet handed over. */
    private pos = 0;
    /** `buf[0, validated)` is known to be valid UTF-8; it always ends after a line break. */
    private validated = 0;
    /** File offset of `buf[0]`, for the position of an undecodable byte. */
    private offset = 0;
    private line = 1;
    rows = 0;
    private header: string[] | null = null;
    private readonly batch: CsvBatch;

    private readonly file: string;

    constructor(private readonly data: DataFile, private readonly sink: CsvSink, chunkBytes: number) {
        this.file = data.path;
        this.buf = Buffer.allocUnsafe(chunkBytes);
        this.batch = {
            columns: [], width: 0, bytes: this.buf, size: 0,
            rows: new Int32Array(BATCH), lines: new Int32Array(BATCH), counts: new Int32Array(BATCH),
            starts: new Int32Array(0), ends: new Int32Array(0)
        };
    }

    /** Reads the next bytes of [at, end) behind what is left of the buffer; the number read. */
    readFrom(fd: number, at: number, end: number): number {
        if (this.pos > 0) {
            // Only an incomplete record is left: move it to the front.
            this.buf.copyWithin(0, this.pos, this.filled);
            this.filled -= this.pos;
            this.validated -= this.pos;
            this.pos = 0;
        }
        if (this.filled === this.buf.length) {
            const bigger = Buffer.allocUnsafe(this.buf.length * 2);
            this.buf.copy(bigger, 0, 0, this.filled);
            this.buf = this.batch.bytes = bigger;
        }
        this.offset = at - this.filled;
        const n = readAt(this.data, fd, this.buf, this.filled, Math.min(this.buf.length - this.filled, end - at), at);
        this.filled += n;
        return n;
    }

    /** Hands over every complete record in the buffer (the bytes up to the last line break). */
    async scanComplete(): Promise<void> {
        const lastBreak = this.buf.lastIndexOf(LF, this.filled - 1);
        if (lastBreak >= this.validated) await this.validate(lastBreak + 1);
        this.scan(false);
    }

    async finish(): Promise<void> {
        await this.validate(this.filled);
        this.scan(true);
        if (!this.header) throw new DataFileError(this.file, 1, 1, 'the file is empty; a CSV file starts with a header row');
    }

    private async validate(upTo: number): Promise<void> {
        const bytes = this.buf.subarray(this.validated, upTo);
        if (!isUtf8(bytes)) throw await undecodableError(this.file, this.offset + this.validated + firstInvalidByte('utf-8', bytes), 'utf-8');
        this.validated = upTo;
    }

    /** Hands over the complete records from `pos` on; the last batch goes before the buffer changes. */
    private scan(final: boolean): void {
        this.scanRecords(final);
        this.flush();
    }

    private scanRecords(final: boolean): void {
        const { buf, filled } = this;
        // Position of the next quote and of the next CR at or after pos (filled when none): records
        // before them are cut fast (a CR just before the LF is that record's CRLF).
        let nextQuote = -1, nextCr = -1;
        while (this.pos < filled) {
            const start = this.pos;
            if (nextQuote < start) {
                nextQuote = buf.indexOf(QUOTE, start);
                if (nextQuote < 0 || nextQuote >= filled) nextQuote = filled;
            }
            if (nextCr < start) {
                nextCr = buf.indexOf(CR, start);
                if (nextCr < 0 || nextCr >= filled) nextCr = filled;
            }
            if (this.header && this.cutPlain(start, nextQuote, nextCr)) continue;
            let lineEnd = buf.indexOf(LF, start);
            if (lineEnd >= filled) lineEnd = -1;
            if (lineEnd < 0 && !final) return;
            if (this.header && lineEnd >= 0 && this.cutQuoted(start, lineEnd)) continue;
            const end = this.textRecordEnd(start, final);
            if (end < 0 || (end > this.validated && !final)) return;
            this.flush();
            this.parseText(start, end);
        }
    }

    /**
     * A record without quotes, its line break before `stop`: the fields are cut at its commas in
     * the same loop that finds its end (a native indexOf per record costs more than the bytes).
     * False when `stop` comes first, or when a lone CR (`cr`, the first CR from `start`) ends the
     * record before its LF: the text parser cuts it there.
     */
    private cutPlain(start: number, stop: number, cr: number): boolean {
        const buf = this.buf, { starts, ends, width } = this.batch;
        const base = this.batch.size * width;
        let k = 0, from = start;
        for (let j = start; j < stop; j++) {
            const c = buf[j];
            if (c === COMMA) {
                if (k < width) { starts[base + k] = from; ends[base + k] = j; }
                k++;
                from = j + 1;
            } else if (c === LF) {
                if (cr < j - 1) return false;
                const end = j > from && buf[j - 1] === CR ? j - 1 : j;
                const line = this.line++;
                this.pos = j + 1;
                if (end === start) return true;
                if (k < width) { starts[base + k] = from; ends[base + k] = end; }
                this.add(k + 1, line);
                return true;
            }
        }
        return false;
    }

    /**
     * A record with quotes on one line: cut as bytes when every quoted field is a plain `"..."`
     * (no line break, CR or doubled quote inside) and the record is well formed; false leaves it
     * to the text parser, which reads the rest and words any error.
     */
    private cutQuoted(start: number, lineEnd: number): boolean {
        const buf = this.buf, { starts, ends, width } = this.batch;
        const base = this.batch.size * width;
        let i = start, k = 0;
        for (;;) {
            let from: number, to: number;
            if (buf[i] === QUOTE) {
                const close = buf.indexOf(QUOTE, i + 1);
                if (close < 0 || close >= lineEnd || buf[close + 1] === QUOTE) return false;
                for (let j = i + 1; j < close; j++) if (buf[j] === CR) return false;
                from = i + 1; to = close;
                i = close + 1;
            } else {
                let j = i;
                for (; j < lineEnd; j++) {
                    const c = buf[j];
                    if (c === COMMA || c === CR) break;
                    if (c === QUOTE) return false;
                }
                from = i; to = j;
                i = j;
            }
            if (k < width) { starts[base + k] = from; ends[base + k] = to; }
            k++;
            if (i === lineEnd) break;
            const c = buf[i];
            if (c === COMMA) { i++; continue; }
            if (c === CR && i + 1 === lineEnd) break;
            return false;
        }
        const line = this.line++;
        this.pos = lineEnd + 1;
        // The text parser skips a record that is one empty field (`""`), as a blank line.
        if (!(k === 1 && starts[base] === ends[base])) this.add(k, line);
        return true;
    }

    /**
     * Where the record starting at `start` ends by the text parser's rules (just after its line
     * break, or just after the byte where it fails), or -1 when the buffer does not hold all of it.
     */
    private textRecordEnd(start: number, final: boolean): number {
        const buf = this.buf, filled = this.filled;
        // Just after the failing byte's whole character, so the parser's message can quote it.
        const failsAt = (j: number) => {
            let end = j + 1;
            while (end < filled && (buf[end] & 0xc0) === 0x80) end++;
            return end;
        };
        const FIELD = 0, UNQUOTED = 1, QUOTED = 2, CLOSED = 3;
        let state = FIELD;
        for (let j = start; j < filled; j++) {
            const c = buf[j];
            if (state === QUOTED) {
                if (c === QUOTE) state = CLOSED;
                continue;
            }
            if (c === LF) return j + 1;
            if (c === CR) {
                if (j + 1 < filled) return buf[j + 1] === LF ? j + 2 : j + 1;
                return final ? j + 1 : -1;
            }
            if (c === COMMA) { state = FIELD; continue; }
            if (c === QUOTE) {
                if (state === FIELD) state = QUOTED;
                else if (state === CLOSED) state = QUOTED;
                else return failsAt(j);
                continue;
            }
            if (state === CLOSED) return failsAt(j);
            state = UNQUOTED;
        }
        return final ? filled : -1;
    }

    /** Bytes [start, end) decoded and read by the text parser, from the line they start on. */
    private parseText(start: number, end: number): void {
        const parser = new CsvParser((fields, line) => {
            if (!this.header) {
                this.header = headerColumns(this.file, fields, line);
                const width = this.header.length;
                Object.assign(this.batch, { columns: this.header, width, starts: new Int32Array(BATCH * width), ends: new Int32Array(BATCH * width) });
                this.sink.header(this.header);
                return;
            }
            this.sink.record({ row: ++this.rows, line, columns: this.header, values: fields });
        }, this.line);
        parser.push(this.buf.toString('utf8', start, end));
        parser.end();
        this.line = parser.nextLine;
        this.pos = end;
    }

    /** Adds the record just cut (its fields are in place) to the batch. */
    private add(count: number, line: number): void {
        const batch = this.batch;
        batch.counts[batch.size] = count;
        batch.rows[batch.size] = ++this.rows;
        batch.lines[batch.size] = line;
        if (++batch.size === BATCH) this.flush();
    }

    private flush(): void {
        if (this.batch.size === 0) return;
        this.sink.batch(this.batch);
        this.batch.size = 0;
    }
}
