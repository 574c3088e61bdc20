/**
 * A response or dataset file as every reader of one scoring run sees it: its format (from the
 * name), size, encoding (forced, or told from its first 8 KiB) and whether it starts with a UTF-8
 * BOM, decided once when it is opened. Readers and the split point take a DataFile, not a path, so
 * a file is classified and stat'd once per run; at the end of each read they check it still has
 * the size and modification time it was opened with (a file cut or appended to while it is read
 * is an error, never half a result).
 */
import fs from 'node:fs';
import path from 'node:path';
import { DataFileError, readFailure } from './data-file-error.js';
import { ENCODING_SAMPLE_BYTES, fileEncoding, hasUtf8Bom, type TextEncoding } from './decode.js';

export type FileFormat = 'csv' | 'ndjson' | 'surveyjs-json';

export interface DataFile {
    path: string;
    format: FileFormat;
    size: number;
    mtimeMs: number;
    /** Null when the first bytes are neither UTF-8 nor Shift_JIS (the reader says where). */
    encoding: TextEncoding | null;
    /** The file starts with a UTF-8 BOM that the readers skip (never when Shift_JIS is forced). */
    bom: boolean;
}

export function formatOf(file: string): FileFormat | null {
    switch (path.extname(file).toLowerCase()) {
        case '.csv': return 'csv';
        case '.ndjson': case '.jsonl': return 'ndjson';
        case '.json': return 'surveyjs-json';
        default: return null;
    }
}

/** What a file that is not a regular one is, for the message refusing it. */
function kindOf(stat: fs.Stats): string {
    if (stat.isDirectory()) return 'a folder';
    if (stat.isFIFO()) return 'a named pipe';
    if (stat.isSocket()) return 'a socket';
    if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
    return 'not a regular file';
}

/**
 * Opens a data file: stat, format and encoding. Only regular files are read: the size of a pipe or
 * device says nothing of what it holds, and opening a pipe blocks until something writes to it.
 */
export function openDataFile(file: string, forced?: TextEncoding): DataFile {
    const format = formatOf(file);
    if (!format) throw new DataFileError(file, 1, 1, 'unknown file type; name it .csv, .ndjson (or .jsonl) or .json');
    let stat: fs.Stats;
    try {
        stat = fs.statSync(file);
    } catch (error) {
        throw readFailure(file, error);
    }
    if (!stat.isFile()) throw new DataFileError(file, 1, 1, `is ${kindOf(stat)}, not a file; save the data to a file and score that`);
    const sample = Buffer.alloc(Math.min(ENCODING_SAMPLE_BYTES, stat.size));
    let fd: number | null = null;
    try {
        fd = fs.openSync(file, 'r');
        const head = sample.subarray(0, fs.readSync(fd, sample, 0, sample.length, 0));
        const encoding = fileEncoding(head, forced);
        return { path: file, format, size: stat.size, mtimeMs: stat.mtimeMs, encoding, bom: hasUtf8Bom(head) && encoding === 'utf-8' };
    } catch (error) {
        throw readFailure(file, error);
    } finally {
        if (fd !== null) fs.closeSync(fd);
    }
}

/**
 * Reads up to `length` bytes at `at` into `into` (from `offset`); throws when the file ends before
 * `end`, where it ended when it was opened (it was cut while being read).
 */
export function readAt(file: DataFile, fd: number, into: Uint8Array, offset: number, length: number, at: number): number {
    const n = fs.readSync(fd, into, offset, length, at);
    if (n === 0 && length > 0) throw changedError(file, fs.fstatSync(fd).size);
    return n;
}

/** Throws when the open file's size or modification time is no longer what it was opened with. */
export function checkUnchanged(file: DataFile, fd: number): void {
    const now = fs.fstatSync(fd);
    if (now.size !== file.size || now.mtimeMs !== file.mtimeMs) throw changedError(file, now.size);
}

function changedError(file: DataFile, size: number): DataFileError {
    const how = size === file.size ? 'was modified' : `went from ${file.size} to ${size} bytes`;
    return new DataFileError(file.path, 1, 1, `changed while it was read (it ${how}); score it again once it is complete`);
}
