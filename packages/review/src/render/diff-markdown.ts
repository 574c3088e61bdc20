/** The diff as a pull-request comment: counts, tables by severity, and the new journey map. */
import { escapeMarkdown, type CxModel } from '@cxspec/model';
import { SEVERITIES, summarizeDiff, type Change, type ChangeSeverity, type DiffResult, type SpecDiff } from '../diff/change.js';
import { journeyFlowchart } from './mermaid.js';

/** First line of every comment, so a CI job can find and update its earlier comment. */
export const DIFF_COMMENT_MARKER = '<!-- cxspec-diff -->';

const HEADINGS: Record<ChangeSeverity, string> = { 'breaking': 'Breaking', 'non-breaking': 'Non-breaking', 'cosmetic': 'Cosmetic' };

/** GitHub refuses comments longer than 65,536 characters; stay below with room for a footer. */
export const COMMENT_LIMIT = 65_000;

export interface MarkdownOptions {
    /** Longest comment to produce (default COMMENT_LIMIT). */
    maxLength?: number;
}

/** What a too-long comment leaves out: rows per severity table beyond a cap, then the journey maps. */
interface Budget {
    rows: Record<ChangeSeverity, number>;
    maps: boolean;
}

/**
 * The comment. When it would be too long for the code host, it leaves out cosmetic rows, then
 * non-breaking rows, then the journey maps, then breaking rows, stating each omission.
 */
export function formatDiffMarkdown(result: DiffResult, newModels: readonly CxModel[], options: MarkdownOptions = {}): string {
    const max = options.maxLength ?? COMMENT_LIMIT;
    const budget: Budget = { rows: { 'breaking': Infinity, 'non-breaking': Infinity, 'cosmetic': Infinity }, maps: true };
    let text = render(result, newModels, budget);
    const largest = Math.max(0, ...result.specs.map(s => s.changes.length));
    const shorten = (severity: ChangeSeverity) => {
        for (let rows = largest; text.length > max && rows > 0; rows = Math.floor(rows / 2)) {
            budget.rows[severity] = Math.floor(rows / 2);
            text = render(result, newModels, budget);
        }
    };
    shorten('cosmetic');
    shorten('non-breaking');
    if (text.length > max) {
        budget.maps = false;
        text = render(result, newModels, budget);
    }
    shorten('breaking');
    return text;
}

function render(result: DiffResult, newModels: readonly CxModel[], budget: Budget): string {
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
    for (const spec of result.specs) out.push('', ...specSection(spec, newModels.find(m => m.spec.name === spec.spec), budget));
    return out.join('\n') + '\n';
}

function specSection(spec: SpecDiff, model: CxModel | undefined, budget: Budget): string[] {
    const out = [`### ${code(spec.spec)}`, ''];
    if (spec.changes.length === 0) out.push('No semantic changes.', '');
    for (const severity of SEVERITIES) {
        const changes = spec.changes.filter(c => c.severity === severity);
        if (changes.length === 0) continue;
        const shown = changes.slice(0, budget.rows[severity]);
        const table = ['| Change | Where | What |', '|---|---|---|', ...shown.map(row)];
        if (shown.length < changes.length) {
            table.push(`| | | ${changes.length - shown.length} more change(s) not shown to keep this comment within the size limit; run \`cxspec diff --format text\` for all. |`);
        }
        // Cosmetic edits are folded away: reviewers look at them last, if at all.
        if (severity === 'cosmetic') out.push(`<details><summary>${HEADINGS[severity]} (${changes.length})</summary>`, '', ...table, '', '</details>', '');
        else out.push(`#### ${HEADINGS[severity]} (${changes.length})`, '', ...table, '');
    }
    if (model && model.journeys.length > 0) {
        if (!budget.maps) {
            out.push('The journey map is left out to keep this comment within the size limit.', '');
            return out;
        }
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

/** Free text (labels, messages) in a table cell: no HTML, no Markdown emphasis or links, no mentions or references, one line. */
export function cell(text: string): string {
    return escapeMarkdown(text).replace(/\r\n|\r|\n/g, '<br>');
}
