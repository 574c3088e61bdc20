import type { DiagnosticCase } from '../support/diagnostic-case.js';
import { NPS, surveySpec } from './base.js';

const deepParens = `${'('.repeat(65)}q >= 9${')'.repeat(65)}`;
const deepNots = `${'not '.repeat(65)}Sv.q >= 9`;
const manyOrs = Array.from({ length: 1002 }, (_, i) => `q = ${i % 11}`).join(' or ');
/** Column of the 1001st `or` on the line `    question r: text when <manyOrs> ...`. */
const orColumn = '    question r: text when '.length + Array.from({ length: 1001 }, (_, i) => `q = ${i % 11}`).join(' or ').length + 2;

/**
 * Conditions past what the parser and the engines can take: nesting (CX007) and NUL characters
 * (CX405). The line-7 question reads the line-6 NPS question.
 */
export const LIMIT_CASES: DiagnosticCase[] = [
    {
        code: 'CX007', title: '65 nested parentheses in display logic',
        files: surveySpec(`${NPS}\n    question r: text when ${deepParens} { en "R?" }`),
        expected: [
            "spec.cx:7:91 error CX007 A condition nests at most 64 levels deep (each '(' and 'not' opens one); remove redundant parentheses and double 'not's."
        ],
        fix: { from: deepParens, to: '(q >= 9)' }
    },
    {
        code: 'CX007', title: "65 'not's in a segment",
        files: surveySpec(NPS, `segment G { en "G" where ${deepNots} }\n`),
        expected: [
            "spec.cx:8:282 error CX007 A condition nests at most 64 levels deep (each '(' and 'not' opens one); remove redundant parentheses and double 'not's."
        ],
        fix: { from: deepNots, to: 'not not Sv.q >= 9' }
    },
    {
        code: 'CX007', title: "parentheses not yet closed, as while typing",
        files: surveySpec(`${NPS}\n    question r: text when ${'('.repeat(100)}q >= 9 { en "R?" }`),
        expected: [
            // The missing ')' on the same line is not reported: a line shows its first syntax error.
            "spec.cx:7:91 error CX007 A condition nests at most 64 levels deep (each '(' and 'not' opens one); remove redundant parentheses and double 'not's."
        ],
        fix: { from: `${'('.repeat(100)}q >= 9`, to: 'q >= 9' }
    },
    {
        code: 'CX007', title: "1001 'or's in one condition",
        files: surveySpec(`${NPS}\n    question r: text when ${manyOrs} { en "R?" }`),
        expected: [
            `spec.cx:7:${orColumn} error CX007 A condition joins at most 1000 comparisons with 'and'/'or'; use 'in [...]' for a list of values, or split it.`
        ],
        fix: { from: manyOrs, to: 'q in [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]' }
    },
    {
        code: 'CX405', title: 'a NUL character in a quoted value, written \\0 or typed',
        files: surveySpec(`${NPS}\n    question t: text { en "T?" }`, 'segment G { en "G" where Sv.t = "a\\0b" or Sv.t = "c\0" }\n'),
        expected: [
            'spec.cx:9:33 error CX405 The quoted value "a\\u0000b" holds a NUL character, which no SQL engine can compare; remove it.',
            'spec.cx:9:50 error CX405 The quoted value "c\\u0000" holds a NUL character, which no SQL engine can compare; remove it.'
        ],
        fix: { from: '"a\\0b" or Sv.t = "c\0"', to: '"ab"' }
    }
];
