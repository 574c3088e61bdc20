import type { DiagnosticCase } from '../support/diagnostic-case.js';
import { NPS, surveySpec } from './base.js';

/** Other/None options (CX340) and how options are offered (CX341); the question is on line 7. */
export const CHOICE_CASES: DiagnosticCase[] = [
    {
        code: 'CX340', title: 'a specify option with another name than other',
        files: surveySpec(`${NPS}
    question why: choice { en "Why?" option a { en "A" } option b { en "B" } option else specify { en "Else" } }`),
        expected: [
            "spec.cx:7:85 error CX340 A `specify` option is named 'other', the value SurveyJS records for \"Other (please specify)\"; rename 'else' to 'other'."
        ],
        fix: { from: 'option else specify', to: 'option other specify' }
    },
    {
        code: 'CX340', title: 'None of these on a single choice',
        files: surveySpec(`${NPS}
    question why: choice { en "Why?" option a { en "A" } option b { en "B" } option none exclusive { en "None" } }`),
        expected: [
            "spec.cx:7:90 error CX340 `exclusive` (\"None of these\") belongs to multichoice questions, and 'why' is choice; remove it."
        ],
        fix: { from: 'option none exclusive { en "None" } ', to: '' }
    },
    {
        code: 'CX340', title: 'Other declared before a plain option',
        files: surveySpec(`${NPS}
    question why: multichoice { en "Why?" option a { en "A" } option other specify { en "Other" } option b { en "B" } }`),
        expected: [
            "spec.cx:7:76 error CX340 Option 'other' of question 'why' is `specify`, which is always shown after the other options; move it after 'b'."
        ],
        fix: { from: 'option other specify { en "Other" } option b { en "B" }', to: 'option b { en "B" } option other specify { en "Other" }' }
    },
    {
        code: 'CX341', title: 'a drop-down multichoice',
        files: surveySpec(`${NPS}
    question why: multichoice dropdown { en "Why?" option a { en "A" } option b { en "B" } }`),
        expected: [
            "spec.cx:7:31 error CX341 `dropdown` shows a choice question's options as a list to pick one from, and 'why' is multichoice; remove it."
        ],
        fix: { from: 'multichoice dropdown', to: 'choice dropdown' }
    },
    {
        code: 'CX341', title: 'select bounds past the options',
        files: surveySpec(`${NPS}
    question why: multichoice select 1..3 { en "Why?" option a { en "A" } option b { en "B" } option none exclusive { en "None" } }`),
        expected: [
            "spec.cx:7:38 error CX341 `select 1..3` of question 'why' must lie within 1..2, the options a respondent can pick together; change the bounds."
        ],
        fix: { from: 'select 1..3', to: 'select 1..2' }
    },
    {
        code: 'CX341', title: 'select bounds the wrong way round',
        files: surveySpec(`${NPS}
    question why: multichoice select 2..1 { en "Why?" option a { en "A" } option b { en "B" } }`),
        expected: [
            "spec.cx:7:38 error CX341 `select 2..1` of question 'why' asks for at least 2 and at most 1 options; write the smaller bound first."
        ],
        fix: { from: 'select 2..1', to: 'select 1..2' }
    },
    {
        code: 'CX341', title: 'random order on a question without options',
        files: surveySpec(`${NPS}
    question why: text random { en "Why?" }`),
        expected: [
            "spec.cx:7:24 error CX341 `random` shuffles the options of choice, multichoice and ranking questions, and 'why' is text; remove it."
        ],
        fix: { from: 'text random', to: 'text' }
    }
];
