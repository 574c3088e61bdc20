/** The diff as a pull-request comment: counts, tables by severity, and the new journey map. */
import type { CxModel } from '@cxspec/language';
import { SEVERITIES, summarizeDiff, type Change, type ChangeSeverity, type DiffResult, type SpecDiff } from '../diff/change.js';
import { journeyFlowchart } from './mermaid.js';

/** First line of every comment, so a CI job can find and update its earlier comment. */
export const DIFF_COMMENT_MARKER = '<!-- cxspec-diff -->';

const HEADINGS: Record<ChangeSeverity, string> = { 'breaking': 'Breaking', 'non-breaking': 'Non-breaking', 'cosmetic': 'Cosmetic' };

export function formatDiffMarkdown(result: DiffResult, newModels: readonly CxModel[]): string {
    const s = summarizeDiff(result);
    const out = [DIFF_COMMENT_MARKER, '## CXSpec semantic diff', ''];
    out.push(s.breaking > 0
        ? `**${s.breaking} breaking** change(s): responses collected before this change are not comparable with those after it.`
        : 'No breaking changes: responses collected before and after stay comparable.');
    out.push('', `| Spec | Breaking | Non-breaking | Cosmetic |`, '|---|---:|---:|---:|');
    for (const spec of result.specs) {
        const count = (sev: ChangeSeverity) => spec.changes.filter(c => c.severity === sev).length;
        out.push(`| ${code(spec.spec)} | ${count('breaking')} | ${count('non-breaking')} | ${count('cosmetic')} |`);
    }
    for (const spec of result.specs) out.push('', ...specSection(spec, newModels.find(m => m.spec.name === spec.spec)));
    return out.join('\n') + '\n';
}

function specSection(spec: SpecDiff, model: CxModel | undefined): string[] {
    const out = [`### ${code(spec.spec)}`, ''];
    if (spec.changes.length === 0) out.push('No semantic changes.', '');
    for (const severity of SEVERITIES) {
        const changes = spec.changes.filter(c => c.severity === severity);
        if (changes.length === 0) continue;
        const table = ['| Change | Where | What |', '|---|---|---|', ...changes.map(row)];
        // Cosmetic edits are folded away: reviewers look at them last, if at all.
        if (severity === 'cosmetic') out.push(`<details><summary>${HEADINGS[severity]} (${changes.length})</summary>`, '', ...table, '', '</details>', '');
        else out.push(`#### ${HEADINGS[severity]} (${changes.length})`, '', ...table, '');
    }
    if (model && model.journeys.length > 0) {
        const named = (kind: Change['kind']) => new Set(spec.changes.filter(c => c.kind === kind).map(c => c.subject.split(' > ').at(-1)!.replace(/^touchpoint /, '')));
        out.push('#### Journey map (new version)', '', '```mermaid',
            journeyFlowchart(model, { added: named('touchpoint.added'), moved: named('touchpoint.moved') }), '```', '');
    }
    return out;
}

function row(c: Change): string {
    const detail = c.before !== undefined || c.after !== undefined ? `<br>${cell(c.before ?? '(none)')} → ${cell(c.after ?? '(none)')}` : '';
    const where = c.loc ? `${code(c.subject)}<br>${cell(`${c.loc.file}:${c.loc.line}`)}` : code(c.subject);
    return `| ${code(c.kind)} | ${where} | ${cell(c.message)}${detail} |`;
}

/** Inline code for names (CXSpec names never hold backticks); `|` still needs escaping in a table. */
function code(text: string): string {
    return '`' + text.replace(/\|/g, '\\|') + '`';
}

/** Free text (labels, messages) in a table cell: no HTML, no Markdown emphasis or links, one line. */
export function cell(text: string): string {
    return text
        .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
        .replace(/[\\`*_[\]|~]/g, ch => `\\${ch}`)
        .replace(/\r\n|\r|\n/g, '<br>');
}
