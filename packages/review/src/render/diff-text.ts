/** The diff for a terminal or a CI log: one line per change, grouped by spec. */
import { summarizeDiff, type DiffResult } from '../diff/change.js';

export function formatDiffText(result: DiffResult): string {
    const out: string[] = [];
    for (const spec of result.specs) {
        const s = summarizeDiff({ specs: [spec] });
        out.push(`${spec.spec}: ${s.breaking} breaking, ${s['non-breaking']} non-breaking, ${s.cosmetic} cosmetic`);
        const width = Math.max(0, ...spec.changes.map(c => c.kind.length));
        for (const c of spec.changes) {
            out.push(`  ${c.severity.padEnd(12)} ${c.kind.padEnd(width)}  ${c.subject}: ${c.message}`);
            if (c.before !== undefined || c.after !== undefined) {
                out.push(`  ${''.padEnd(12)} ${''.padEnd(width)}  - ${oneLine(c.before ?? '(none)')}`, `  ${''.padEnd(12)} ${''.padEnd(width)}  + ${oneLine(c.after ?? '(none)')}`);
            }
        }
    }
    return out.join('\n');
}

function oneLine(text: string): string {
    return text.replace(/\r\n|\r|\n/g, '\\n');
}
