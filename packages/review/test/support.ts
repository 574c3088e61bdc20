import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type CxModel } from '@cxspec/model';
import { loadWorkspace } from '@cxspec/language';

export const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

/** The CX models of a fixture folder, failing loudly when a fixture itself has errors. */
export async function fixtureModels(folder: string): Promise<CxModel[]> {
    const workspace = await loadWorkspace([path.join(FIXTURES, folder)], { root: FIXTURES });
    const errors = workspace.diagnostics.filter(d => d.severity === 'error');
    if (errors.length > 0) throw new Error(`fixture ${folder} has errors: ${errors.map(e => `${e.file}:${e.line} ${e.message}`).join('; ')}`);
    return workspace.specNames.map(n => workspace.model(n));
}

/** `severity kind subject` per change: what the diff tests compare exactly. */
export function outline(changes: ReadonlyArray<{ severity: string; kind: string; subject: string }>): string[] {
    return changes.map(c => `${c.severity} ${c.kind} ${c.subject}`);
}
