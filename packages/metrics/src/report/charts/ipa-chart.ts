/**
 * Importance-performance scatter (Martilla & James 1977): each driver placed by its performance
 * (top-box %) and its importance to the outcome, split into four quadrants at the analysis'
 * thresholds, each quadrant named, each driver labelled.
 */
import type { DriverAnalysisResult, DriverResult, Quadrant } from '../../result.js';
import { fixed } from '../format.js';
import { driverImportance } from '../drivers.js';
import { escapeHtml as esc } from '@cxspec/model';
import type { Labels } from '../labels.js';
import { el, tickText, linear, niceDomain, px, svgRoot, text, textWidth } from '../svg.js';

const W = 720;
const H = 440;
const LEFT = 64;
const RIGHT = 24;
const TOP = 16;
const BOTTOM = 48;
const FONT = 12;

interface Placed {
    r: DriverResult;
    label: string;
    px: number;
    py: number;
    lx: number;
    ly: number;
    anchor: 'start' | 'end';
}

/** Label positions beside the points, pushed down until no two label boxes overlap. */
function placeLabels(points: Omit<Placed, 'lx' | 'ly' | 'anchor'>[]): Placed[] {
    const placed: Placed[] = [];
    const sorted = points.slice().sort((a, b) => a.py - b.py || a.px - b.px);
    for (const p of sorted) {
        const w = textWidth(p.label, FONT);
        const anchor = p.px + 10 + w > W - RIGHT ? 'end' : 'start';
        const left = anchor === 'start' ? p.px + 10 : p.px - 10 - w;
        let ly = p.py + 4;
        const overlaps = (q: Placed): boolean => {
            const qw = textWidth(q.label, FONT);
            const qLeft = q.anchor === 'start' ? q.lx : q.lx - qw;
            return left < qLeft + qw && qLeft < left + w && Math.abs(q.ly - ly) < FONT + 2;
        };
        while (placed.some(overlaps)) ly += 4;
        placed.push({ ...p, lx: anchor === 'start' ? p.px + 10 : p.px - 10, ly, anchor });
    }
    return placed;
}

/**
 * `driverTitle` names a driver in full (tooltip, description); `shortName` labels its point (the
 * touchpoint's name or the question text cut short: drivers are often titled with the whole question).
 */
export function ipaChart(id: string, d: DriverAnalysisResult, title: string, driverTitle: (r: DriverResult) => string,
    shortName: (r: DriverResult) => string, l: Labels): string {
    const plotted = d.drivers.filter(r => r.importance !== null && r.performance.topBox !== null);
    const xs = plotted.map(r => r.performance.topBox as number);
    const ys = plotted.map(r => r.importance as number);
    if (d.thresholds.performance !== null) xs.push(d.thresholds.performance);
    if (d.thresholds.importance !== null) ys.push(d.thresholds.importance);
    const xd = niceDomain(xs, [0, 100]);
    const yd = niceDomain(ys, d.method === 'correlation' ? [-1, 1] : [0, 100]);
    const x = linear(xd.domain, [LEFT, W - RIGHT]);
    const y = linear(yd.domain, [H - BOTTOM, TOP]);
    const tx = x(d.thresholds.performance ?? (xd.domain[0] + xd.domain[1]) / 2);
    const ty = y(d.thresholds.importance ?? (yd.domain[0] + yd.domain[1]) / 2);
    const parts: string[] = [];
    const quads: [Quadrant, number, number, number, number, 'start' | 'end', number, number][] = [
        ['concentrate', LEFT, TOP, tx - LEFT, ty - TOP, 'start', LEFT + 8, TOP + 16],
        ['keep_up', tx, TOP, W - RIGHT - tx, ty - TOP, 'end', W - RIGHT - 8, TOP + 16],
        ['low_priority', LEFT, ty, tx - LEFT, H - BOTTOM - ty, 'start', LEFT + 8, H - BOTTOM - 8],
        ['possible_overkill', tx, ty, W - RIGHT - tx, H - BOTTOM - ty, 'end', W - RIGHT - 8, H - BOTTOM - 8]
    ];
    for (const [q, qx, qy, qw, qh] of quads) {
        parts.push(el('rect', { class: `quadrant q-${q}`, x: qx, y: qy, width: Math.max(0, qw), height: Math.max(0, qh) }));
    }
    for (const t of xd.ticks) {
        parts.push(text(x(t), H - BOTTOM + 16, tickText(t, xd.step, true), { class: 'tick-label', 'text-anchor': 'middle' }));
    }
    for (const t of yd.ticks) {
        const label = tickText(t, yd.step, d.method !== 'correlation');
        parts.push(text(LEFT - 8, y(t) + 4, label, { class: 'tick-label', 'text-anchor': 'end' }));
    }
    parts.push(`<path class="axis" d="M${LEFT},${TOP}V${H - BOTTOM}H${W - RIGHT}"/>`,
        el('path', { class: 'threshold-line', d: `M${px(tx)},${TOP}V${H - BOTTOM}M${LEFT},${px(ty)}H${W - RIGHT}` }),
        text((LEFT + W - RIGHT) / 2, H - 10, l.axisPerformance, { class: 'axis-title', 'text-anchor': 'middle' }),
        text(16, (TOP + H - BOTTOM) / 2, l.axisImportance, { class: 'axis-title', 'text-anchor': 'middle', transform: `rotate(-90 16 ${px((TOP + H - BOTTOM) / 2)})` }));
    for (const [q, , , , , anchor, lx, ly] of quads) {
        parts.push(text(lx, ly, l.quadrants[q], { class: `quadrant-label ql-${q}`, 'text-anchor': anchor }));
    }
    const placed = placeLabels(plotted.map(r => ({
        r, label: `${r.rank}. ${shortName(r)}`, px: x(r.performance.topBox as number), py: y(r.importance as number)
    })));
    for (const p of placed) {
        const quadrant = p.r.quadrant === null ? '' : `; ${l.quadrants[p.r.quadrant]}`;
        if (Math.abs(p.ly - (p.py + 4)) > 2) {
            parts.push(`<path class="leader" d="M${px(p.px)},${px(p.py)}L${px(p.anchor === 'start' ? p.lx - 2 : p.lx + 2)},${px(p.ly - 4)}"/>`);
        }
        parts.push(el('circle', { class: `point driver-point q-${p.r.quadrant ?? 'none'}`, cx: p.px, cy: p.py, r: 6 },
            `${p.r.rank}. ${driverTitle(p.r)}: ${l.importance} ${driverImportance(d, p.r)}, ${l.performance} ${fixed(p.r.performance.topBox as number, 1)}${quadrant}`),
        `<text class="driver-label" x="${px(p.lx)}" y="${px(p.ly)}" text-anchor="${p.anchor}">${esc(p.label)}</text>`);
    }
    const desc = plotted.map(r => `${r.rank}. ${driverTitle(r)}: ${r.quadrant === null ? '–' : l.quadrants[r.quadrant]}`).join('; ');
    return svgRoot(id, W, H, l.chartDrivers(title), desc, parts.join(''), 'ipa-chart');
}
