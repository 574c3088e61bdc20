/** The metric targets of the spec as one table. */
import type { MetricPreview } from '../preview-data.js';
import { el } from './dom.js';
import { pick } from './localize.js';
import type { Texts } from './texts.js';

export function metricsView(metrics: MetricPreview[], locale: string, defaultLocale: string, t: Texts): HTMLElement {
    if (metrics.length === 0) return el('p', { class: 'cx-muted' }, t.noMetrics);
    return el('table', { class: 'cx-metrics' },
        el('thead', {}, el('tr', {}, ...[t.metric, t.formula, t.target, t.warning, t.breakdown, t.touchpoints].map(h => el('th', {}, h)))),
        el('tbody', {}, ...metrics.map(m => el('tr', { 'data-metric': m.name },
            el('td', {}, pick(m.title, locale, defaultLocale) || m.name, el('br'), el('code', {}, m.name)),
            el('td', {}, el('code', { title: m.explanation[t.ui] }, m.formula)),
            el('td', { class: 'cx-num' }, m.target ?? t.none),
            el('td', { class: 'cx-num' }, m.warning ?? t.none),
            el('td', {}, m.breakdown ?? t.none),
            el('td', {}, m.touchpoints.join(', ') || t.none)
        )))
    );
}
