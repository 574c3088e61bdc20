import type { ValidationAcceptor } from 'langium';
import {
    isBooleanValue, isComparison, isInCondition, isNumberValue, isQuestion, isStringValue, isSymbolValue,
    type AnsweredCondition, type Column, type Comparison, type InCondition, type Question, type Value
} from '../generated/ast.js';
import type { QuestionKind } from '@cxspec/model';
import { questionKindOf, scaleOf } from '@cxspec/model';
import { report } from './validation-utils.js';

export type Predicate = Comparison | InCondition | AnsweredCondition;

/**
 * Type-checks a predicate against the question or column it reads: choices take their own option
 * ids, ratings numbers inside their scale, booleans true/false, text quoted strings.
 */
export function checkPredicateTypes(predicate: Predicate, field: Question | Column, accept: ValidationAcceptor): void {
    if (!isComparison(predicate) && !isInCondition(predicate)) return; // `is answered` reads any field
    // A question its file's syntax errors left without a kind has no type to check against yet.
    if (isQuestion(field) && !field.kind) return;
    const values = isComparison(predicate) ? [predicate.value] : predicate.values;
    const op = isComparison(predicate) ? predicate.op : 'in';
    const type = isQuestion(field) ? questionValueType(field) : columnValueType(field);
    const name = field.name;
    if (type.kind === 'none') {
        report(accept, 'CX402', `${type.label} '${name}' can only be tested with \`is answered\` or \`is not answered\`.`, predicate, { property: 'field' });
        return;
    }
    const ordered = op === '<' || op === '<=' || op === '>' || op === '>=';
    if (ordered && type.kind !== 'number' && type.kind !== 'date') {
        report(accept, 'CX402', `${type.label} '${name}' has no order; compare it with = or != instead of ${op}.`, predicate, { property: 'op' as never });
    }
    values.forEach((value, index) => {
        const problem = valueProblem(value, type);
        if (problem) {
            const where = isComparison(predicate) ? { property: 'value' as never } : { property: 'values' as never, index };
            report(accept, 'CX402', `${type.label} '${name}' ${problem}.`, predicate, where);
        }
    });
}

type ValueType =
    | { kind: 'number'; label: string; min?: number; max?: number }
    | { kind: 'symbol'; label: string; ids: string[] }
    | { kind: 'boolean'; label: string }
    | { kind: 'string'; label: string }
    | { kind: 'date'; label: string }
    | { kind: 'none'; label: string };

function questionValueType(q: Question): ValueType {
    const kind = q.kind as QuestionKind;
    const label = `${labelOf(kind)} question`;
    // A kind still being typed has no facts and no value type.
    switch (questionKindOf(kind)?.answer) {
        case 'scale': {
            const scale = scaleOf(kind, q.range)!;
            return { kind: 'number', label, min: scale.min, max: scale.max };
        }
        case 'number': return { kind: 'number', label, min: q.range?.min, max: q.range?.max };
        case 'option': case 'options': return { kind: 'symbol', label, ids: q.options.map(o => o.name) };
        case 'boolean': return { kind: 'boolean', label: 'Boolean question' };
        case 'text': return { kind: 'string', label: 'Text question' };
        case 'order': case 'items': case undefined: return { kind: 'none', label };
    }
}

function columnValueType(c: Column): ValueType {
    if (c.values.length > 0) return { kind: 'symbol', label: 'Enum column', ids: c.values.map(v => v.name) };
    switch (c.primitive) {
        case 'number': return { kind: 'number', label: 'Number column' };
        case 'boolean': return { kind: 'boolean', label: 'Boolean column' };
        case 'date': return { kind: 'date', label: 'Date column' };
        default: return { kind: 'string', label: 'Text column' };
    }
}

function labelOf(kind: QuestionKind): string {
    return ({ nps: 'NPS', csat: 'CSAT', ces: 'CES' } as Record<string, string>)[kind] ?? kind.charAt(0).toUpperCase() + kind.slice(1);
}

function valueProblem(value: Value, type: ValueType): string | undefined {
    switch (type.kind) {
        case 'number':
            if (!isNumberValue(value)) {
                return `is answered with numbers; compare it with a number${type.min !== undefined ? ` in ${type.min}..${type.max}` : ''}`;
            }
            if (type.min !== undefined && type.max !== undefined && (value.value < type.min || value.value > type.max)) {
                return `is answered on ${type.min}..${type.max}, so ${value.value} can never match; use a number in ${type.min}..${type.max}`;
            }
            return undefined;
        case 'symbol':
            return isSymbolValue(value) ? undefined : `is answered with one of ${type.ids.join(', ')}; compare it with one of them, written without quotes`;
        case 'boolean':
            return isBooleanValue(value) ? undefined : 'is answered yes or no; compare it with true or false';
        case 'string': case 'date':
            return isStringValue(value) ? undefined : type.kind === 'date'
                ? 'holds dates; compare it with a quoted date such as "2026-01-31"'
                : 'holds free text; compare it with a quoted string such as "late"';
        default:
            return undefined;
    }
}
