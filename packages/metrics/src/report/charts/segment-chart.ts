/**
 * Segment comparison of one metric: a bar per segment (and one for everyone) from the axis
 * baseline to the value, the 95% interval as a whisker, the target as a vertical line.
 */
import type { Estimate, MetricResult } from '../../result.js';
import { formatCi, formatTarget, formatValue } from '../format.js';
import { escapeHtml as esc } from '@cxspec/model';
import type { Labels } from '../labels.js';
import { el, textWidth, thinTicks, tickText, fitText, linear, niceDomain, px, svgRoot, text } from '../svg.js';
import { axisValues, unitBounds, verdictClass } from './common.js';

const W = 720;
const LABEL = 200;
const RIGHT = 88;
const TOP = 12;
const ROW = 30;
const AXIS = 28;

export interface SegmentRow {
    label: string;
    estimate: Estimate;
}

/**
 * The value label beside its bar, never on it: past the bar's outer end (and its whisker), which for
 * a negative value is its left end; when that side has no room before the row labels, just right of
 * the bar's zero end instead. A label the target line would cross moves past the line.
 */
function valueLabel(label: string, negative: boolean, lo: number, hi: number, cy: number, targetX: number | null): string {
    const w = textWidth(label, 11);
    const crosses = (left: number): boolean => targetX !== null && targetX >= left - 2 && targetX <= left + w + 2;
    if (negative && lo - 6 - w >= LABEL) {
        let right = lo - 6;
        if (crosses(right - w)) right = Math.min(right, (targetX as number) - 6);
        if (right - w >= LABEL) return text(right, cy + 4, label, { class: 'value-label', 'text-anchor': 'end' });
    }
    let left = hi + 6;
    if (crosses(left)) left = (targetX as number) + 6;
    return text(left, cy + 4, label, { class: 'value-label' });
}

export function segmentChart(id: string, m: MetricResult, title: string, rows: SegmentRow[], l: Labels): string {
    const values = axisValues(m, rows.map(r => r.estimate));
    // Shares, points and amounts are read against zero; a rating mean against its own range.
    if (m.unit !== 'scale') values.push(0);
    const { domain, ticks, step } = niceDomain(values, unitBounds(m.unit));
    const x = linear(domain, [LABEL, W - RIGHT]);
    // Bars grow from zero when the axis spans it, else from the axis' low end (rating means).
    const base = domain[0] <= 0 && domain[1] >= 0 ? 0 : domain[0];
    const H = TOP + rows.length * ROW + AXIS;
    const bottom = TOP + rows.length * ROW;
    const parts: string[] = [];
    // Value labels go last so the target line passes behind them.
    const labels: string[] = [];
    const targetX = m.target === null ? null : x(m.target.value);
    const tickLabel = (t: number): string => tickText(t, step, m.unit === 'percent');
    for (const t of thinTicks(ticks, tickLabel, x, 11)) {
        parts.push(`<path class="grid" d="M${px(x(t))},${TOP}V${bottom}"/>`,
            text(x(t), bottom + 16, tickLabel(t), { class: 'tick-label', 'text-anchor': 'middle' }));
    }
    rows.forEach((row, i) => {
        const e = row.estimate;
        const cy = TOP + i * ROW + ROW / 2;
        const verdict = e.verdict === null ? l.noTarget : l.verdict[e.verdict];
        parts.push(el('text', { x: LABEL - 10, y: cy + 4, class: 'row-label', 'text-anchor': 'end' }, row.label,
            esc(fitText(row.label, 12, LABEL - 16))));
        if (e.value === null) {
            parts.push(text(LABEL + 8, cy + 4, l.noData, { class: 'no-data' }));
            return;
        }
        const [a, b] = [x(base), x(e.value)];
        parts.push(el('rect', { class: `bar ${verdictClass(e.verdict)}`, x: Math.min(a, b), y: cy - 9, width: Math.max(1, Math.abs(b - a)), height: 18 },
            `${row.label}: ${formatValue(e.value, m.unit)} ${formatCi(e.ci, m.unit)}, n = ${e.n}; ${verdict}`));
        let [lo, hi] = [Math.min(a, b), Math.max(a, b)];
        if (e.ci !== null) {
            const [c0, c1] = [x(e.ci[0]), x(e.ci[1])];
            parts.push(el('path', { class: 'whisker', d: `M${px(c0)},${cy}H${px(c1)}M${px(c0)},${cy - 6}v12M${px(c1)},${cy - 6}v12` },
                `${l.ci} ${formatCi(e.ci, m.unit)}`));
            [lo, hi] = [Math.min(lo, c0), Math.max(hi, c1)];
        }
        labels.push(valueLabel(`${formatValue(e.value, m.unit)}  n=${e.n}`, e.value < base, lo, hi, cy, targetX));
    });
    parts.push(`<path class="axis" d="M${px(x(base))},${TOP}V${bottom}"/>`);
    if (m.target !== null) {
        parts.push(el('path', { class: 'target-line', d: `M${px(x(m.target.value))},${TOP - 6}V${bottom}` },
            `${l.target} ${formatTarget(m.target, m.unit, l.warning, l.noTarget)}`));
    }
    parts.push(...labels);
    const desc = rows.map(r => `${r.label} ${formatValue(r.estimate.value, m.unit)}`).join(', ');
    return svgRoot(id, W, H, l.chartSegments(title), desc, parts.join(''), 'segment-chart');
}
