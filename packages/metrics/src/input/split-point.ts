/**
 * Where a large CSV file can be cut in two for two threads: after a line break near the middle
 * that is not inside a quoted field. The CSV parser rejects a quote in an unquoted field, so in a
 * file it accepts a line break ends a record exactly when an even number of quotes comes before
 * it; counting quotes up to the middle is a native `indexOf` per 64 KiB of the first half. This
 * holds for Shift_JIS too: its second bytes (0x40-0xFC) are never a quote, comma, CR or LF, so
 * those bytes are always characters of their own and the cut is a character boundary.
 */
import fs from 'node:fs';
import { ENCODING_SAMPLE_BYTES, fileEncoding, hasUtf8Bom, type TextEncoding } from './decode.js';

export interface SplitPoint {
    /** Byte just after the header line. */
    headerEnd: number;
    /** Byte where the second part starts (just after a record's line break). */
    split: number;
    size: number;
    /** The file's encoding, as the reader tells it from the same first 8 KiB (or as forced). */
    encoding: TextEncoding;
}

const SCAN = 1 << 16;
const QUOTE = 0x22, LF = 0x0a, CR = 0x0d;

/**
 * The split point of a file, or null when its encoding cannot be told (the reader will say why) or
 * it has no break after its middle. `forced` is the encoding the caller forces, if any.
 */
export function findSplitPoint(file: string, forced?: TextEncoding): SplitPoint | null {
    const size = fs.statSync(file).size;
    const mid = Math.floor(size / 2);
    const buf = Buffer.alloc(SCAN);
    const fd = fs.openSync(file, 'r');
    try {
        let headerEnd = -1;
        let inQuotes = false;
        let encoding: TextEncoding | null = null;
        for (let pos = 0, n = fs.readSync(fd, buf, 0, SCAN, 0); n > 0; pos += n, n = fs.readSync(fd, buf, 0, SCAN, pos)) {
            const bytes = buf.subarray(0, n);
            if (pos === 0) {
                encoding = fileEncoding(bytes, forced);
                if (!encoding) return null;
                // A file starting with blank lines has its header further down; not worth the case.
                const first = bytes[hasUtf8Bom(bytes) ? 3 : 0];
                if (first === LF || first === CR) return null;
            }
            if (headerEnd >= 0 && pos + n <= mid) {
                for (let q = bytes.indexOf(QUOTE); q >= 0; q = bytes.indexOf(QUOTE, q + 1)) inQuotes = !inQuotes;
                continue;
            }
            for (let i = 0; i < n; i++) {
                const c = bytes[i];
                if (c === QUOTE) inQuotes = !inQuotes;
                else if (c === LF && !inQuotes) {
                    if (headerEnd < 0) headerEnd = pos + i + 1;
                    else if (pos + i >= mid) return pos + i + 1 < size ? { headerEnd, split: pos + i + 1, size, encoding: encoding! } : null;
                }
            }
        }
        return null;
    } finally {
        fs.closeSync(fd);
    }
}

/**
 * The split point of an NDJSON file: just after the first line break from its middle on (JSON
 * text holds no raw line break, so every one ends a record); `headerEnd` is 0. Null when its
 * encoding cannot be told or no break follows the middle.
 */
export function findLineSplitPoint(file: string, forced?: TextEncoding): SplitPoint | null {
    const size = fs.statSync(file).size;
    const buf = Buffer.alloc(SCAN);
    const fd = fs.openSync(file, 'r');
    try {
        const encoding = fileEncoding(buf.subarray(0, fs.readSync(fd, buf, 0, ENCODING_SAMPLE_BYTES, 0)), forced);
        if (!encoding) return null;
        for (let pos = Math.floor(size / 2), read = fs.readSync(fd, buf, 0, SCAN, pos); read > 0; pos += read, read = fs.readSync(fd, buf, 0, SCAN, pos)) {
            const lf = buf.subarray(0, read).indexOf(LF);
            if (lf >= 0) return pos + lf + 1 < size ? { headerEnd: 0, split: pos + lf + 1, size, encoding } : null;
        }
        return null;
    } finally {
        fs.closeSync(fd);
    }
}
