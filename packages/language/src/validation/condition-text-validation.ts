import { oneLine } from '@cxspec/model';
import type { ValidationAcceptor } from 'langium';
import type { StringValue } from '../generated/ast.js';
import { report } from './validation-utils.js';

/**
 * A quoted value in a condition with a NUL character (typed, or written `\0`): SQL text cannot
 * carry one, so the warehouse SQL and `score --engine duckdb` could never test it, while the native
 * engine would; the spec is refused here so that every engine refuses it alike.
 */
export function checkConditionText(value: StringValue, accept: ValidationAcceptor): void {
    if (value.value.includes('\0')) {
        report(accept, 'CX405', `The quoted value "${oneLine(value.value)}" holds a NUL character, which no SQL engine can compare; remove it.`, value, { property: 'value' });
    }
}
