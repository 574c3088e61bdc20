/**
 * A response or dataset file that cannot be read as a whole (not one bad value, which is an
 * exclusion): unterminated quote, invalid JSON, undecodable bytes, missing header column. The CLI
 * prints `file:line:column: message` and exits 2.
 */
import { CsvSyntaxError } from './csv-parser.js';

export class DataFileError extends Error {
    constructor(readonly file: string, readonly line: number, readonly column: number, readonly detail: string) {
        super(`${file}:${line}:${column}: ${detail}`);
    }
}

/**
 * What a failure while reading `file` is reported as: a CSV syntax error keeps its line and
 * column, a system error (EACCES, EISDIR...) names its code; anything else passes unchanged.
 */
export function readFailure(file: string, error: unknown): unknown {
    if (error instanceof CsvSyntaxError) return new DataFileError(file, error.line, error.column, error.message);
    const code = (error as NodeJS.ErrnoException).code;
    if (code && !(error instanceof DataFileError)) return new DataFileError(file, 1, 1, `cannot be read (${code})`);
    return error;
}
