import type { Condition, CxModel, FieldRef, Literal, Question } from '@cxspec/model';

const loc = (line: number) => ({ file: 'test.cx', line, column: 3, endLine: line, endColumn: 40 });

/** A question as the CX model holds it, declared on `line` of test.cx. */
export function question(name: string, kind: Question['kind'], line: number, visibleWhen: Condition | null = null): Question {
    return {
        name, kind, text: { en: name }, description: {}, required: false, about: null, scale: null, options: [], items: [],
        trueLabel: {}, falseLabel: {}, visibleWhen, estimatedSeconds: 5, loc: loc(line)
    };
}

/** A one-survey, English-only model built directly, without the parser. */
export function surveyModel(questions: Question[]): CxModel {
    return {
        schemaVersion: 2,
        spec: { name: 'Test', title: {}, locales: ['en'], defaultLocale: 'en', limits: { maxQuestions: 12, maxSeconds: 180 }, loc: loc(1) },
        segments: [], journeys: [], datasets: [], metrics: [], drivers: [],
        surveys: [{
            name: 'S', title: { en: 'S' }, description: {}, thanks: {}, trigger: null, joins: null,
            estimatedSeconds: 5 * questions.length, loc: loc(1), questions
        }]
    };
}

const field = (q: string): FieldRef => ({ source: 'question', survey: 'S', question: q });
/** A literal as the spec would write it for question `q`: text `t` takes quoted strings, choices option ids. */
export function literal(q: string, value: number | boolean | string): Literal {
    if (typeof value === 'number') return { type: 'number', value };
    if (typeof value === 'boolean') return { type: 'boolean', value };
    return q === 't' ? { type: 'string', value } : { type: 'option', id: value };
}
const cmp = (q: string, op: '=' | '!=' | '<' | '<=' | '>' | '>=', value: number | boolean | string): Condition =>
    ({ type: 'compare', field: field(q), op, value: literal(q, value) });
const inList = (q: string, values: Array<number | boolean | string>, negated = false): Condition =>
    ({ type: 'in', field: field(q), values: values.map(v => literal(q, v)), negated });
const answered = (q: string, negated = false): Condition => ({ type: 'answered', field: field(q), negated });

/**
 * One question of every kind (the matrix required), then one question per construct of display
 * logic on each kind it applies to, and nested and/or/not combinations.
 */
export function constructsSurvey(): CxModel {
    const options = ['a', 'b', 'c'].map(id => ({ id, label: { en: id.toUpperCase() } }));
    const base: Question[] = [
        { ...question('r', 'nps', 2), scale: { min: 0, max: 10, minLabel: {}, maxLabel: {} } },
        { ...question('c', 'choice', 3), options },
        { ...question('m', 'multichoice', 4), options },
        question('t', 'text', 5),
        question('b', 'boolean', 6),
        {
            ...question('x', 'matrix', 7), required: true, scale: { min: 1, max: 3, minLabel: {}, maxLabel: {} },
            items: [{ id: 'i', label: { en: 'I' } }, { id: 'j', label: { en: 'J' } }]
        },
        { ...question('k', 'ranking', 8), options: options.slice(0, 2) },
        { ...question('n', 'number', 9), number: { min: -10, max: 120, integer: false, unit: { en: 'years' } } },
        // Wider than a row of rate buttons: compiled to a slider.
        { ...question('w', 'rating', 10), scale: { min: 0, max: 100, minLabel: { en: 'Low' }, maxLabel: {} } }
    ];
    const conditions: Condition[] = [
        cmp('r', '=', 5), cmp('r', '!=', 5), cmp('r', '<', 3), cmp('r', '<=', 3), cmp('r', '>', 8), cmp('r', '>=', 8),
        inList('r', [0, 10]), inList('r', [5, 6], true),
        cmp('c', '=', 'a'), cmp('c', '!=', 'a'), inList('c', ['a', 'b']), inList('c', ['a'], true),
        cmp('m', '=', 'a'), cmp('m', '!=', 'a'), inList('m', ['a', 'b']), inList('m', ['c'], true),
        cmp('t', '=', 'Hello'), cmp('t', '!=', 'x'), inList('t', ['a', 'b']), inList('t', ['a'], true),
        // SurveyJS counts an unanswered text as equal to "": the compiled guards keep the display meaning.
        cmp('t', '=', ''), cmp('t', '!=', ''), inList('t', ['', 'x']), inList('t', [''], true),
        // Option ids compare ignoring case in display mode, as SurveyJS compares them.
        cmp('c', '=', 'A'), inList('m', ['B'], true),
        cmp('b', '=', true), cmp('b', '!=', false), inList('b', [true]),
        cmp('n', '>=', 18), cmp('n', '<', 2.5), cmp('n', '=', 0), inList('n', [-1, 7], true), answered('n', true),
        cmp('w', '>', 50), inList('w', [0, 100]),
        answered('r'), answered('m'), answered('t', true), answered('x'), answered('x', true), answered('k'), answered('k', true),
        { type: 'not', operand: cmp('r', '>=', 9) },
        { type: 'not', operand: inList('m', ['a'], true) },
        { type: 'or', operands: [cmp('r', '<=', 6), { type: 'and', operands: [cmp('c', '!=', 'b'), { type: 'not', operand: answered('t') }] }] },
        { type: 'and', operands: [{ type: 'or', operands: [cmp('b', '=', false), cmp('m', '=', 'c')] }, { type: 'not', operand: { type: 'or', operands: [answered('x'), cmp('r', '>', 5)] } }] }
    ];
    return surveyModel([...base, ...conditions.map((c, i) => question(`shown_${i}`, 'boolean', 12 + i, c))]);
}
