/**
 * Table-driven diagnostic tests: each case is a small spec that triggers one rule, the exact lines
 * `cxspec validate` prints for it, and an edit that makes the spec clean.
 */
import { describe, expect, it } from 'vitest';
import { buildFiles } from './spec-workspace.js';

export interface DiagnosticCase {
    code: string;
    /** What the case shows, used as the test name. */
    title: string;
    /** The spec: one file `spec.cx`, or several files by name. */
    files: string | Record<string, string>;
    /** Exactly what is reported, as `file:line:col severity CODE message`. */
    expected: string[];
    /** Replaces the first occurrence of `from` (in `file`, default the first file holding it) by `to`. */
    fix: { from: string; to: string; file?: string };
}

function filesOf(c: DiagnosticCase): Record<string, string> {
    return typeof c.files === 'string' ? { 'spec.cx': c.files } : c.files;
}

/** The case's files after its fix; fails loudly when the fix does not apply. */
export function fixedFiles(c: DiagnosticCase): Record<string, string> {
    const files = { ...filesOf(c) };
    const name = c.fix.file ?? Object.keys(files).find(f => files[f].includes(c.fix.from));
    if (!name || !files[name].includes(c.fix.from)) throw new Error(`fix of ${c.code} '${c.title}': '${c.fix.from}' not found`);
    files[name] = files[name].replace(c.fix.from, c.fix.to);
    return files;
}

/**
 * The formatted diagnostics, after checking that each carries its code both as the LSP `code` and
 * in `data.code`, where code actions and SARIF read it.
 */
export async function diagnosticLines(files: Record<string, string>): Promise<string[]> {
    const built = await buildFiles(files);
    for (const diagnostic of built.documents.flatMap(d => d.diagnostics ?? [])) {
        expect(diagnostic.code).toMatch(/^CX\d{3}$/);
        expect((diagnostic.data as { code?: string }).code).toBe(diagnostic.code);
    }
    return built.lines;
}

/** Registers two tests per case: the spec reports exactly the expected lines; the fixed spec none. */
export function describeDiagnosticCases(name: string, cases: readonly DiagnosticCase[]): void {
    describe(name, () => {
        for (const c of cases) {
            it(`${c.code} ${c.title}: reports exactly its diagnostics`, async () => {
                expect(await diagnosticLines(filesOf(c))).toEqual(c.expected);
            });
            it(`${c.code} ${c.title}: fixed spec is clean`, async () => {
                expect(await diagnosticLines(fixedFiles(c))).toEqual([]);
            });
        }
    });
}
