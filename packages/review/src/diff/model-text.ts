/** Short CXSpec-like renderings of model values, for change messages and before/after columns. */
import { conditionText as modelConditionText, type Condition, type Duration, type FieldRef, type Localized, type MetricExpr, type Question, type Scale, type Target, type Trigger } from '@cxspec/model';

/** The text in the default locale, else the first one given, else the fallback. */
export function localText(text: Localized, locale: string, fallback = ''): string {
    return text[locale] ?? Object.values(text)[0] ?? fallback;
}

/** `Survey.question` or `Dataset.column`; inside display logic (`within` its survey) just `question`. */
export function fieldText(field: FieldRef, within?: string): string {
    if (field.source === 'column') return `${field.dataset}.${field.column}`;
    return field.survey === within ? field.question : `${field.survey}.${field.question}`;
}

/** A condition as written in a spec; `within` names the survey whose display logic it is. */
export function conditionText(c: Condition | null, within?: string): string {
    return c === null ? 'always' : modelConditionText(c, within);
}

export function exprText(e: MetricExpr): string {
    switch (e.kind) {
        case 'nps': return `nps(${e.survey}.${e.question})`;
        case 'topBox': return `top(${e.survey}.${e.question}, ${e.boxes})`;
        case 'bottomBox': return `bottom(${e.survey}.${e.question}, ${e.boxes})`;
        case 'mean': return `mean(${fieldText(e.field)})`;
        case 'rate': return `rate(${e.source.type === 'survey' ? e.source.survey : e.source.dataset} where ${conditionText(e.condition)})`;
        case 'churn': return `churn(${e.dataset})`;
        case 'retention': return `retention(${e.dataset})`;
        case 'clv': return `clv(${e.dataset}.${e.value}${e.valuePeriod === 'year' ? ' per year' : ''}) margin ${e.marginPercent}% discount ${e.discountPercent}%`;
    }
}

export function targetText(t: Target | null, unit: string): string {
    if (t === null) return 'none';
    const u = unit === 'percent' ? '%' : unit === 'points' ? ' pts' : '';
    return `${t.op} ${t.value}${u}${t.warning === null ? '' : ` warn ${t.warning}${u}`}`;
}

export function scaleText(s: Scale | null): string {
    return s === null ? 'none' : `${s.min}..${s.max}`;
}

function durationText(d: Duration | null): string | null {
    return d === null ? null : `${d.value}${d.unit}`;
}

export function triggerText(t: Trigger | null): string {
    if (t === null) return 'none';
    return [
        `after ${t.journey}.${t.stage}.${t.touchpoint}`,
        durationText(t.delay) === null ? null : `delay ${durationText(t.delay)}`,
        `sample ${t.samplePercent}%`,
        durationText(t.quarantine) === null ? null : `quarantine ${durationText(t.quarantine)}`,
        t.expectedResponses === null ? null : `expect ${t.expectedResponses.count} per ${t.expectedResponses.per}`
    ].filter(Boolean).join(' ');
}

export function optionsText(q: Pick<Question, 'options'>['options']): string {
    return q.map(o => o.id).join(', ') || 'none';
}
