/**
 * The journey map: stages as columns, touchpoints as cards, coverage gaps marked; with results, each
 * card coloured by the worst verdict of its metrics. Names and plain words by default; ids in the
 * designer view.
 */
import type { JourneyPreview, TouchpointPreview } from '../preview-data.js';
import { el } from './dom.js';
import { pick } from './localize.js';
import type { Texts } from './texts.js';

type Pick = (l: Record<string, string>) => string;

export function journeyView(journey: JourneyPreview, locale: string, defaultLocale: string, t: Texts, designer: boolean, scored: boolean): HTMLElement {
    const text: Pick = l => pick(l, locale, defaultLocale);
    const description = text(journey.description);
    return el('section', { class: 'cx-journey', 'data-journey': journey.name },
        el('h2', {}, text(journey.title) || journey.name, ...(designer ? [' ', el('code', {}, journey.name)] : [])),
        description ? el('p', { class: 'cx-muted' }, description) : null,
        el('p', { class: journey.gapCount > 0 ? 'cx-gap-summary cx-has-gaps' : 'cx-gap-summary' },
            journey.gapCount > 0 ? t.gapSummary(journey.gapCount) : t.noGaps),
        scored ? el('p', { class: 'cx-score-legend' }, `${t.scoreLegend}: `,
            ...(['met', 'inconclusive', 'insufficient', 'missed'] as const).map(v => el('span', { class: `cx-verdict cx-v-${v}` }, t.verdict[v]))) : null,
        el('div', { class: 'cx-stages', role: 'list' },
            ...journey.stages.map(stage => el('div', { class: 'cx-stage', role: 'listitem', 'data-stage': stage.name },
                el('h3', {}, text(stage.title) || stage.name),
                ...stage.touchpoints.map(tp => touchpointCard(tp, text, t, designer, scored))
            ))
        )
    );
}

function cardClass(tp: TouchpointPreview, scored: boolean): string {
    const classes = ['cx-card'];
    if (tp.gap) classes.push('cx-gap');
    if (tp.notMeasured !== null) classes.push('cx-unmeasured');
    if (scored && tp.verdict !== null) classes.push(`cx-v-${tp.verdict}`);
    return classes.join(' ');
}

function touchpointCard(tp: TouchpointPreview, text: Pick, t: Texts, designer: boolean, scored: boolean): HTMLElement {
    return el('article', { class: cardClass(tp, scored), 'data-touchpoint': tp.name, ...(scored && tp.verdict ? { 'data-verdict': tp.verdict } : {}) },
        el('h4', {}, text(tp.title) || tp.name),
        el('div', { class: 'cx-card-meta' },
            el('span', { class: 'cx-badge', title: t.channel }, designer ? tp.channel : text(tp.channelPlain)),
            designer ? el('code', {}, tp.name) : null
        ),
        tp.owner ? el('div', { class: 'cx-owner' }, `${t.owner}: `, tp.owner) : null,
        tp.gap ? el('div', { class: 'cx-gap-note', role: 'note' }, t.gapNote) : null,
        tp.notMeasured !== null ? el('div', { class: 'cx-unmeasured-note', role: 'note' }, `${t.notMeasured}: `, tp.notMeasured) : null,
        scored && tp.metricRefs.length > 0 ? el('ul', { class: 'cx-scores', 'aria-label': t.scores },
            ...tp.metricRefs.map(m => el('li', { class: `cx-score cx-v-${m.score?.verdict ?? 'none'}` },
                text(m.title) || m.name, ' ', el('strong', {}, m.score?.value ?? '–'), ' ',
                el('span', { class: `cx-verdict cx-v-${m.score?.verdict ?? 'none'}` }, m.score?.verdict ? t.verdict[m.score.verdict] : t.noVerdict)))
        ) : null,
        tp.questions.length > 0 ? el('ul', { class: 'cx-questions', 'aria-label': t.questions },
            ...tp.questions.map(q => el('li', {},
                ...(designer ? [el('code', {}, `${q.survey}.${q.question}`), ' ', el('span', { class: 'cx-kind' }, q.kind)] : [el('span', { class: 'cx-kind' }, text(q.kindPlain))]),
                ' ', text(q.text)))
        ) : null,
        !scored && tp.metricRefs.length > 0 ? el('div', { class: 'cx-metric-refs' }, `${t.metricRefs}: `,
            ...(designer ? tp.metrics.map(m => el('code', {}, m)) : [tp.metricRefs.map(m => text(m.title) || m.name).join(t.sep)])) : null,
        tp.triggers.length > 0 ? el('div', { class: 'cx-trigger-refs' }, `${t.sentAfter}: `,
            ...(designer ? tp.triggers.map(s => el('code', {}, s)) : [tp.triggerTitles.map((s, i) => text(s) || tp.triggers[i]).join(t.sep)])) : null
    );
}
