/** The spec's meaning of conditions, case by case (the differential test holds SurveyJS to it). */
import { describe, expect, it } from 'vitest';
import type { Condition, FieldRef, Literal } from '@cxspec/model';
import { evaluateCondition, isAnswered } from '@cxspec/compiler';

const field = (question: string): FieldRef => ({ source: 'question', survey: 'S', question });
const cmp = (q: string, op: '=' | '!=' | '<' | '<=' | '>' | '>=', value: Literal): Condition => ({ type: 'compare', field: field(q), op, value });
const inList = (q: string, values: Literal[], negated = false): Condition => ({ type: 'in', field: field(q), values, negated });
const answered = (q: string, negated = false): Condition => ({ type: 'answered', field: field(q), negated });
const run = (c: Condition, answers: Record<string, unknown>) =>
    evaluateCondition(c, f => (f.source === 'question' ? answers[f.question] : undefined));

describe('logic interpreter', () => {
    it('counts absent, null, "", [], NaN and untouched matrices as not answered; 0, false and blanks as answered', () => {
        expect([undefined, null, '', [], {}, { a: undefined }, Number.NaN].map(isAnswered)).toEqual([false, false, false, false, false, false, false]);
        expect([0, false, ' ', ['a'], { a: 1 }, 'x'].map(isAnswered)).toEqual([true, true, true, true, true, true]);
    });

    it('compares numbers; every comparison of an unanswered question is false', () => {
        expect([5, 6, 7].map(v => run(cmp('r', '<=', 6), { r: v }))).toEqual([true, true, false]);
        expect([5, 6, 7].map(v => run(cmp('r', '>', 6), { r: v }))).toEqual([false, false, true]);
        expect([5, 6].map(v => run(cmp('r', '!=', 6), { r: v }))).toEqual([true, false]);
        expect(['=', '!=', '<', '<=', '>', '>='].map(op => run(cmp('r', op as '=', 6), {}))).toEqual([false, false, false, false, false, false]);
    });

    it('`not` negates the whole condition, so it is true for an unanswered question', () => {
        expect(run({ type: 'not', operand: cmp('r', '>=', 9) }, {})).toBe(true);
        expect(run({ type: 'not', operand: cmp('r', '>=', 9) }, { r: 10 })).toBe(false);
    });

    it('reads a multichoice answer as a set of selected options', () => {
        const answers = { m: ['a', 'b'] };
        expect([run(cmp('m', '=', 'a'), answers), run(cmp('m', '=', 'c'), answers), run(cmp('m', '!=', 'a'), answers), run(cmp('m', '!=', 'c'), answers)])
            .toEqual([true, false, false, true]);
        expect([run(inList('m', ['c', 'b']), answers), run(inList('m', ['c']), answers), run(inList('m', ['c'], true), answers), run(inList('m', ['a'], true), answers)])
            .toEqual([true, false, true, false]);
        expect([run(inList('m', ['a']), { m: [] }), run(inList('m', ['a'], true), { m: [] })]).toEqual([false, false]);
    });

    it('compares strings ignoring case and surrounding spaces, booleans exactly', () => {
        expect(['yes', ' YES ', 'yes!', ''].map(t => run(cmp('t', '=', 'Yes'), { t }))).toEqual([true, true, false, false]);
        expect([true, false, undefined].map(b => run(cmp('b', '=', false), { b }))).toEqual([false, true, false]);
    });

    it('combines with and/or, and tests answered / not answered', () => {
        const c: Condition = { type: 'or', operands: [cmp('r', '<=', 6), { type: 'and', operands: [answered('t'), answered('m', true)] }] };
        expect([{ r: 3 }, { r: 9, t: 'x' }, { r: 9, t: 'x', m: ['a'] }, { r: 9 }].map(a => run(c, a))).toEqual([true, true, false, false]);
    });
});
