/**
 * Dot-and-whisker chart of one metric: the value as a dot, its 95% interval as a whisker, the
 * target as a solid line and the warning threshold as a dashed one, on the metric's own axis.
 */
import type { MetricResult } from '../../result.js';
import { formatCi, formatTarget, formatValue } from '../format.js';
import type { Labels } from '../labels.js';
import { el, textWidth, thinTicks, tickText, linear, niceDomain, px, svgRoot, text } from '../svg.js';
import { axisValues, unitBounds, verdictClass } from './common.js';

const W = 320;
const H = 56;
const PAD = 16;
const MID = 20;
const AXIS = 36;

export function targetChart(id: string, m: MetricResult, title: string, l: Labels): string {
    const { domain, ticks, step } = niceDomain(axisValues(m, [m]), unitBounds(m.unit), 4);
    const label = (t: number): string => tickText(t, step, m.unit === 'percent');
    // Room at both ends for half of the widest tick label, so end labels are not cut off.
    const pad = Math.max(PAD, Math.max(...ticks.map(t => textWidth(label(t), 11))) / 2 + 4);
    const x = linear(domain, [pad, W - pad]);
    const parts: string[] = [`<path class="axis" d="M${px(pad)},${AXIS}H${px(W - pad)}"/>`];
    for (const t of thinTicks(ticks, label, x, 11)) {
        parts.push(`<path class="tick" d="M${px(x(t))},${AXIS}v4"/>`, text(x(t), AXIS + 15, label(t), { class: 'tick-label', 'text-anchor': 'middle' }));
    }
    if (m.target !== null) {
        if (m.target.warning !== null) {
            parts.push(el('path', { class: 'warning-line', d: `M${px(x(m.target.warning))},4V${AXIS}` },
                `${l.warning} ${formatValue(m.target.warning, m.unit)}`));
        }
        parts.push(el('path', { class: 'target-line', d: `M${px(x(m.target.value))},2V${AXIS}` },
            `${l.target} ${formatTarget(m.target, m.unit, l.warning, l.noTarget)}`));
    }
    const verdict = m.verdict === null ? l.noTarget : l.verdict[m.verdict];
    if (m.ci !== null) {
        const [a, b] = [x(m.ci[0]), x(m.ci[1])];
        parts.push(el('path', { class: `whisker ${verdictClass(m.verdict)}`, d: `M${px(a)},${MID}H${px(b)}M${px(a)},${MID - 6}v12M${px(b)},${MID - 6}v12` },
            `${l.ci} ${formatCi(m.ci, m.unit)}`));
    }
    if (m.value !== null) {
        parts.push(el('circle', { class: `point ${verdictClass(m.verdict)}`, cx: x(m.value), cy: MID, r: 5.5 },
            `${title}: ${formatValue(m.value, m.unit)} ${formatCi(m.ci, m.unit)}, n = ${m.n}; ${verdict}`));
    } else {
        parts.push(text(W / 2, MID + 4, l.noData, { class: 'no-data', 'text-anchor': 'middle' }));
    }
    const desc = `${formatValue(m.value, m.unit)} ${formatCi(m.ci, m.unit)}; ${l.target} ${formatTarget(m.target, m.unit, l.warning, l.noTarget)}; ${verdict}`;
    return svgRoot(id, W, H, l.chartTargets(title), desc, parts.join(''), 'target-chart');
}
