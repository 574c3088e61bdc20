import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type CxModel } from '@cxspec/model';
import { loadWorkspace } from '@cxspec/language';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
export const EXAMPLES_DIR = path.join(REPO_ROOT, 'examples');

/** Folder names of the bundled examples, sorted. */
export const EXAMPLE_NAMES = fs.readdirSync(EXAMPLES_DIR, { withFileTypes: true })
    .filter(e => e.isDirectory() && fs.readdirSync(path.join(EXAMPLES_DIR, e.name)).some(f => f.endsWith('.cx')))
    .map(e => e.name)
    .sort();

/** The CX model of an example, with source paths relative to the repository root. */
export async function exampleModel(name: string): Promise<CxModel> {
    const workspace = await loadWorkspace([path.join(EXAMPLES_DIR, name)], { root: REPO_ROOT });
    if (workspace.hasErrors) throw new Error(`example ${name} has errors: ${JSON.stringify(workspace.diagnostics)}`);
    if (workspace.specNames.length !== 1) throw new Error(`example ${name} holds ${workspace.specNames.length} specs`);
    return workspace.model(workspace.specNames[0]);
}
