import type { DiagnosticCase } from '../support/diagnostic-case.js';
import { NPS, surveySpec } from './base.js';

/** Earlier questions of every answer type on lines 6-10; the question under test is on line 11. */
const EARLIER = `${NPS}
    question c: choice { en "C?" option a { en "A" } option b { en "B" } }
    question b: boolean { en "B?" }
    question r: rating 1..7 { en "R?" }
    question t: text { en "T?" }`;

function shownWhen(condition: string, after = ''): string {
    return surveySpec(`${EARLIER}\n    question w: text when ${condition} { en "W?" }`, after);
}

const CUSTOMERS = 'dataset Customers { key id column vip: boolean }\n';

/** Display logic and conditions: order, types, cycles, scope (CX401-CX404, CX402 in segments and rates). */
export const LOGIC_CASES: DiagnosticCase[] = [
    {
        code: 'CX401', title: 'display logic reads a later question',
        files: surveySpec(`${NPS}
    question why: text when later is answered { en "Why?" }
    question later: boolean { en "L?" }`),
        expected: [
            "spec.cx:7:29 error CX401 Question 'why' is shown when later is answered, but 'later' is asked later in the survey; move it above 'why'."
        ],
        fix: { from: 'when later is answered', to: 'when q is answered' }
    },
    {
        code: 'CX401', title: 'page display logic reads a question on the page itself',
        files: surveySpec(`${NPS}
    page more when e = true { en "More" }
    question e: boolean { en "E?" }`),
        expected: [
            "spec.cx:7:20 error CX401 Page 'more' is shown when e = true, but 'e' is asked on this page or a later one; move it to an earlier page."
        ],
        fix: { from: 'when e = true', to: 'when q >= 9' }
    },
    {
        code: 'CX402', title: 'page display logic compares a question with a value outside its type',
        files: surveySpec(`${NPS}
    page more when q <= 11 { en "More" }
    question e: boolean { en "E?" }`),
        expected: [
            "spec.cx:7:25 error CX402 NPS question 'q' is answered on 0..10, so 11 can never match; use a number in 0..10."
        ],
        fix: { from: 'when q <= 11', to: 'when q <= 6' }
    },
    {
        code: 'CX402', title: 'number outside the NPS scale',
        files: shownWhen('q <= 11'),
        expected: [
            "spec.cx:11:32 error CX402 NPS question 'q' is answered on 0..10, so 11 can never match; use a number in 0..10."
        ],
        fix: { from: 'q <= 11', to: 'q <= 6' }
    },
    {
        code: 'CX402', title: 'number outside a rating scale in a list',
        files: shownWhen('r in [0, 7]'),
        expected: [
            "spec.cx:11:33 error CX402 Rating question 'r' is answered on 1..7, so 0 can never match; use a number in 1..7."
        ],
        fix: { from: 'r in [0, 7]', to: 'r in [1, 7]' }
    },
    {
        code: 'CX402', title: 'choice compared with a number',
        files: shownWhen('c = 1'),
        expected: [
            "spec.cx:11:31 error CX402 Choice question 'c' is answered with one of a, b; compare it with one of them, written without quotes."
        ],
        fix: { from: 'c = 1', to: 'c = a' }
    },
    {
        code: 'CX402', title: 'choice compared by order',
        files: shownWhen('c > a'),
        expected: [
            "spec.cx:11:29 error CX402 Choice question 'c' has no order; compare it with = or != instead of >."
        ],
        fix: { from: 'c > a', to: 'c != a' }
    },
    {
        code: 'CX402', title: 'boolean compared with a number',
        files: shownWhen('b = 1'),
        expected: [
            "spec.cx:11:31 error CX402 Boolean question 'b' is answered yes or no; compare it with true or false."
        ],
        fix: { from: 'b = 1', to: 'b = true' }
    },
    {
        code: 'CX402', title: 'text compared with a number',
        files: shownWhen('t = 3'),
        expected: [
            "spec.cx:11:31 error CX402 Text question 't' holds free text; compare it with a quoted string such as \"late\"."
        ],
        fix: { from: 't = 3', to: 't = "late"' }
    },
    {
        code: 'CX402', title: 'matrix compared with a number',
        files: surveySpec(`${EARLIER}
    question m: matrix { en "M?" item taste { en "Taste" } }
    question w: text when m >= 3 { en "W?" }`),
        expected: [
            "spec.cx:12:27 error CX402 Matrix question 'm' can only be tested with `is answered` or `is not answered`."
        ],
        fix: { from: 'm >= 3', to: 'm is answered' }
    },
    {
        code: 'CX402', title: 'a nested operand is checked too',
        files: shownWhen('q >= 9 and not (b = true or r > 8)'),
        expected: [
            "spec.cx:11:59 error CX402 Rating question 'r' is answered on 1..7, so 8 can never match; use a number in 1..7."
        ],
        fix: { from: 'r > 8', to: 'r > 6' }
    },
    {
        code: 'CX402', title: 'segment compares a choice with a number',
        files: shownWhen('c = a', 'segment Commuters { where Sv.c = 3 }\n'),
        expected: [
            "spec.cx:13:34 error CX402 Choice question 'c' is answered with one of a, b; compare it with one of them, written without quotes."
        ],
        fix: { from: 'Sv.c = 3', to: 'Sv.c = b' }
    },
    {
        code: 'CX402', title: 'rate condition compares a boolean with a string',
        files: shownWhen('c = a', 'metric loyal = rate(Sv where b = "yes")\n'),
        expected: [
            "spec.cx:13:34 error CX402 Boolean question 'b' is answered yes or no; compare it with true or false."
        ],
        fix: { from: 'b = "yes"', to: 'b = true' }
    },
    {
        code: 'CX403', title: 'a question shown depending on itself',
        files: surveySpec('    question q: nps about Tp when q >= 0 { en "Q?" }'),
        expected: [
            "spec.cx:6:35 error CX403 Question 'q' is shown depending on its own answer, a cycle; make it depend on an earlier question."
        ],
        fix: { from: ' when q >= 0', to: '' }
    },
    {
        code: 'CX404', title: 'display logic reads a dataset column',
        files: shownWhen('Customers.vip = true', CUSTOMERS),
        expected: [
            "spec.cx:11:27 error CX404 Question 'w' is shown depending on 'Customers.vip', which is not a question of survey 'Sv'; display logic reads only this survey's questions."
        ],
        fix: { from: 'Customers.vip = true', to: 'b = true' }
    },
    {
        code: 'CX404', title: 'display logic reads another survey',
        files: shownWhen('Other.x is answered', 'survey Other { en "Other" question x: boolean { en "X?" } }\n'),
        expected: [
            "spec.cx:11:27 error CX404 Question 'w' is shown depending on 'Other.x', which is not a question of survey 'Sv'; display logic reads only this survey's questions."
        ],
        fix: { from: 'Other.x is answered', to: 'c is not answered' }
    }
];
