/**
 * Byte-to-text decoding of data files: UTF-8 (a BOM is dropped) or Shift_JIS/CP932, which Japanese
 * Excel writes. WHATWG's `shift_jis` decoder is the Windows-31J (CP932) table, so NEC and IBM
 * extension characters decode too. Undecodable bytes are an error with their line, never replaced.
 */
import fs from 'node:fs/promises';
import { DataFileError } from './data-file-error.js';

export type TextEncoding = 'utf-8' | 'shift_jis';

const BOM = [0xef, 0xbb, 0xbf];

export function hasUtf8Bom(bytes: Uint8Array): boolean {
    return bytes.length >= 3 && bytes[0] === BOM[0] && bytes[1] === BOM[1] && bytes[2] === BOM[2];
}

function decodes(encoding: TextEncoding, bytes: Uint8Array, stream = true): boolean {
    try {
        // stream: a multi-byte character cut at the end of the sample is not an error.
        new TextDecoder(encoding, { fatal: true }).decode(bytes, { stream });
        return true;
    } catch {
        return false;
    }
}

/**
 * The encoding of a file from its first bytes: UTF-8 when they are valid UTF-8 (ASCII included),
 * else Shift_JIS when they are valid Shift_JIS; null when neither.
 */
export function detectEncoding(sample: Uint8Array): TextEncoding | null {
    if (hasUtf8Bom(sample) || decodes('utf-8', sample)) return 'utf-8';
    return decodes('shift_jis', sample) ? 'shift_jis' : null;
}

/** Bytes a file's encoding is told from: its first 8 KiB (every reader and the split point agree). */
export const ENCODING_SAMPLE_BYTES = 1 << 13;

/**
 * The encoding of a file from its first bytes and the one the caller forces (if any): a UTF-8 BOM
 * decides unless Shift_JIS is forced; null when the sample is neither UTF-8 nor Shift_JIS.
 */
export function fileEncoding(head: Uint8Array, forced?: TextEncoding | null): TextEncoding | null {
    if (hasUtf8Bom(head) && forced !== 'shift_jis') return 'utf-8';
    return forced ?? detectEncoding(head.subarray(0, ENCODING_SAMPLE_BYTES));
}

/**
 * Offset in `bytes` of the start of the first sequence the encoding cannot decode: bisection finds
 * the byte where decoding fails, then it backs up to where that multi-byte sequence began.
 */
export function firstInvalidByte(encoding: TextEncoding, bytes: Uint8Array): number {
    let lo = 0, hi = bytes.length;
    while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (decodes(encoding, bytes.subarray(0, mid + 1))) lo = mid + 1; else hi = mid;
    }
    let start = lo;
    while (start > 0 && lo - start < 4 && !decodes(encoding, bytes.subarray(0, start), false)) start--;
    return start;
}

/** Error for an undecodable byte at `offset` of the file, with its line and byte column. */
export async function undecodableError(file: string, offset: number, encoding: TextEncoding | null): Promise<DataFileError> {
    const handle = await fs.open(file, 'r');
    try {
        const head = Buffer.alloc(offset + 1);
        await handle.read(head, 0, offset + 1, 0);
        let line = 1, lineStart = 0;
        for (let i = 0; i < offset; i++) if (head[i] === 0x0a) { line++; lineStart = i + 1; }
        const byte = head[offset].toString(16).toUpperCase().padStart(2, '0');
        const what = encoding ? `not valid ${encoding === 'utf-8' ? 'UTF-8' : 'Shift_JIS'}` : 'neither valid UTF-8 nor valid Shift_JIS';
        return new DataFileError(file, line, offset - lineStart + 1,
            `byte 0x${byte} is ${what}; save the file as UTF-8 or pass --encoding ${encoding === 'utf-8' ? 'shift_jis' : 'utf-8'}`);
    } finally {
        await handle.close();
    }
}
