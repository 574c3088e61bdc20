/**
 * Streams the elements of a top-level JSON array out of decoded text fed in chunks cut anywhere
 * (inside strings, escapes or surrogate pairs too). The scanner only finds where each element
 * begins and ends, from nesting depth and string/escape state; JSON.parse reads the element's
 * text, so values are exactly JSON.parse's. Memory holds the element being read, never the file.
 * Syntax errors name the offending character by 1-based line and column (UTF-16 code units).
 */

/** Invalid JSON, or valid JSON whose top-level value is not an array (`notArray`). */
export class JsonArraySyntaxError extends Error {
    constructor(readonly line: number, readonly column: number, message: string, readonly notArray = false) {
        super(message);
    }
}

/** Position (0-based) from a V8 JSON.parse message, which names it as "at position N". */
export function jsonErrorPosition(error: unknown): number | null {
    const m = /position (\d+)/.exec((error as Error).message);
    return m ? Number(m[1]) : null;
}

export function jsonErrorReason(error: unknown): string {
    return (error as Error).message.replace(/\s*(in JSON )?at position \d+.*$/, '').replace(/^SyntaxError: /, '');
}

/**
 * Offset of the character JSON.parse rejected in `text`. V8 names no position for an unexpected
 * token or the end of input, so then it is the first character after the longest prefix that can
 * still begin a JSON text (a binary search; error path only).
 */
function errorOffset(text: string, error: unknown): number {
    const pos = jsonErrorPosition(error);
    if (pos !== null) return pos;
    let lo = 0, hi = text.length;
    while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (canContinue(text.slice(0, mid))) lo = mid; else hi = mid - 1;
    }
    return lo;
}

function canContinue(prefix: string): boolean {
    try {
        JSON.parse(prefix);
        return true;
    } catch (error) {
        const pos = jsonErrorPosition(error);
        return pos === null ? /end of JSON input/.test((error as Error).message) : pos >= prefix.length;
    }
}

const QUOTE = 0x22, COMMA = 0x2c, COLON = 0x3a, LBRACKET = 0x5b, RBRACKET = 0x5d, LBRACE = 0x7b, RBRACE = 0x7d;
const SPACE = 0x20, TAB = 0x09, LF = 0x0a, CR = 0x0d;

/** Where the scanner stands between characters. */
const BEFORE = 0, OPENED = 1, AFTER_COMMA = 2, AFTER_ELEMENT = 3, CLOSED = 4, IN_ELEMENT = 5, IN_LITERAL = 6;

const isSpace = (c: number) => c === SPACE || c === LF || c === CR || c === TAB;

export type OnElement = (value: unknown, index: number, line: number, column: number) => void;

/**
 * Feed with `push`, finish with `end`. `onElement` gets each element's value, its 1-based index
 * and the line and column of its first character.
 */
export class JsonArrayScanner {
    private state = BEFORE;
    /** Inside IN_ELEMENT: open brackets and braces, whether in a string, whether after a backslash. */
    private depth = 0;
    private inString = false;
    private escaped = false;
    /** Text of the current element from earlier chunks; joined once the element is complete. */
    private readonly parts: string[] = [];
    private count = 0;
    private elementLine = 0;
    private elementColumn = 0;
    /** Lines are counted up to `counted` in the current chunk, which starts at `base` in the text. */
    private line = 1;
    private lineStart = 0;
    private base = 0;
    private counted = 0;
    private nextLf = -1;

    constructor(private readonly onElement: OnElement) {}

    push(text: string): void {
        const n = text.length;
        this.counted = 0;
        this.nextLf = -1;
        let start = 0;
        let i = 0;
        while (i < n) {
            if (this.state === IN_ELEMENT) {
                const end = this.scanElement(text, i);
                if (end < 0) break;
                this.complete(text, start, end);
                i = end;
                continue;
            }
            if (this.state === IN_LITERAL) {
                const end = scanLiteral(text, i);
                if (end === n) break;
                this.complete(text, start, end);
                i = end;
                continue;
            }
            const c = text.charCodeAt(i);
            if (isSpace(c)) { i++; continue; }
            switch (this.state) {
                case BEFORE:
                    if (c !== LBRACKET) throw this.errorAt(text, i, 'expected a JSON array', true);
                    this.state = OPENED;
                    i++;
                    continue;
                case AFTER_ELEMENT:
                    if (c === COMMA) this.state = AFTER_COMMA;
                    else if (c === RBRACKET) this.state = CLOSED;
                    else throw this.errorAt(text, i, "Expected ',' or ']' after array element");
                    i++;
                    continue;
                case CLOSED:
                    throw this.errorAt(text, i, 'Unexpected non-whitespace character after JSON');
            }
            // OPENED or AFTER_COMMA: an element starts here, or the array closes.
            if (c === RBRACKET && this.state === OPENED) { this.state = CLOSED; i++; continue; }
            if (c === RBRACKET || c === COMMA) throw this.errorAt(text, i, `Unexpected token '${text[i]}'`);
            this.advance(text, i);
            this.elementLine = this.line;
            this.elementColumn = this.base + i - this.lineStart + 1;
            start = i;
            if (c === LBRACE || c === LBRACKET || c === QUOTE) {
                this.state = IN_ELEMENT;
                this.depth = c === QUOTE ? 0 : 1;
                this.inString = c === QUOTE;
                this.escaped = false;
                i++;
            } else {
                this.state = IN_LITERAL;
            }
        }
        if (this.state === IN_ELEMENT || this.state === IN_LITERAL) this.parts.push(start === 0 ? text : text.slice(start));
        this.advance(text, n);
        this.base += n;
    }

