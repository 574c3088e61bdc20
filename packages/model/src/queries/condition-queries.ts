/** What a condition reads. */
import type { Condition, FieldRef } from '../cx-model.js';

/** The questions and columns a condition reads, in reading order, repeats kept. */
export function conditionFields(c: Condition): FieldRef[] {
    switch (c.type) {
        case 'compare': case 'in': case 'answered': return [c.field];
        case 'and': case 'or': return c.operands.flatMap(conditionFields);
        case 'not': return conditionFields(c.operand);
    }
}

/** Datasets whose columns a condition reads. */
export function datasetsRead(c: Condition): Set<string> {
    return new Set(conditionFields(c).flatMap(f => (f.source === 'column' ? [f.dataset] : [])));
}

/** `Survey.question` or `Dataset.column`. */
export function fieldKey(f: FieldRef): string {
    return f.source === 'question' ? `${f.survey}.${f.question}` : `${f.dataset}.${f.column}`;
}
