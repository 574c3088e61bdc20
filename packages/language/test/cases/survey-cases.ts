import type { DiagnosticCase } from '../support/diagnostic-case.js';
import { NPS, surveySpec } from './base.js';

/** Triggers, scales, options, labels and survey length (CX301-CX306). */
export const SURVEY_CASES: DiagnosticCase[] = [
    {
        code: 'CX301', title: 'sampling of 0 %',
        files: surveySpec(NPS).replace('trigger after Tp', 'trigger after Tp sample 0%'),
        expected: [
            "spec.cx:5:29 error CX301 Sampling 0% of survey 'Sv' is outside (0, 100] %; invite between 0.1% and 100% of customers."
        ],
        fix: { from: 'sample 0%', to: 'sample 0.5%' }
    },
    {
        code: 'CX301', title: 'sampling above 100 %',
        files: surveySpec(NPS).replace('trigger after Tp', 'trigger after Tp delay 2h sample 150% quarantine 30d'),
        expected: [
            "spec.cx:5:38 error CX301 Sampling 150% of survey 'Sv' is outside (0, 100] %; invite between 0.1% and 100% of customers."
        ],
        fix: { from: 'sample 150%', to: 'sample 100%' }
    },
    {
        code: 'CX302', title: 'NPS has a fixed scale',
        files: surveySpec('    question q: nps 1..5 about Tp { en "Q?" }'),
        expected: [
            "spec.cx:6:21 error CX302 Question 'q' cannot have a scale: NPS is 0..10 by definition; remove `1..5`."
        ],
        fix: { from: 'nps 1..5', to: 'nps' }
    },
    {
        code: 'CX302', title: 'a rating scale runs upwards',
        files: surveySpec(`${NPS}
    question r: rating 5..1 { en "R?" }`),
        expected: [
            "spec.cx:7:24 error CX302 Scale 5..1 of question 'r' must run upwards over 2 to 101 points; e.g. write 1..5."
        ],
        fix: { from: 'rating 5..1', to: 'rating 1..5' }
    },
    {
        code: 'CX302', title: 'a rating scale has at most 101 points (0..100, a slider)',
        files: surveySpec(`${NPS}
    question r: rating 0..101 { en "R?" }`),
        expected: [
            "spec.cx:7:24 error CX302 Scale 0..101 of question 'r' must run upwards over 2 to 101 points; e.g. write 1..5."
        ],
        fix: { from: 'rating 0..101', to: 'rating 0..100' }
    },
    {
        code: 'CX302', title: 'a matrix scale has at most 11 points',
        files: surveySpec(`${NPS}
    question m: matrix 0..20 { en "M?" item a { en "A" } }`),
        expected: [
            "spec.cx:7:24 error CX302 Scale 0..20 of question 'm' must run upwards over 2 to 11 points; e.g. write 1..5."
        ],
        fix: { from: 'matrix 0..20', to: 'matrix 0..10' }
    },
    {
        code: 'CX302', title: 'a number range runs upwards',
        files: surveySpec(`${NPS}
    question age: number 120..0 integer { en "Age?" }`),
        expected: [
            "spec.cx:7:26 error CX302 Range 120..0 of number question 'age' must run upwards; e.g. write 0..120."
        ],
        fix: { from: 'number 120..0', to: 'number 0..120' }
    },
    {
        code: 'CX307', title: 'integer on a rating',
        files: surveySpec(`${NPS}
    question r: rating 1..5 integer { en "R?" }`),
        expected: [
            "spec.cx:7:29 error CX307 `integer` belongs to number questions, and 'r' is rating; remove it or make it `number`."
        ],
        fix: { from: 'rating 1..5 integer', to: 'rating 1..5' }
    },
    {
        code: 'CX307', title: 'a unit on a text question',
        files: surveySpec(`${NPS}
    question t: text unit { en "km" } { en "T?" }`),
        expected: [
            "spec.cx:7:27 error CX307 A unit belongs to number questions, and 't' is text; remove `unit` or make it `number`."
        ],
        fix: { from: 'text unit { en "km" }', to: 'number unit { en "km" }' }
    },
    {
        code: 'CX302', title: 'a choice has no scale',
        files: surveySpec(`${NPS}
    question c: choice 1..3 { en "C?" option a { en "A" } option b { en "B" } }`),
        expected: [
            "spec.cx:7:24 error CX302 Question 'c' cannot have a scale: choice questions have no scale; remove `1..3`."
        ],
        fix: { from: 'choice 1..3', to: 'choice' }
    },
    {
        code: 'CX303', title: 'choice with a single option',
        files: surveySpec(`${NPS}
    question c: choice { en "C?" option a { en "A" } }`),
        expected: [
            "spec.cx:7:14 error CX303 Choice question 'c' needs at least two options; add `option id { ... }` entries."
        ],
        fix: { from: 'option a { en "A" }', to: 'option a { en "A" } option b { en "B" }' }
    },
    {
        code: 'CX303', title: 'matrix without items',
        files: surveySpec(`${NPS}
    question m: matrix { en "M?" }`),
        expected: [
            "spec.cx:7:14 error CX303 Matrix question 'm' needs at least one `item id { ... }`."
        ],
        fix: { from: 'matrix { en "M?" }', to: 'matrix { en "M?" item taste { en "Taste" } }' }
    },
    {
        code: 'CX303', title: 'options on a rating',
        files: surveySpec(`${NPS}
    question r: rating { en "R?" option a { en "A" } }`),
        expected: [
            "spec.cx:7:41 error CX303 Options belong to choice, multichoice and ranking questions, not to rating question 'r'; remove them or change the kind."
        ],
        fix: { from: ' option a { en "A" }', to: '' }
    },
    {
        code: 'CX303', title: 'items on a choice',
        files: surveySpec(`${NPS}
    question c: choice { en "C?" option a { en "A" } option b { en "B" } item x { en "X" } }`),
        expected: [
            "spec.cx:7:79 error CX303 Items belong to matrix questions, not to choice question 'c'; remove them or make it a matrix."
        ],
        fix: { from: ' item x { en "X" }', to: '' }
    },
    {
        code: 'CX304', title: 'scale end label on a boolean',
        files: surveySpec(`${NPS}
    question b: boolean { en "B?" low { en "No" } }`),
        expected: [
            "spec.cx:7:35 error CX304 'low' labels the end of a scale, which boolean question 'b' does not have; remove it."
        ],
        fix: { from: 'low { en "No" }', to: 'false { en "No" }' }
    },
    {
        code: 'CX304', title: 'true/false label on a rating',
        files: surveySpec(`${NPS}
    question r: rating { en "R?" true { en "Yes" } }`),
        expected: [
            "spec.cx:7:34 error CX304 'true' labels an answer of a boolean question, and 'r' is rating; remove it."
        ],
        fix: { from: 'true { en "Yes" }', to: 'high { en "Great" }' }
    },
    {
        code: 'CX304', title: 'the same end labelled twice',
        files: surveySpec(`    question q: nps about Tp { en "Q?" low { en "Never" } low { en "No" } }`),
        expected: [
            "spec.cx:6:59 error CX304 Question 'q' labels 'low' twice; keep one."
        ],
        fix: { from: 'low { en "No" }', to: 'high { en "Surely" }' }
    },
    {
        code: 'CX305', title: 'more questions than the spec allows',
        files: surveySpec(`${NPS}
    question c: csat { en "C?" }
    question e: ces { en "E?" }`, '', 'locales en limits questions 2'),
        expected: [
            "spec.cx:3:8 warning CX305 Survey 'Sv' asks 3 questions, more than the limit of 2; drop or merge questions to keep respondents."
        ],
        fix: { from: 'limits questions 2', to: 'limits questions 3' }
    },
    {
        code: 'CX305', title: 'longer than the spec allows in seconds',
        files: surveySpec(`${NPS}
    question why: text { en "Why?" }`, '', 'locales en limits seconds 30'),
        expected: [
            "spec.cx:3:8 warning CX305 Survey 'Sv' takes about 36 s, more than the limit of 30 s; shorten it or raise `limits seconds`."
        ],
        fix: { from: 'limits seconds 30', to: 'limits seconds 40' }
    },
    {
        code: 'CX305', title: 'longer than the default limit of 12 questions',
        files: surveySpec([NPS, ...Array.from({ length: 12 }, (_, i) => `    question b${i}: boolean { en "B${i}?" }`)].join('\n')),
        expected: [
            "spec.cx:3:8 warning CX305 Survey 'Sv' asks 13 questions, more than the limit of 12; drop or merge questions to keep respondents."
        ],
        fix: { from: '    question b11: boolean { en "B11?" }\n', to: '' }
    },
    {
        // 119 words of welcome at 238 words a minute (Brysbaert 2019) are 119 * 60 / 238 = 30 s of
        // reading, plus the NPS question's 6 s: 36 s, one above the limit of 35 and within a limit of 36.
        code: 'CX305', title: 'longer than the limit once the welcome text is read',
        files: surveySpec(`    welcome { en "WELCOME" }
${NPS}`.replace('WELCOME', Array(119).fill('word').join(' ')), '', 'locales en limits seconds 35'),
        expected: [
            "spec.cx:3:8 warning CX305 Survey 'Sv' takes about 36 s, more than the limit of 35 s; shorten it or raise `limits seconds`."
        ],
        fix: { from: 'limits seconds 35', to: 'limits seconds 36' }
    },
    {
        code: 'CX320', title: 'a page without questions',
        files: surveySpec(`${NPS}
    page extra { en "Extra" }`),
        expected: [
            "spec.cx:7:10 error CX320 Page 'extra' of survey 'Sv' has no questions: a respondent would see an empty page; put questions after it or remove it."
        ],
        fix: { from: 'page extra { en "Extra" }', to: 'page extra { en "Extra" }\n    question e: boolean { en "E?" }' }
    },
    {
        code: 'CX320', title: 'a page named like the untitled first page',
        files: surveySpec(`${NPS}
    page questions { en "More" }
    question e: boolean { en "E?" }`),
        expected: [
            "spec.cx:7:10 error CX320 Page 'questions' has the name of survey 'Sv''s untitled first page (the questions before the first `page`); rename the page."
        ],
        fix: { from: 'page questions', to: 'page more' }
    },
    {
        code: 'CX320', title: 'a group without questions',
        files: surveySpec(`${NPS}
    group extra { en "Extra" }
    page next
    question e: boolean { en "E?" }`),
        expected: [
            "spec.cx:7:11 error CX320 Group 'extra' of survey 'Sv' has no questions (a group holds the questions after it, up to the next group or page); put questions after it or remove it."
        ],
        fix: { from: '    group extra { en "Extra" }\n', to: '' }
    },
    {
        code: 'CX320', title: 'a group named like a question',
        files: surveySpec(`${NPS}
    group e { en "Extra" }
    question e: boolean { en "E?" }`),
        expected: [
            "spec.cx:7:11 error CX320 Group 'e' has the name of a question of survey 'Sv'; rename the group."
        ],
        fix: { from: 'group e', to: 'group extra' }
    },
    {
        code: 'CX306', title: 'survey without questions',
        files: surveySpec(NPS, 'survey Empty { en "Empty" }\n'),
        expected: [
            "spec.cx:8:8 warning CX306 Survey 'Empty' has no questions; add at least one `question`."
        ],
        fix: { from: 'survey Empty { en "Empty" }', to: 'survey Empty { en "Empty" question ok: boolean { en "OK?" } }' }
    }
];
