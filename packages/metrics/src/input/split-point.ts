/**
 * Where a large CSV file can be cut in two for two threads: after a line break near the middle
 * that is not inside a quoted field. The CSV parser rejects a quote in an unquoted field, so in a
 * file it accepts a line break ends a record exactly when an even number of quotes comes before
 * it; counting quotes up to the middle is a native `indexOf` per 64 KiB of the first half. This
 * holds for Shift_JIS too: its second bytes (0x40-0xFC) are never a quote, comma, CR or LF, so
 * those bytes are always characters of their own and the cut is a character boundary.
 */
import fs from 'node:fs';
import type { DataFile } from './data-file.js';

export interface SplitPoint {
    /** Byte just after the header line. */
    headerEnd: number;
    /** Byte where the second part starts (just after a record's line break). */
    split: number;
}

const SCAN = 1 << 16;
const QUOTE = 0x22, LF = 0x0a, CR = 0x0d;

/**
 * The split point of a CSV file, or null when its encoding cannot be told (the reader will say
 * why) or it has no break after its middle. Sizes are the file's as it was opened; a file changed
 * since fails its read (data-file.ts), so the two parts never miss or repeat a record unnoticed.
 */
export function findSplitPoint(data: DataFile): SplitPoint | null {
    const { size } = data;
    if (!data.encoding) return null;
    const mid = Math.floor(size / 2);
    const buf = Buffer.alloc(SCAN);
    const fd = fs.openSync(data.path, 'r');
    try {
        let headerEnd = -1;
        let inQuotes = false;
        for (let pos = 0, n = fs.readSync(fd, buf, 0, SCAN, 0); n > 0 && pos < size; pos += n, n = fs.readSync(fd, buf, 0, SCAN, pos)) {
            const bytes = buf.subarray(0, n);
            if (pos === 0) {
                // A file starting with blank lines has its header further down; not worth the case.
                const first = bytes[data.bom ? 3 : 0];
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
                    else if (pos + i >= mid) return pos + i + 1 < size ? { headerEnd, split: pos + i + 1 } : null;
                } else if (c === CR && headerEnd < 0 && !inQuotes && bytes[i + 1] !== LF) {
                    // A lone CR ends the header (docs/response-format.md): the header line is not up to the first LF.
                    return null;
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
export function findLineSplitPoint(data: DataFile): SplitPoint | null {
    const { size } = data;
    if (!data.encoding) return null;
    const buf = Buffer.alloc(SCAN);
    const fd = fs.openSync(data.path, 'r');
    try {
        for (let pos = Math.floor(size / 2), read = fs.readSync(fd, buf, 0, SCAN, pos); read > 0; pos += read, read = fs.readSync(fd, buf, 0, SCAN, pos)) {
            const lf = buf.subarray(0, read).indexOf(LF);
            if (lf >= 0) return pos + lf + 1 < size ? { headerEnd: 0, split: pos + lf + 1 } : null;
        }
        return null;
    } finally {
        fs.closeSync(fd);
    }
}
