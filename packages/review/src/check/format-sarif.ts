import { DIAGNOSTIC_RULES, type DiagnosticRule, type SpecDiagnostic } from '@cxspec/model';
import { ruleFor, type CheckReport } from './check-report.js';

/** Base id that result uris are relative to; code-scanning uploads resolve it to the checkout. */
export const SARIF_URI_BASE_ID = 'SRCROOT';

export interface SarifToolInfo {
    version: string;
}

const LEVELS: Record<SpecDiagnostic['severity'], 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/**
 * A SARIF 2.1.0 log with one run: every rule of the language (so viewers can show rules that did
 * not fire) and one result per diagnostic. Paths stay relative, so the output does not depend on
 * the machine it was made on.
 */
export function formatCheckSarif(report: CheckReport, tool: SarifToolInfo): string {
    const rules: DiagnosticRule[] = [...DIAGNOSTIC_RULES];
    for (const d of report.diagnostics) {
        if (!rules.some(r => r.code === d.code)) rules.push(ruleFor(d.code, d.severity));
    }
    const ruleIndex = new Map(rules.map((r, i) => [r.code, i]));
    const log = {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [{
            tool: {
                driver: {
                    name: 'cxspec',
                    version: tool.version,
                    rules: rules.map(sarifRule)
                }
            },
            // Langium positions count UTF-16 code units, as LSP does.
            columnKind: 'utf16CodeUnits',
            artifacts: report.files.map(file => ({ location: artifactLocation(file, -1) })),
            results: report.diagnostics.map(d => ({
                ruleId: d.code,
                ruleIndex: ruleIndex.get(d.code),
                level: LEVELS[d.severity],
                message: { text: d.message },
                locations: [{
                    physicalLocation: {
                        artifactLocation: artifactLocation(d.file, report.files.indexOf(d.file)),
                        region: { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn }
                    }
                }]
            }))
        }]
    };
    return JSON.stringify(log, null, 2);
}

function sarifRule(rule: DiagnosticRule) {
    return {
        id: rule.code,
        name: rule.name,
        shortDescription: { text: `${rule.code} ${rule.name}` },
        fullDescription: { text: rule.help },
        help: { text: rule.help },
        defaultConfiguration: { level: LEVELS[rule.severity] }
    };
}

function artifactLocation(file: string, index: number) {
    return { uri: fileUri(file), uriBaseId: SARIF_URI_BASE_ID, ...(index >= 0 ? { index } : {}) };
}

/** A relative path as a URI reference: each segment percent-encoded, `/` kept. */
export function fileUri(file: string): string {
    return file.split('/').map(encodeURIComponent).join('/');
}
