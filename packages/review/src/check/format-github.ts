import type { SpecDiagnostic } from '@cxspec/model';
import type { CheckReport } from './check-report.js';

/**
 * GitHub Actions workflow commands (`::error file=...,line=...::message`), which the runner turns
 * into annotations on the pull request's changed lines.
 */
export function formatCheckGithub(report: CheckReport): string {
    return report.diagnostics.map(githubAnnotation).join('\n');
}

const COMMANDS: Record<SpecDiagnostic['severity'], string> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };

export function githubAnnotation(d: SpecDiagnostic): string {
    const properties = [
        ['file', d.file], ['line', d.line], ['col', d.column], ['endLine', d.endLine], ['endColumn', d.endColumn], ['title', d.code]
    ].map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(',');
    return `::${COMMANDS[d.severity]} ${properties}::${escapeData(d.message)}`;
}

/** The runner's escaping of a command's message (as in @actions/core `escapeData`). */
export function escapeData(text: string): string {
    return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Property values additionally escape the separators `:` and `,` (as in @actions/core `escapeProperty`). */
export function escapeProperty(text: string): string {
    return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
