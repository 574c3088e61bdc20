import { summarizeDiff, type DiffResult } from '../diff/change.js';

/** The diff as JSON: overall counts, then each spec with its counts and changes. */
export function formatDiffJson(result: DiffResult): string {
    return JSON.stringify({
        summary: summarizeDiff(result),
        specs: result.specs.map(spec => ({ spec: spec.spec, summary: summarizeDiff({ specs: [spec] }), changes: spec.changes }))
    }, null, 2);
}
