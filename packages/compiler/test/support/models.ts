import type { Condition, CxModel, Question } from '@cxspec/language';

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
        schemaVersion: 1,
        spec: { name: 'Test', title: {}, locales: ['en'], defaultLocale: 'en', limits: { maxQuestions: 12, maxSeconds: 180 }, loc: loc(1) },
        segments: [], journeys: [], datasets: [], metrics: [], drivers: [],
        surveys: [{
            name: 'S', title: { en: 'S' }, description: {}, thanks: {}, trigger: null, joins: null,
            estimatedSeconds: 5 * questions.length, loc: loc(1), questions
        }]
    };
}
