import { formatDiagnostic } from '@cxspec/model';
import { summarize, type CheckReport } from './check-report.js';

/** One `file:line:col severity CODE message` line per diagnostic, the same lines as `cxspec validate`. */
export function formatCheckText(report: CheckReport): string {
    return report.diagnostics.map(formatDiagnostic).join('\n');
}

/** The closing count line, e.g. `3 file(s), 1 spec(s): 2 error(s), 1 warning(s)`. */
export function formatCheckSummary(report: CheckReport): string {
    const s = summarize(report.diagnostics);
    const extra = [s.infos > 0 ? `, ${s.infos} info(s)` : '', s.hints > 0 ? `, ${s.hints} hint(s)` : ''].join('');
    return `${report.files.length} file(s), ${report.specs.length} spec(s): ${s.errors} error(s), ${s.warnings} warning(s)${extra}`;
}
