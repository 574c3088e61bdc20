/**
 * The meaning of every condition operator in both modes, case by case, as docs/language.md ("What a
 * condition means") states it. The cross-engine tests hold SurveyJS (display) and DuckDB and
 * PostgreSQL (analysis) to this evaluator.
 */
import { describe, expect, it } from 'vitest';
import { EXCLUDED, evaluateCondition, isAnswered, type Condition, type ConditionMode, type FieldRef, type Literal } from '@cxspec/model';

const field = (question: string): FieldRef => ({ source: 'question', survey: 'S', question });
const lit = (q: string, v: number | boolean | string): Literal =>
    typeof v === 'number' ? { type: 'number', value: v } : typeof v === 'boolean' ? { type: 'boolean', value: v }
        : q === 't' ? { type: 'string', value: v } : { type: 'option', id: v };
const cmp = (q: string, op: '=' | '!=' | '<' | '<=' | '>' | '>=', v: number | boolean | string): Condition => ({ type: 'compare', field: field(q), op, value: lit(q, v) });
const inList = (q: string, values: Array<number | boolean | string>, negated = false): Condition =>
    ({ type: 'in', field: field(q), values: values.map(v => lit(q, v)), negated });
const answered = (q: string, negated = false): Condition => ({ type: 'answered', field: field(q), negated });
const run = (c: Condition, answers: Record<string, unknown>, mode: ConditionMode = 'display') =>
    evaluateCondition(c, mode, f => (f.source === 'question' ? answers[f.question] : undefined));
const both = (c: Condition, answers: Record<string, unknown>) => [run(c, answers, 'display'), run(c, answers, 'analysis')];

const LEAVES: Array<[string, Condition]> = [
    ['=', cmp('r', '=', 6)], ['!=', cmp('r', '!=', 6)], ['<', cmp('r', '<', 6)], ['<=', cmp('r', '<=', 6)], ['>', cmp('r', '>', 6)],
    ['>=', cmp('r', '>=', 6)], ['in', inList('r', [6])], ['not in', inList('r', [6], true)], ['is answered', answered('r')],
    ['is not answered', answered('r', true)]
];

describe('what a condition means', () => {
    it('counts absent, null, "", [], NaN and untouched matrices as not answered; 0, false and blanks as answered', () => {
        expect([undefined, null, '', [], {}, { a: undefined }, Number.NaN].map(isAnswered)).toEqual([false, false, false, false, false, false, false]);
        expect([0, false, ' ', ['a'], { a: 1 }, 'x'].map(isAnswered)).toEqual([true, true, true, true, true, true]);
    });

    it('on an unanswered value: =, <, <=, >, >=, in and is answered are false; != , not in and is not answered true (both modes)', () => {
        expect(LEAVES.map(([op, c]) => [op, ...both(c, {})])).toEqual([
            ['=', false, false], ['!=', true, true], ['<', false, false], ['<=', false, false], ['>', false, false], ['>=', false, false],
            ['in', false, false], ['not in', true, true], ['is answered', false, false], ['is not answered', true, true]
        ]);
    });

    it('on an excluded value: every test is unknown in analysis mode and reads as unanswered in display mode', () => {
        expect(LEAVES.map(([op, c]) => [op, ...both(c, { r: EXCLUDED })])).toEqual([
            ['=', false, null], ['!=', true, null], ['<', false, null], ['<=', false, null], ['>', false, null], ['>=', false, null],
            ['in', false, null], ['not in', true, null], ['is answered', false, null], ['is not answered', true, null]
        ]);
    });

    it('on an answered value: the comparison, the same in both modes for numbers and booleans', () => {
        expect([5, 6, 7].map(r => LEAVES.map(([, c]) => both(c, { r })))).toEqual([5, 6, 7].map(r => LEAVES.map(([op]) => {
            const v = ({ '=': r === 6, '!=': r !== 6, '<': r < 6, '<=': r <= 6, '>': r > 6, '>=': r >= 6, in: r === 6, 'not in': r !== 6,
                'is answered': true, 'is not answered': false } as Record<string, boolean>)[op];
            return [v, v];
        })));
        expect([true, false, undefined].map(b => both(cmp('b', '=', false), { b }))).toEqual([[false, false], [true, true], [false, false]]);
        expect([true, false, undefined].map(b => both(cmp('b', '!=', false), { b }))).toEqual([[true, true], [false, false], [true, true]]);
    });

    it('compares strings ignoring case and surrounding whitespace in display mode, exactly in analysis mode', () => {
        expect(['Yes', 'yes', ' YES ', 'yes!', ''].map(t => both(cmp('t', '=', 'Yes'), { t })))
            .toEqual([[true, true], [true, false], [true, false], [false, false], [false, false]]);
        expect(['Yes', 'yes', ''].map(t => both(inList('t', ['Yes'], true), { t }))).toEqual([[false, false], [false, true], [true, true]]);
        // An option id and a quoted string with the same text are the same value to compare with.
        expect(both(cmp('c', '=', 'a'), { c: 'a' })).toEqual([true, true]);
    });

    it('orders numbers with numbers and strings (ISO dates) with strings; any other pair is false', () => {
        expect(both(cmp('t', '<', '2025-01-01'), { t: '2024-12-31' })).toEqual([true, true]);
        expect(both(cmp('r', '<', 6), { r: '5' })).toEqual([false, false]);
        expect(both(cmp('m', '<', 'b'), { m: ['a'] })).toEqual([false, false]);
    });

    it('reads a multichoice answer as a set of selected options', () => {
        const answers = { m: ['a', 'b'] };
        expect([cmp('m', '=', 'a'), cmp('m', '=', 'c'), cmp('m', '!=', 'a'), cmp('m', '!=', 'c')].map(c => both(c, answers)))
            .toEqual([[true, true], [false, false], [false, false], [true, true]]);
        expect([inList('m', ['c', 'b']), inList('m', ['c']), inList('m', ['c'], true), inList('m', ['a'], true)].map(c => both(c, answers)))
            .toEqual([[true, true], [false, false], [true, true], [false, false]]);
        expect([inList('m', ['a']), inList('m', ['a'], true)].map(c => both(c, { m: [] }))).toEqual([[false, false], [true, true]]);
    });

    it('`not` negates the whole condition: true for an unanswered question under `not (r >= 9)`', () => {
        expect(both({ type: 'not', operand: cmp('r', '>=', 9) }, {})).toEqual([true, true]);
        expect(both({ type: 'not', operand: cmp('r', '>=', 9) }, { r: 10 })).toEqual([false, false]);
    });

    it('and/or/not are two-valued in display mode and Kleene three-valued in analysis mode', () => {
        const unknown = answered('x');
        const t = answered('r'), f = answered('r', true);
        const and = (...operands: Condition[]): Condition => ({ type: 'and', operands });
        const or = (...operands: Condition[]): Condition => ({ type: 'or', operands });
        const answers = { r: 1, x: EXCLUDED };
        expect([and(t, unknown), and(f, unknown), or(t, unknown), or(f, unknown), { type: 'not', operand: unknown } as Condition]
            .map(c => both(c, answers))).toEqual([[false, null], [false, false], [true, true], [false, null], [true, null]]);
        const c: Condition = or(cmp('r', '<=', 6), and(answered('t'), answered('m', true)));
        expect([{ r: 3 }, { r: 9, t: 'x' }, { r: 9, t: 'x', m: ['a'] }, { r: 9 }].map(a => run(c, a))).toEqual([true, true, false, false]);
    });
});
