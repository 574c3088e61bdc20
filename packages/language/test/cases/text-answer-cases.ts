import type { DiagnosticCase } from '../support/diagnostic-case.js';
import { NPS, surveySpec } from './base.js';

/** Limits of text answers (CX308); the question under test is on line 7. */
export const TEXT_ANSWER_CASES: DiagnosticCase[] = [
    {
        code: 'CX308', title: 'a length on a question that is not text',
        files: surveySpec(`${NPS}
    question n: boolean max 20 { en "N?" }`),
        expected: [
            'spec.cx:7:25 error CX308 `max` limits a text answer, and \'n\' is boolean; remove it or make it `text`.'
        ],
        fix: { from: 'boolean max 20', to: 'boolean' }
    },
    {
        code: 'CX308', title: 'a pattern that is no regular expression',
        files: surveySpec(`${NPS}
    question ref: text pattern "[A-Z" { en "Reference?" }`),
        expected: [
            'spec.cx:7:32 error CX308 Pattern of question \'ref\' is not a regular expression: /[A-Z/u: Unterminated character class; write backslashes doubled (`"\\\\d+"` for digits).'
        ],
        fix: { from: '"[A-Z"', to: '"[A-Z]+"' }
    },
    {
        code: 'CX308', title: 'no room for an answer',
        files: surveySpec(`${NPS}
    question ref: text max 0 { en "Reference?" }`),
        expected: [
            'spec.cx:7:28 error CX308 `max 0` leaves no room for an answer to \'ref\'; give at least 1 character.'
        ],
        fix: { from: 'max 0', to: 'max 10' }
    },
    {
        code: 'CX308', title: 'a limit given twice',
        files: surveySpec(`${NPS}
    question ref: text max 10 format digits max 20 { en "Reference?" }`),
        expected: [
            'spec.cx:7:45 error CX308 Question \'ref\' gives `max` 2 times; keep one.'
        ],
        fix: { from: ' max 20', to: '' }
    }
];
