/**
 * Metric formulas and targets as the spec writes them, so the preview's metric table reads like
 * the source (`nps(AfterPickup.recommend)`, `>= 80%`) rather than like the model's JSON.
 */
import { conditionText, type FieldRef, type MetricExpr, type MetricUnit, type Target } from '@cxspec/model';

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

function fieldText(f: FieldRef, within?: string): string {
    const [owner, name] = f.source === 'question' ? [f.survey, f.question] : [f.dataset, f.column];
    return owner === within ? name : `${owner}.${name}`;
}

const UNIT_SUFFIX: Record<MetricUnit, string> = { points: ' pts', percent: '%', scale: '', number: '' };

export function valueText(value: number, unit: MetricUnit): string {
    return `${value}${UNIT_SUFFIX[unit]}`;
}

export function targetText(target: Target, unit: MetricUnit): string {
    return `${target.op} ${valueText(target.value, unit)}`;
}
