import path from 'node:path';
import { DIAGNOSTIC_RULES_BY_CODE, type DiagnosticRule, type SpecDiagnostic } from '@cxspec/model';

/** What every check format renders: the diagnostics of a workspace and what was checked. */
export interface CheckReport {
    files: string[];
    specs: string[];
    diagnostics: SpecDiagnostic[];
}

export interface CheckSummary {
    errors: number;
    warnings: number;
    infos: number;
    hints: number;
}

/** What `checkReport` reads of a built workspace (the language package's `CxWorkspace` fits). */
export interface CheckedWorkspace {
    documents: ReadonlyArray<{ uri: { fsPath: string } }>;
    specNames: string[];
    diagnostics: SpecDiagnostic[];
}

/** The report of a built workspace; `root` is the folder it was loaded with (paths are relative to it). */
export function checkReport(workspace: CheckedWorkspace, root: string): CheckReport {
    return {
        files: workspace.documents.map(d => path.relative(root, d.uri.fsPath).split(path.sep).join('/')).sort(),
        specs: workspace.specNames,
        diagnostics: workspace.diagnostics
    };
}

export function summarize(diagnostics: readonly SpecDiagnostic[]): CheckSummary {
    const count = (severity: SpecDiagnostic['severity']) => diagnostics.filter(d => d.severity === severity).length;
    return { errors: count('error'), warnings: count('warning'), infos: count('info'), hints: count('hint') };
}

/**
 * The rule behind a diagnostic code. A code outside the published table (which would be a bug in
 * the language package) still gets a rule, so no diagnostic is ever dropped from an output.
 */
export function ruleFor(code: string, severity: SpecDiagnostic['severity']): DiagnosticRule {
    return DIAGNOSTIC_RULES_BY_CODE.get(code)
        ?? { code, severity, name: 'unlisted', help: `Diagnostic ${code} is not in the CXSpec rule table; report it as a bug.` };
}
