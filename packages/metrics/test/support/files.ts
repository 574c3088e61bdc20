/** Temporary data files and example specs for the evaluator tests. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type CxModel } from '@cxspec/model';
import { loadWorkspace } from '@cxspec/language';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

export function tempDir(prefix: string): { dir: string; write(name: string, content: string | Uint8Array): string; remove(): void } {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    return {
        dir,
        write(name, content) {
            const file = path.join(dir, name);
            fs.writeFileSync(file, content);
            return file;
        },
        remove: () => fs.rmSync(dir, { recursive: true, force: true })
    };
}

/** The CX model of an example spec folder under examples/. */
export async function exampleModel(folder: string): Promise<CxModel> {
    const ws = await loadWorkspace([path.join(REPO, 'examples', folder)], { root: REPO });
    if (ws.hasErrors) throw new Error(`examples/${folder} has errors`);
    return ws.model(ws.specNames[0]);
}

export function csv(rows: Array<Array<string | number | boolean>>): string {
    return rows.map(r => r.join(',')).join('\r\n') + '\r\n';
}