    /** Checks that the array was closed; returns the number of elements. */
    end(): number {
        if (this.state === IN_LITERAL) this.complete('', 0, 0);
        if (this.state === IN_ELEMENT) {
            const text = this.parts.join('');
            try {
                JSON.parse(text);
            } catch (error) {
                // Before the end of the text the error is the element's own; at its end, the file's.
                const offset = errorOffset(text, error);
                if (offset < text.length) throw this.errorInElement(text, offset, jsonErrorReason(error));
            }
        }
        if (this.state !== CLOSED) {
            throw new JsonArraySyntaxError(this.line, this.base - this.lineStart + 1, 'Unexpected end of JSON input');
        }
        return this.count;
    }

    /**
     * Runs through a composite or string element from `i`: the index just after its last
     * character, or -1 when the chunk ends first. Strings are skipped with indexOf, which is
     * where most of the text is.
     */
    private scanElement(text: string, i: number): number {
        const n = text.length;
        let depth = this.depth, inString = this.inString, escaped = this.escaped;
        let backslash = -1;
        let end = -1;
        while (i < n) {
            if (inString) {
                if (escaped) { i++; escaped = false; continue; }
                let quote = text.indexOf('"', i);
                if (quote < 0) quote = n;
                if (backslash < i) {
                    backslash = text.indexOf('\\', i);
                    if (backslash < 0) backslash = n;
                }
                if (backslash < quote) { i = backslash + 1; escaped = true; continue; }
                if (quote === n) break;
                i = quote + 1;
                inString = false;
                if (depth === 0) { end = i; break; }
                continue;
            }
            const c = text.charCodeAt(i++);
            if (c === QUOTE) inString = true;
            else if (c === LBRACE || c === LBRACKET) depth++;
            else if ((c === RBRACE || c === RBRACKET) && --depth === 0) { end = i; break; }
        }
        this.depth = depth;
        this.inString = inString;
        this.escaped = escaped;
        return end;
    }

    /** The element ends at `end` in `text` (it began at `start`, or in an earlier chunk): parse and hand it on. */
    private complete(text: string, start: number, end: number): void {
        let source = text.slice(start, end);
        if (this.parts.length > 0) {
            this.parts.push(source);
            source = this.parts.join('');
            this.parts.length = 0;
        }
        this.state = AFTER_ELEMENT;
        let value: unknown;
        try {
            value = JSON.parse(source);
        } catch (error) {
            throw this.errorInElement(source, errorOffset(source, error), jsonErrorReason(error));
        }
        this.onElement(value, ++this.count, this.elementLine, this.elementColumn);
    }

    /** Counts the line feeds of the current chunk before `i`. */
    private advance(text: string, i: number): void {
        if (this.nextLf < this.counted) {
            this.nextLf = text.indexOf('\n', this.counted);
            if (this.nextLf < 0) this.nextLf = text.length;
        }
        while (this.nextLf < i) {
            this.line++;
            this.lineStart = this.base + this.nextLf + 1;
            this.nextLf = text.indexOf('\n', this.nextLf + 1);
            if (this.nextLf < 0) this.nextLf = text.length;
        }
        this.counted = i;
    }

    private errorAt(text: string, i: number, message: string, notArray = false): JsonArraySyntaxError {
        this.advance(text, i);
        return new JsonArraySyntaxError(this.line, this.base + i - this.lineStart + 1, message, notArray);
    }

    private errorInElement(source: string, offset: number, reason: string): JsonArraySyntaxError {
        const before = source.slice(0, offset);
        const lastLf = before.lastIndexOf('\n');
        const lines = before.split('\n').length - 1;
        const column = lastLf < 0 ? this.elementColumn + offset : offset - lastLf;
        return new JsonArraySyntaxError(this.elementLine + lines, column, reason);
    }
}

/** Index of the first character in `text` from `i` that cannot belong to a literal (number, true, false, null). */
function scanLiteral(text: string, i: number): number {
    for (; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (isSpace(c) || c === COMMA || c === RBRACKET || c === RBRACE || c === LBRACKET || c === LBRACE || c === QUOTE || c === COLON) break;
    }
    return i;
}
