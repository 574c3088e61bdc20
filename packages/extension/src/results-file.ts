/**
 * The score results the preview colours its journey map with, in VS Code: a `cxspec score
 * --format json` file kept beside the spec (`<Spec>.result.json` in the folder of the spec's
 * file), or the file the `cxspec.preview.results` setting names. No vscode import, so the rules
 * are tested directly.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { readResults, ResultsError, type PreviewResults } from '@cxspec/preview';

/** `${spec}` in the setting stands for the spec's name, so one setting serves every spec of a workspace. */
export const SpecPlaceholder = '${spec}';

/**
 * Where the results of a spec are looked for. `setting` empty: `<Spec>.result.json` beside the
 * spec's file; otherwise the setting's path, relative to the workspace folder (or the spec's
 * folder outside a workspace), with `${spec}` replaced by the spec's name.
 */
export function resultsFileOf(specFile: string, specName: string, setting: string, workspaceFolder: string | undefined): string {
    const folder = path.dirname(specFile);
    if (setting.trim() === '') return path.join(folder, `${specName}.result.json`);
    return path.resolve(workspaceFolder ?? folder, setting.trim().split(SpecPlaceholder).join(specName));
}

export type LoadedResults =
    | { kind: 'none'; file: string }
    | { kind: 'loaded'; file: string; results: PreviewResults }
    | { kind: 'invalid'; file: string; reason: string };

/** Reads a results file: none when it does not exist, the reason when it is not a score result. */
export async function loadResultsFile(file: string): Promise<LoadedResults> {
    let text: string;
    try {
        text = await fs.readFile(file, 'utf8');
    } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'none', file };
        return { kind: 'invalid', file, reason: `cannot be read (${code ?? String(error)})` };
    }
    let json: unknown;
    try {
        json = JSON.parse(text);
    } catch (error) {
        return { kind: 'invalid', file, reason: `is not JSON (${error instanceof Error ? error.message : String(error)})` };
    }
    try {
        return { kind: 'loaded', file, results: readResults(json) };
    } catch (error) {
        if (error instanceof ResultsError) return { kind: 'invalid', file, reason: `is not a score result: ${error.message}` };
        throw error;
    }
}

/**
 * Results for a model's metrics only: a file scored from an older version of the spec may name
 * metrics that are gone, and those are counted so the user is told rather than left guessing.
 */
export function resultsForModel(results: PreviewResults, metricNames: readonly string[]): { results: PreviewResults; unknown: string[] } {
    const known = new Set(metricNames);
    const kept: PreviewResults = {};
    const unknown: string[] = [];
    for (const [name, score] of Object.entries(results)) {
        if (known.has(name)) kept[name] = score;
        else unknown.push(name);
    }
    return { results: kept, unknown: unknown.sort() };
}
