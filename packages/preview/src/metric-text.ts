/**
 * Metric formulas as the spec writes them, so the preview's metric table reads like the source
 * (`nps(AfterPickup.recommend)`) rather than like the model's JSON.
 */
import { formulaText as modelFormulaText, type Condition, type FieldRef, type Literal, type MetricExpr } from '@cxspec/model';

/** The model's formula text, a rate's condition written with its own fields unqualified. */
export function formulaText(expr: MetricExpr): string {
    return modelFormulaText(expr, conditionText);
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
