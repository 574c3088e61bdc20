/** The journey map: stages as columns, touchpoints as cards, coverage gaps marked. */
import type { JourneyPreview, TouchpointPreview } from '../preview-data.js';
import { el } from './dom.js';
import { pick } from './localize.js';
import type { Texts } from './texts.js';

export function journeyView(journey: JourneyPreview, locale: string, defaultLocale: string, t: Texts): HTMLElement {
    const text = (l: Record<string, string>) => pick(l, locale, defaultLocale);
    const description = text(journey.description);
    return el('section', { class: 'cx-journey', 'data-journey': journey.name },
        el('h2', {}, text(journey.title) || journey.name, ' ', el('code', {}, journey.name)),
        description ? el('p', { class: 'cx-muted' }, description) : null,
        el('p', { class: journey.gapCount > 0 ? 'cx-gap-summary cx-has-gaps' : 'cx-gap-summary' },
            journey.gapCount > 0 ? t.gapSummary(journey.gapCount) : t.noGaps),
        el('div', { class: 'cx-stages', role: 'list' },
            ...journey.stages.map(stage => el('div', { class: 'cx-stage', role: 'listitem', 'data-stage': stage.name },
                el('h3', {}, text(stage.title) || stage.name),
                ...stage.touchpoints.map(tp => touchpointCard(tp, text, t))
            ))
        )
    );
}

function touchpointCard(tp: TouchpointPreview, text: (l: Record<string, string>) => string, t: Texts): HTMLElement {
    return el('article', { class: tp.gap ? 'cx-card cx-gap' : 'cx-card', 'data-touchpoint': tp.name },
        el('h4', {}, text(tp.title) || tp.name),
        el('div', { class: 'cx-card-meta' },
            el('span', { class: 'cx-badge', title: t.channel }, tp.channel),
            el('code', {}, tp.name)
        ),
        tp.owner ? el('div', { class: 'cx-owner' }, `${t.owner}: `, tp.owner) : null,
        tp.gap ? el('div', { class: 'cx-gap-note', role: 'note' }, t.gapNote) : null,
        tp.questions.length > 0 ? el('ul', { class: 'cx-questions', 'aria-label': t.questions },
            ...tp.questions.map(q => el('li', {},
                el('code', {}, `${q.survey}.${q.question}`), ' ', el('span', { class: 'cx-kind' }, q.kind), ' ', text(q.text)))
        ) : null,
        tp.metrics.length > 0 ? el('div', { class: 'cx-metric-refs' }, `${t.metricRefs}: `,
            ...tp.metrics.map(m => el('code', {}, m))) : null,
        tp.triggers.length > 0 ? el('div', { class: 'cx-trigger-refs' }, `${t.sentAfter}: `,
            ...tp.triggers.map(s => el('code', {}, s))) : null
    );
}
