/**
 * A response or dataset file that cannot be read as a whole (not one bad value, which is an
 * exclusion): unterminated quote, invalid JSON, undecodable bytes, missing header column. The CLI
 * prints `file:line:column: message` and exits 2.
 */
export class DataFileError extends Error {
    constructor(readonly file: string, readonly line: number, readonly column: number, readonly detail: string) {
        super(`${file}:${line}:${column}: ${detail}`);
    }
}
