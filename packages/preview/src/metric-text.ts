/**
 * Metric formulas and targets as the spec writes them, so the preview's metric table reads like
 * the source (`nps(AfterPickup.recommend)`, `>= 80%`) rather than like the model's JSON.
 */
import type { Condition, FieldRef, Literal, MetricExpr, MetricUnit, Target } from '@cxspec/model';

export function formulaText(expr: MetricExpr): string {
    switch (expr.kind) {
        case 'nps': return `nps(${expr.survey}.${expr.question})`;
        case 'topBox': return `top(${expr.survey}.${expr.question}, ${expr.boxes})`;
        case 'bottomBox': return `bottom(${expr.survey}.${expr.question}, ${expr.boxes})`;
        case 'mean': return `mean(${fieldText(expr.field)})`;
        case 'rate': {
            const source = expr.source.type === 'survey' ? expr.source.survey : expr.source.dataset;
            return `rate(${source} where ${conditionText(expr.condition, source)})`;
        }
        case 'churn': return `churn(${expr.dataset})`;
        case 'retention': return `retention(${expr.dataset})`;
        case 'clv': return `clv(${expr.dataset}.${expr.value}${expr.valuePeriod === 'year' ? ' per year' : ''}) margin ${expr.marginPercent}% discount ${expr.discountPercent}%`;
    }
}

/** A condition as the spec writes it; fields of `within` (the rows' survey or dataset) go unqualified. */
export function conditionText(c: Condition, within?: string): string {
    const field = (f: FieldRef) => fieldText(f, within);
    switch (c.type) {
        case 'compare': return `${field(c.field)} ${c.op} ${literalText(c.value)}`;
        case 'in': return `${field(c.field)}${c.negated ? ' not' : ''} in [${c.values.map(literalText).join(', ')}]`;
        case 'answered': return `${field(c.field)} is${c.negated ? ' not' : ''} answered`;
        case 'and': return c.operands.map(o => operandText(o, within)).join(' and ');
        case 'or': return c.operands.map(o => operandText(o, within)).join(' or ');
        case 'not': return `not ${operandText(c.operand, within)}`;
    }
}

/** Nested and/or go in parentheses so the text never depends on operator precedence. */
function operandText(c: Condition, within?: string): string {
    const text = conditionText(c, within);
    return c.type === 'and' || c.type === 'or' ? `(${text})` : text;
}

function fieldText(f: FieldRef, within?: string): string {
    const [owner, name] = f.source === 'question' ? [f.survey, f.question] : [f.dataset, f.column];
    return owner === within ? name : `${owner}.${name}`;
}

function literalText(v: Literal): string {
    return typeof v === 'string' && !/^[A-Za-z_][A-Za-z0-9_]*$/.test(v) ? JSON.stringify(v) : String(v);
}

const UNIT_SUFFIX: Record<MetricUnit, string> = { points: ' pts', percent: '%', scale: '', number: '' };

export function valueText(value: number, unit: MetricUnit): string {
    return `${value}${UNIT_SUFFIX[unit]}`;
}

export function targetText(target: Target, unit: MetricUnit): string {
    return `${target.op} ${valueText(target.value, unit)}`;
}
