/** Short CXSpec-like renderings of model values, for change messages and before/after columns. */
import {
    conditionText as modelConditionText, formulaText, targetText as modelTargetText, triggerText as modelTriggerText,
    type Condition, type FieldRef, type Localized, type MetricExpr, type MetricUnit, type Question, type Scale, type Target, type Trigger
} from '@cxspec/model';

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

/** The formula as a spec writes it, a rate's condition with every field qualified. */
export function exprText(e: MetricExpr): string {
    return formulaText(e, c => conditionText(c));
}

export function targetText(t: Target | null, unit: MetricUnit): string {
    return t === null ? 'none' : modelTargetText(t, unit);
}

export function scaleText(s: Scale | null): string {
    return s === null ? 'none' : `${s.min}..${s.max}`;
}

export function triggerText(t: Trigger | null): string {
    return t === null ? 'none' : modelTriggerText(t);
}

export function optionsText(q: Pick<Question, 'options'>['options']): string {
    return q.map(o => o.id).join(', ') || 'none';
}
