/**
 * Streaming RFC 4180 CSV parser: text arrives in chunks of any size and complete records leave
 * through a callback, so a file is never held whole. Quoted fields may hold commas, doubled quotes
 * and line breaks; records end with LF, CRLF or a lone CR (docs/response-format.md: the three
 * are one line break wherever they stand). Blank lines are skipped (they carry no record).
 */

/** Syntax error at a 1-based line and column of the text. */
export class CsvSyntaxError extends Error {
    constructor(readonly line: number, readonly column: number, message: string) {
        super(message);
    }
}

/** `fields` is valid only during the call: the parser reuses the array for the next record. */
export type RecordHandler = (fields: string[], line: number) => void;

const QUOTE = 34, COMMA = 44, LF = 10, CR = 13;

export class CsvParser {
    /** Text not yet parsed: at most one incomplete record. */
    private buf = '';
    /** 1-based line number of the first character of `buf` not yet parsed. */
    private line: number;
    /** The fields of records without quotes, refilled per record (a fresh array per row costs ~10% of a scoring run). */
    private readonly fields: string[] = [];

    /** `firstLine` is the line the text starts on (a record handed over by the byte reader starts mid-file). */
    constructor(private readonly onRecord: RecordHandler, firstLine = 1) {
        this.line = firstLine;
    }

    /** The line the text not yet parsed starts on. */
    get nextLine(): number {
        return this.line;
    }

    push(text: string): void {
        if (this.buf.length === 0) {
            this.buf = text;
            this.drain(false, 0);
            return;
        }
        // The record cut by the chunk boundary is completed on its own, and the chunk is parsed where
        // it stands: `buf + text` would be a cons string, which V8 reads ~30% slower char by char.
        // Records with quotes may hold line breaks, so they take the plain way.
        const nl = text.indexOf('\n');
        if (nl < 0 || this.buf.includes('"') || text.lastIndexOf('"', nl) >= 0) {
            this.buf += text;
            this.drain(false, 0);
            return;
        }
        this.buf += text.slice(0, nl + 1);
        this.drain(false, 0);
        this.buf = text;
        this.drain(false, nl + 1);
    }

    /** Parses what is left; throws CsvSyntaxError when a quoted field is never closed. */
    end(): void {
        this.drain(true, 0);
    }

    /** Parses `buf` from index `from` (on line `line`) on. */
    private drain(final: boolean, from: number): void {
        const buf = this.buf;
        const len = buf.length;
        let i = from;
        // Position of the next quote and of the next CR at or after i (len when none): records
        // before them take the fast path (a CR just before the LF is that record's CRLF).
        let nextQuote = -1, nextCr = -1;
        while (i < len) {
            const start = i;
            const startLine = this.line;
            if (nextQuote < i) {
                nextQuote = buf.indexOf('"', i);
                if (nextQuote < 0) nextQuote = len;
            }
            if (nextCr < i) {
                nextCr = buf.indexOf('\r', i);
                if (nextCr < 0) nextCr = len;
            }
            const nl = buf.indexOf('\n', i);
            if (nl >= 0 && nl < nextQuote && nextCr >= nl - 1) {
                // Fast path: a whole record without quotes is cut at its commas.
                const end = nl > i && buf.charCodeAt(nl - 1) === CR ? nl - 1 : nl;
                i = nl + 1;
                this.line = startLine + 1;
                if (end > start) {
                    const fields = this.fields;
                    let k = 0, from = start;
                    for (let j = start; j < end; j++) {
                        if (buf.charCodeAt(j) === COMMA) { fields[k++] = buf.slice(from, j); from = j + 1; }
                    }
                    fields[k++] = buf.slice(from, end);
                    // Setting the length is a runtime call; rows almost always have the header's count.
                    if (fields.length !== k) fields.length = k;
                    this.onRecord(fields, startLine);
                }
                continue;
            }
            const fields: string[] = [];
            let lines = 0;
            let complete = false;
            for (;;) {
                if (i < len && buf.charCodeAt(i) === QUOTE) {
                    const open = i;
                    let value = '';
                    let from = i + 1;
                    for (;;) {
                        const q = buf.indexOf('"', from);
                        if (q < 0 || (q === len - 1 && !final)) {
                            if (final && q < 0) {
                                const { line, column } = this.position(buf, open, startLine, start);
                                throw new CsvSyntaxError(line, column, 'quoted field is never closed (a `"` opens it here)');
                            }
                            this.keep(buf, start, startLine);
                            return;
                        }
                        value += buf.slice(from, q);
                        if (buf.charCodeAt(q + 1) === QUOTE) {
                            value += '"';
                            from = q + 2;
                            continue;
                        }
                        i = q + 1;
                        break;
                    }
                    lines += countLineBreaks(value);
                    fields.push(value);
                    const c = i < len ? buf.charCodeAt(i) : -1;
                    if (c !== COMMA && c !== LF && c !== CR && c !== -1) {
                        const { line, column } = this.position(buf, i, startLine, start);
                        throw new CsvSyntaxError(line, column, `unexpected character '${buf[i]}' after a closing quote; a quote inside a quoted field is written as ""`);
                    }
                } else {
                    let j = i;
                    while (j < len) {
                        const c = buf.charCodeAt(j);
                        if (c === COMMA || c === LF || c === CR) break;
                        if (c === QUOTE) {
                            const { line, column } = this.position(buf, j, startLine, start);
                            throw new CsvSyntaxError(line, column, 'quote inside an unquoted field; quote the whole field and double the quote ("")');
                        }
                        j++;
                    }
                    fields.push(buf.slice(i, j));
                    i = j;
                }
                if (i >= len) {
                    if (!final) { this.keep(buf, start, startLine); return; }
                    complete = true;
                    break;
                }
                const c = buf.charCodeAt(i);
                if (c === COMMA) { i++; continue; }
                if (c === CR) {
                    if (i + 1 >= len && !final) { this.keep(buf, start, startLine); return; }
                    i += buf.charCodeAt(i + 1) === LF ? 2 : 1;
                } else {
                    i++;
                }
                lines++;
                complete = true;
                break;
            }
            if (complete) {
                this.line = startLine + lines;
                if (!(fields.length === 1 && fields[0] === '')) this.onRecord(fields, startLine);
            }
        }
        this.buf = '';
    }

    private keep(buf: string, start: number, startLine: number): void {
        this.buf = buf.slice(start);
        this.line = startLine;
    }

    /** Line and column of `index`, counting from the record that starts at `start` on `startLine`. */
    private position(buf: string, index: number, startLine: number, start: number): { line: number; column: number } {
        const before = buf.slice(start, index);
        const breaks = countLineBreaks(before);
        const lastBreak = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'));
        return { line: startLine + breaks, column: index - (lastBreak < 0 ? start : start + lastBreak + 1) + 1 };
    }
}

/** Line breaks in text: LF, CRLF (one break) and a lone CR. */
function countLineBreaks(text: string): number {
    let n = 0;
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === LF) n++;
        else if (c === CR && text.charCodeAt(i + 1) !== LF) n++;
    }
    return n;
}
