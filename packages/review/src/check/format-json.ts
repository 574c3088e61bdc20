import { ruleFor, summarize, type CheckReport } from './check-report.js';

/** The report as stable JSON: what was checked, the counts, and each diagnostic with its rule name. */
export function formatCheckJson(report: CheckReport): string {
    return JSON.stringify({
        files: report.files,
        specs: report.specs,
        summary: summarize(report.diagnostics),
        diagnostics: report.diagnostics.map(d => ({
            file: d.file,
            line: d.line,
            column: d.column,
            endLine: d.endLine,
            endColumn: d.endColumn,
            severity: d.severity,
            code: d.code,
            rule: ruleFor(d.code, d.severity).name,
            message: d.message
        }))
    }, null, 2);
}
