/**
 * Trend of one metric over its periods: the value as a line with a 95% interval band, the target as
 * a horizontal line and its warning threshold as a dashed one, a ring on periods whose change from the previous one is significant. Periods
 * without a value break the line instead of being bridged.
 */
import type { MetricResult, PeriodEstimate } from '../../result.js';
import { formatCi, formatDelta, formatP, formatTarget, formatValue } from '../format.js';
import type { Labels } from '../labels.js';
import { el, tickText, linear, niceDomain, px, svgRoot, text } from '../svg.js';
import { axisValues, unitBounds, verdictClass } from './common.js';

const W = 720;
const H = 240;
const LEFT = 64;
const RIGHT = 24;
const TOP = 16;
const BOTTOM = 48;

/** Runs of consecutive periods for which `has` holds. */
function runs(periods: PeriodEstimate[], has: (p: PeriodEstimate) => boolean): number[][] {
    const out: number[][] = [];
    let current: number[] = [];
    periods.forEach((p, i) => {
        if (has(p)) current.push(i);
        else if (current.length > 0) { out.push(current); current = []; }
    });
    if (current.length > 0) out.push(current);
    return out;
}

export function trendChart(id: string, m: MetricResult, title: string, l: Labels): string {
    const periods = m.periods;
    const { domain, ticks, step: tickStep } = niceDomain(axisValues(m, periods), unitBounds(m.unit));
    const y = linear(domain, [H - BOTTOM, TOP]);
    const step = (W - LEFT - RIGHT) / periods.length;
    const x = (i: number): number => LEFT + (i + 0.5) * step;
    const parts: string[] = [];
    for (const t of ticks) {
        parts.push(`<path class="grid" d="M${LEFT},${px(y(t))}H${W - RIGHT}"/>`,
            text(LEFT - 8, y(t) + 4, tickText(t, tickStep, m.unit === 'percent'), { class: 'tick-label', 'text-anchor': 'end' }));
    }
    // Every label when they fit, else every k-th, always keeping the last period readable.
    const every = Math.max(1, Math.ceil(periods.length / Math.floor((W - LEFT - RIGHT) / 64)));
    periods.forEach((p, i) => {
        if (i % every === 0 || i === periods.length - 1) {
            parts.push(text(x(i), H - BOTTOM + 18, p.period, { class: 'tick-label', 'text-anchor': 'middle' }));
        }
    });
    parts.push(`<path class="axis" d="M${LEFT},${H - BOTTOM}H${W - RIGHT}"/>`);
    const band = runs(periods, p => p.ci !== null).map(run => {
        const upper = run.map(i => `${px(x(i))},${px(y(periods[i].ci![1]))}`);
        const lower = run.slice().reverse().map(i => `${px(x(i))},${px(y(periods[i].ci![0]))}`);
        // A single period still gets a visible band: a short bar across its slot.
        if (run.length === 1) {
            const i = run[0];
            return `M${px(x(i) - 6)},${px(y(periods[i].ci![1]))}H${px(x(i) + 6)}V${px(y(periods[i].ci![0]))}H${px(x(i) - 6)}Z`;
        }
        return `M${upper.join('L')}L${lower.join('L')}Z`;
    }).join('');
    if (band !== '') parts.push(el('path', { class: 'ci-band', d: band }, l.ci));
    // Line labels go at the end whose last (or first) point lies farther from the target line, so a
    // value sitting on the target does not hide its label.
    const labelAt = ((): { x: number; anchor: 'start' | 'end' } => {
        const valued = periods.map((p, i) => ({ v: p.value, i })).filter((p): p is { v: number; i: number } => p.v !== null);
        if (m.target === null || valued.length === 0) return { x: W - RIGHT, anchor: 'end' };
        const ty = y(m.target.value);
        const [first, last] = [valued[0], valued[valued.length - 1]];
        return Math.abs(y(first.v) - ty) > Math.abs(y(last.v) - ty) ? { x: LEFT + 4, anchor: 'start' } : { x: W - RIGHT, anchor: 'end' };
    })();
    if (m.target !== null && m.target.warning !== null) {
        const wy = y(m.target.warning);
        // The target's label sits above its line; a warning line drawn below it labels itself below.
        const below = wy > y(m.target.value);
        parts.push(el('path', { class: 'warning-line', d: `M${LEFT},${px(wy)}H${W - RIGHT}` }, `${l.warning} ${formatValue(m.target.warning, m.unit)}`),
            text(labelAt.x, below ? wy + 13 : wy - 5, `${l.warning} ${formatValue(m.target.warning, m.unit)}`, { class: 'warning-label', 'text-anchor': labelAt.anchor }));
    }
    if (m.target !== null) {
        const ty = y(m.target.value);
        parts.push(el('path', { class: 'target-line', d: `M${LEFT},${px(ty)}H${W - RIGHT}` },
            `${l.target} ${formatTarget(m.target, m.unit, l.warning, l.noTarget)}`),
        text(labelAt.x, ty - 5, `${l.target} ${formatValue(m.target.value, m.unit)}`, { class: 'target-label', 'text-anchor': labelAt.anchor }));
    }
    const line = runs(periods, p => p.value !== null).map(run => `M${run.map(i => `${px(x(i))},${px(y(periods[i].value!))}`).join('L')}`).join('');
    if (line !== '') parts.push(el('path', { class: 'period-line', d: line }));
    periods.forEach((p, i) => {
        if (p.value === null) {
            parts.push(text(x(i), H - BOTTOM - 6, l.noData, { class: 'no-data', 'text-anchor': 'middle' }));
            return;
        }
        const change = p.change === null ? '' : `; ${l.change} ${formatDelta(p.change.delta, m.unit)} (${formatP(p.change.pValue)}, ${p.change.significant ? l.significant : l.notSignificant})`;
        const verdict = p.verdict === null ? l.noTarget : l.verdict[p.verdict];
        if (p.change?.significant === true) {
            parts.push(el('circle', { class: 'change-ring', cx: x(i), cy: y(p.value), r: 9 }));
        }
        parts.push(el('circle', { class: `point ${verdictClass(p.verdict)}`, cx: x(i), cy: y(p.value), r: 4.5 },
            `${p.period}: ${formatValue(p.value, m.unit)} ${formatCi(p.ci, m.unit)}, n = ${p.n}; ${verdict}${change}`));
    });
    const desc = periods.map(p => `${p.period} ${formatValue(p.value, m.unit)}`).join(', ');
    return svgRoot(id, W, H, l.chartTrend(title), desc, parts.join(''), 'trend-chart');
}
