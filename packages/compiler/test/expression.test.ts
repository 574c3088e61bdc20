/** Display logic compiled to SurveyJS `visibleIf` text, construct by construct. */
import { describe, expect, it } from 'vitest';
import type { Condition, FieldRef, QuestionKind } from '@cxspec/model';
import { literal } from './support/models.js';
import { compileCondition, ExpressionError, quoteString } from '@cxspec/compiler';

const KINDS: Record<string, QuestionKind> = { r: 'nps', c: 'choice', m: 'multichoice', t: 'text', b: 'boolean', x: 'matrix' };
const ITEMS = [{ id: 'i', label: {} }, { id: 'j', label: {} }];
const field = (question: string): FieldRef => ({ source: 'question', survey: 'S', question });
const compile = (c: Condition) => compileCondition(c, name => ({ kind: KINDS[name], items: KINDS[name] === 'matrix' ? ITEMS : [] }));

describe('visibleIf expressions', () => {
    it('compiles each construct to the expected text', () => {
        expect(compile({ type: 'compare', field: field('r'), op: '<=', value: literal('r', 6) })).toBe('{r} <= 6');
        expect(compile({ type: 'compare', field: field('r'), op: '!=', value: literal('r', -1) })).toBe('{r} != -1');
        expect(compile({ type: 'compare', field: field('c'), op: '=', value: literal('c', 'a') })).toBe("{c} = 'a'");
        expect(compile({ type: 'compare', field: field('m'), op: '=', value: literal('m', 'a') })).toBe("{m} contains 'a'");
        expect(compile({ type: 'compare', field: field('m'), op: '!=', value: literal('m', 'a') })).toBe("{m} notcontains 'a'");
        expect(compile({ type: 'compare', field: field('t'), op: '=', value: literal('t', "it's") })).toBe("({t} notempty and {t} = 'it\\'s')");
        expect(compile({ type: 'compare', field: field('t'), op: '!=', value: literal('t', '') })).toBe("({t} empty or {t} != '')");
        expect(compile({ type: 'in', field: field('t'), values: [literal('t', 'a')], negated: false })).toBe("({t} notempty and {t} anyof ['a'])");
        expect(compile({ type: 'in', field: field('t'), values: [literal('t', 'a')], negated: true })).toBe("({t} empty or {t} noneof ['a'])");
        expect(compile({ type: 'compare', field: field('b'), op: '=', value: literal('b', false) })).toBe('{b} = false');
        expect(compile({ type: 'in', field: field('c'), values: [literal('c', 'a'), literal('c', 'b')], negated: false })).toBe("{c} anyof ['a', 'b']");
        expect(compile({ type: 'in', field: field('c'), values: [literal('c', 'a')], negated: true })).toBe("{c} noneof ['a']");
        expect(compile({ type: 'answered', field: field('t'), negated: false })).toBe('{t} notempty');
        expect(compile({ type: 'answered', field: field('t'), negated: true })).toBe('{t} empty');
        expect(compile({ type: 'answered', field: field('x'), negated: false })).toBe('({x.i} notempty or {x.j} notempty)');
        expect(compile({ type: 'answered', field: field('x'), negated: true })).toBe('({x.i} empty and {x.j} empty)');
        expect(compile({
            type: 'and', operands: [
                { type: 'or', operands: [{ type: 'answered', field: field('t'), negated: false }, { type: 'compare', field: field('r'), op: '>', value: literal('t', 8) }] },
                { type: 'not', operand: { type: 'compare', field: field('r'), op: '=', value: literal('r', 10) } }
            ]
        })).toBe('({t} notempty or {r} > 8) and !({r} = 10)');
    });

    it('quotes strings for the SurveyJS grammar, which only knows \\\' and \\" as escapes', () => {
        expect(quoteString('a"b')).toBe("'a\\\"b'");
        expect(quoteString('a\\b')).toBe("'a\\b'");
        expect(quoteString('ends with \\')).toBe("'ends with \\ '");
        expect(quoteString('{x}\n日本')).toBe("'{x}\n日本'");
    });

    it('refuses dataset columns and strings SurveyJS would read as another type', () => {
        expect(() => compile({ type: 'answered', field: { source: 'column', dataset: 'D', column: 'c' }, negated: false }))
            .toThrow(new ExpressionError("display logic reads questions of the survey, not dataset column 'D.c'"));
        expect(() => quoteString('12')).toThrow(ExpressionError);
        expect(() => quoteString('True')).toThrow(ExpressionError);
        expect(() => quoteString("'x'")).toThrow(ExpressionError);
    });
});
