/** Conditions written back as text for metric formulas in the result. */
import type { Condition, FieldRef, Literal } from '@cxspec/model';

function field(f: FieldRef): string {
    return f.source === 'question' ? `${f.survey}.${f.question}` : `${f.dataset}.${f.column}`;
}

function lit(v: Literal): string {
    return typeof v === 'string' && !/^[A-Za-z_][\w]*$/.test(v) ? JSON.stringify(v) : String(v);
}

export function describeCondition(c: Condition): string {
    switch (c.type) {
        case 'compare': return `${field(c.field)} ${c.op} ${lit(c.value)}`;
        case 'in': return `${field(c.field)} ${c.negated ? 'not in' : 'in'} [${c.values.map(lit).join(', ')}]`;
        case 'answered': return `${field(c.field)} is ${c.negated ? 'not ' : ''}answered`;
        case 'and': return c.operands.map(o => (o.type === 'or' ? `(${describeCondition(o)})` : describeCondition(o))).join(' and ');
        case 'or': return c.operands.map(describeCondition).join(' or ');
        case 'not': return `not (${describeCondition(c.operand)})`;
    }
}
