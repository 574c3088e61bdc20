/** The metric targets of the spec as one table: plain descriptions by default, the spec's rules in the designer view. */
import type { MetricPreview } from '../preview-data.js';
import { el } from './dom.js';
import { pick } from './localize.js';
import type { Texts } from './texts.js';

export function metricsView(metrics: MetricPreview[], locale: string, defaultLocale: string, t: Texts, designer: boolean): HTMLElement {
    if (metrics.length === 0) return el('p', { class: 'cx-muted' }, t.noMetrics);
    const text = (l: Record<string, string>) => pick(l, locale, defaultLocale);
    const scored = metrics.some(m => m.score !== null);
    return el('table', { class: 'cx-metrics' },
        el('thead', {}, el('tr', {}, ...[t.metric, t.formula, t.target, t.warning, t.breakdown, t.touchpoints, ...(scored ? [t.scores] : [])].map(h => el('th', {}, h)))),
        el('tbody', {}, ...metrics.map(m => el('tr', { 'data-metric': m.name },
            el('td', {}, pick(m.title, locale, defaultLocale) || m.name, ...(designer ? [el('br'), el('code', {}, m.name)] : [])),
            el('td', { title: m.explanation[t.ui] }, text(m.formulaPlain), ...(designer ? [el('br'), el('code', {}, m.formula)] : [])),
            el('td', { class: 'cx-num' }, m.target ?? t.none),
            el('td', { class: 'cx-num' }, m.warning ?? t.none),
            el('td', {}, designer ? m.breakdown ?? t.none : m.breakdownPlain ? text(m.breakdownPlain) : t.none),
            el('td', {}, (designer ? m.touchpoints.join(', ') : m.touchpointTitles.map(text).join(t.sep)) || t.none),
            ...(scored ? [el('td', { class: `cx-num cx-v-${m.score?.verdict ?? 'none'}` }, m.score?.value ?? '–', ' ',
                el('span', { class: `cx-verdict cx-v-${m.score?.verdict ?? 'none'}` }, m.score?.verdict ? t.verdict[m.score.verdict] : t.noVerdict))] : [])
        )))
    );
}
