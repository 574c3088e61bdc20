/**
 * Small SVG building blocks for the report charts: scales, tick values, coordinates printed with a
 * fixed precision (stable bytes, small files) and label widths estimated without a browser.
 */
import { fixed } from './format.js';
import { escapeHtml as esc } from '@cxspec/model';

/** A coordinate rounded to 0.1 px; -0 prints as 0. */
export function px(v: number): string {
    const r = Math.round(v * 10) / 10;
    return String(r === 0 ? 0 : r);
}

export interface Scale {
    domain: [number, number];
    (v: number): number;
}

/** Linear map of `domain` onto `range` (range may run downwards for y axes). */
export function linear(domain: [number, number], range: [number, number]): Scale {
    const [d0, d1] = domain;
    const [r0, r1] = range;
    const span = d1 - d0 || 1;
    const f = (v: number): number => r0 + ((v - d0) / span) * (r1 - r0);
    return Object.assign(f, { domain });
}

function niceStep(span: number, count: number): number {
    const raw = span / Math.max(1, count);
    const power = Math.pow(10, Math.floor(Math.log10(raw)));
    const m = raw / power;
    return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 2.5 ? 2.5 : m <= 5 ? 5 : 10) * power;
}

/**
 * A domain covering every value, widened to round tick steps, clamped to the metric's bounds
 * (e.g. 0..100 for percentages) when given; with its tick values.
 */
export function niceDomain(values: number[], bounds: [number, number] | null, tickCount = 5): { domain: [number, number]; ticks: number[]; step: number } {
    const finite = values.filter(v => Number.isFinite(v));
    let lo = finite.length > 0 ? Math.min(...finite) : 0;
    let hi = finite.length > 0 ? Math.max(...finite) : 1;
    // Padding never pushes an all-positive (or all-negative) axis across zero.
    const [floor, ceiling] = [lo >= 0 ? 0 : -Infinity, hi <= 0 && lo < 0 ? 0 : Infinity];
    if (hi - lo < 1e-9) {
        const pad = Math.abs(lo) > 1 ? Math.abs(lo) * 0.1 : 1;
        lo -= pad;
        hi += pad;
    }
    const pad = (hi - lo) * 0.08;
    lo = Math.max(floor, lo - pad);
    hi = Math.min(ceiling, hi + pad);
    const step = niceStep(hi - lo, tickCount);
    lo = Math.floor(lo / step) * step;
    hi = Math.ceil(hi / step) * step;
    if (bounds !== null) {
        lo = Math.max(lo, bounds[0]);
        hi = Math.min(hi, bounds[1]);
    }
    const ticks: number[] = [];
    for (let t = Math.ceil(lo / step) * step; t <= hi + step * 1e-9; t += step) {
        ticks.push(Math.round(t / step) * step);
    }
    return { domain: [lo, hi], ticks, step };
}

/** A tick value with just the decimals its step needs: 20, 2.5, 0.05; `%` for percentages. */
export function tickText(value: number, step: number, percent: boolean): string {
    let decimals = 0;
    while (decimals < 4 && Math.abs(Math.round(step * 10 ** decimals) - step * 10 ** decimals) > 1e-9) decimals++;
    return `${fixed(value, decimals)}${percent ? '%' : ''}`;
}

/**
 * Every k-th tick of a horizontal axis, with the smallest k that keeps their labels (about
 * `fontSize` high, centred on their tick) from touching.
 */
export function thinTicks(ticks: number[], label: (t: number) => string, x: (v: number) => number, fontSize: number): number[] {
    if (ticks.length < 2) return ticks;
    const widest = Math.max(...ticks.map(t => textWidth(label(t), fontSize)));
    const spacing = Math.abs(x(ticks[1]) - x(ticks[0]));
    const k = Math.max(1, Math.ceil((widest + 8) / spacing));
    return ticks.filter((_, i) => i % k === 0);
}

/** Width of a label in px, estimated: East Asian characters are square, Latin ones narrower. */
export function textWidth(text: string, fontSize: number): number {
    let w = 0;
    for (const ch of text) w += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? fontSize : fontSize * 0.62;
    return w;
}

/** A label cut to fit `maxWidth`, with an ellipsis when cut. */
export function fitText(text: string, fontSize: number, maxWidth: number): string {
    if (textWidth(text, fontSize) <= maxWidth) return text;
    let out = '';
    for (const ch of text) {
        if (textWidth(`${out}${ch}…`, fontSize) > maxWidth) break;
        out += ch;
    }
    return `${out}…`;
}

/** An attribute list from pairs, values escaped. */
export function attrs(pairs: Record<string, string | number>): string {
    return Object.entries(pairs).map(([k, v]) => `${k}="${esc(typeof v === 'number' ? px(v) : v)}"`).join(' ');
}

/** An SVG element; `title` becomes its accessible name (shown as a tooltip). */
export function el(name: string, pairs: Record<string, string | number>, title?: string, content = ''): string {
    const inner = `${title === undefined ? '' : `<title>${esc(title)}</title>`}${content}`;
    return inner === '' ? `<${name} ${attrs(pairs)}/>` : `<${name} ${attrs(pairs)}>${inner}</${name}>`;
}

export function text(x: number, y: number, content: string, pairs: Record<string, string | number> = {}): string {
    return `<text ${attrs({ x, y, ...pairs })}>${esc(content)}</text>`;
}

/** The root element of a chart, labelled by its title and description for screen readers. */
export function svgRoot(id: string, width: number, height: number, title: string, desc: string, body: string, cls: string): string {
    return `<svg class="chart ${cls}" role="img" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" aria-labelledby="${id}-t ${id}-d">`
        + `<title id="${id}-t">${esc(title)}</title><desc id="${id}-d">${esc(desc)}</desc>${body}</svg>`;
}
