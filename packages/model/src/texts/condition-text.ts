/**
 * A condition written back as the spec writes it, for every text that shows one (metric formulas in
 * results, the preview's metric table, diff messages): option ids bare, strings quoted, and
 * parentheses only where the spec's precedence (`not` over `and` over `or`) needs them, so the text
 * parses back to the same condition.
 */
import type { Condition, FieldRef, Literal } from '../cx-model.js';

/** `Survey.question` or `Dataset.column`; a field of `within` (the survey or dataset the rows come from) goes unqualified. */
function fieldText(field: FieldRef, within?: string): string {
    const [owner, name] = field.source === 'question' ? [field.survey, field.question] : [field.dataset, field.column];
    return owner === within ? name : `${owner}.${name}`;
}

/** A literal as written: a quoted string in the spec's string syntax (JSON's escapes), anything else bare. */
export function literalText(value: Literal): string {
    switch (value.type) {
        case 'number': case 'boolean': return String(value.value);
        case 'string': return JSON.stringify(value.value);
        case 'option': return value.id;
    }
}

/** How tightly each connective binds: an operand that binds looser than its parent is parenthesised. */
const BINDING: Record<Condition['type'], number> = { or: 0, and: 1, not: 2, compare: 3, in: 3, answered: 3 };

/** A condition as the spec writes it; fields of `within` go unqualified. */
export function conditionText(condition: Condition, within?: string): string {
    const operand = (c: Condition, parent: Condition['type']) => {
        const text = conditionText(c, within);
        return BINDING[c.type] < BINDING[parent] ? `(${text})` : text;
    };
    switch (condition.type) {
        case 'compare': return `${fieldText(condition.field, within)} ${condition.op} ${literalText(condition.value)}`;
        case 'in': return `${fieldText(condition.field, within)} ${condition.negated ? 'not in' : 'in'} [${condition.values.map(literalText).join(', ')}]`;
        case 'answered': return `${fieldText(condition.field, within)} is ${condition.negated ? 'not answered' : 'answered'}`;
        case 'and': case 'or': return condition.operands.map(o => operand(o, condition.type)).join(` ${condition.type} `);
        case 'not': return `not ${operand(condition.operand, 'not')}`;
    }
}
