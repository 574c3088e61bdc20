/** Conditions written back as the spec writes them (results, preview, diff use this one text). */
import { describe, expect, it } from 'vitest';
import { conditionText } from '@cxspec/model';

describe('condition text', () => {
    it('parenthesises only where precedence needs it, quotes strings and leaves option ids bare', () => {
        const field = { source: 'question' as const, survey: 'S', question: 'q' };
        const nine = { type: 'compare' as const, field, op: '>=' as const, value: { type: 'number' as const, value: 9 } };
        const list = { type: 'in' as const, field, values: [{ type: 'string' as const, value: 'a b' }, { type: 'string' as const, value: 'c' }, { type: 'option' as const, id: 'c' }], negated: false };
        expect(conditionText({
            type: 'or',
            operands: [
                { type: 'and', operands: [nine, { type: 'answered', field, negated: true }] },
                { type: 'not', operand: list }
            ]
        }, 'S')).toBe('q >= 9 and q is not answered or not q in ["a b", "c", c]');
        expect(conditionText({ type: 'and', operands: [{ type: 'or', operands: [nine, nine] }, { type: 'not', operand: { type: 'and', operands: [nine, list] } }] }))
            .toBe('(S.q >= 9 or S.q >= 9) and not (S.q >= 9 and S.q in ["a b", "c", c])');
    });
});
