import type { Severity } from './diagnostics.js';
import { oneLine } from './texts/one-line.js';

export interface SpecDiagnostic {
    /** Path as given on the command line or relative to the workspace root. */
    file: string;
    /** 1-based. */
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
    severity: Severity;
    code: string;
    message: string;
}

/** A file or folder that could not be read; the CLI exits 2 on it. */
export class InputError extends Error {
    readonly file: string;
    constructor(file: string, message: string) {
        super(`${file}: ${message}`);
        this.file = file;
    }
}

/** `file:line:col severity CODE message`, the format editors and CI logs link from. */
export function formatDiagnostic(d: SpecDiagnostic): string {
    // File names and messages quote user content; the line stays one line whatever it holds.
    return `${oneLine(d.file)}:${d.line}:${d.column} ${d.severity} ${d.code} ${oneLine(d.message)}`;
}
