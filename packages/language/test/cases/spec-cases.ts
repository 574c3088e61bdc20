import type { DiagnosticCase } from '../support/diagnostic-case.js';
import { NPS, surveySpec } from './base.js';

/** Syntax, names and the spec header (CX000-CX006). */
export const SPEC_CASES: DiagnosticCase[] = [
    {
        code: 'CX000', title: 'syntax error: missing colon before the question kind',
        files: surveySpec('    question q nps about Tp { en "Q?" }'),
        expected: [
            "spec.cx:6:16 error CX000 Expected ':' but found 'nps'."
        ],
        fix: { from: 'question q nps', to: 'question q: nps' }
    },
    {
        code: 'CX000', title: 'lexing error: a character outside the language',
        files: surveySpec(NPS).replace('journey J', '# journey J'),
        expected: [
            "spec.cx:2:1 error CX000 Unexpected character '#'; remove it, or put it inside a \"quoted text\" or a // comment."
        ],
        fix: { from: '# journey J', to: 'journey J' }
    },
    {
        code: 'CX000', title: 'syntax error: unknown question kind',
        files: surveySpec('    question q: stars about Tp { en "Q?" }'),
        expected: [
            "spec.cx:6:17 error CX000 Expected 'nps', 'csat', 'ces', 'rating', 'choice', 'multichoice', 'boolean', 'text', 'matrix', 'ranking' or 'number' but found 'stars'."
        ],
        fix: { from: 'q: stars', to: 'q: nps' }
    },
    {
        code: 'CX000', title: 'unterminated quoted text',
        files: surveySpec('    question q: nps about Tp { en "Q? }\n'),
        // A text ends on its line, and a line reports its first syntax error only: the words the
        // lexer reads on after the lone quote are follow-on noise.
        expected: [
            "spec.cx:6:35 error CX000 Unterminated quoted text; close it with a '\"' (write \\\" for a quote inside it)."
        ],
        fix: { from: '"Q? }', to: '"Q?" }' }
    },
    {
        code: 'CX001', title: 'unresolved touchpoint in a trigger',
        files: surveySpec(NPS).replace('trigger after Tp', 'trigger after Tq'),
        expected: [
            "spec.cx:5:19 error CX001 Unknown touchpoint 'Tq'; did you mean 'Tp'?"
        ],
        fix: { from: 'trigger after Tq', to: 'trigger after Tp' }
    },
    {
        code: 'CX001', title: 'unresolved option in display logic',
        files: surveySpec(`${NPS}
    question c: choice { en "C?" option a { en "A" } option b { en "B" } }
    question t: text when c = z { en "T?" }`),
        expected: [
            "spec.cx:8:31 error CX001 Unknown option 'z'; use one of the option ids of the question (or values of the column) compared."
        ],
        fix: { from: 'c = z', to: 'c = a' }
    },
    {
        code: 'CX002', title: 'duplicate question in a survey',
        files: surveySpec(`${NPS}
    question q: csat { en "C?" }`),
        expected: [
            "spec.cx:7:14 error CX002 Duplicate question 'q' in survey 'Sv'; rename one of them."
        ],
        fix: { from: 'question q: csat', to: 'question c: csat' }
    },
    {
        code: 'CX002', title: 'duplicate top-level name',
        files: surveySpec(NPS, 'segment Sv { where Sv.q >= 9 }\n'),
        expected: [
            "spec.cx:8:9 error CX002 Duplicate name 'Sv' in spec 'T' (first declared on line 3); rename one of them."
        ],
        fix: { from: 'segment Sv', to: 'segment Promoters' }
    },
    {
        code: 'CX002', title: 'duplicate option of a question',
        files: surveySpec(`${NPS}
    question c: choice { en "C?" option a { en "A" } option a { en "B" } }`),
        expected: [
            "spec.cx:7:61 error CX002 Duplicate option 'a' in question 'c'; rename one of them."
        ],
        fix: { from: 'option a { en "B" }', to: 'option b { en "B" }' }
    },
    {
        code: 'CX003', title: 'no file declares the locales',
        files: surveySpec(NPS).replace('spec T { locales en }', 'spec T'),
        expected: [
            "spec.cx:1:6 error CX003 No file declares the locales of spec 'T'; write `spec T { locales ja default, en }` in one of its files."
        ],
        fix: { from: 'spec T', to: 'spec T { locales en }' }
    },
    {
        code: 'CX004', title: 'two files of a spec declare the header',
        files: { 'a.cx': surveySpec(NPS), 'b.cx': 'spec T { locales en }\nsegment Promoters { where Sv.q >= 9 }\n' },
        expected: [
            "b.cx:1:6 error CX004 Spec 'T' already declares its header in a.cx; remove the braces here and keep `spec T`."
        ],
        fix: { file: 'b.cx', from: 'spec T { locales en }', to: 'spec T' }
    },
    {
        code: 'CX005', title: 'text in an undeclared locale',
        files: surveySpec('    question q: nps about Tp { en "Q?" fr "Q ?" }'),
        expected: [
            "spec.cx:6:40 error CX005 Locale 'fr' is not declared by spec 'T'; add it to `locales` or use one of en."
        ],
        fix: { from: ' fr "Q ?"', to: '' }
    },
    {
        code: 'CX006', title: 'locale declared twice',
        files: surveySpec(NPS, '', 'locales en, en'),
        expected: [
            "spec.cx:1:22 error CX006 Locale 'en' is declared twice; remove one."
        ],
        fix: { from: 'locales en, en', to: 'locales en' }
    },
    {
        code: 'CX006', title: 'two default locales',
        files: `spec T { locales en default, ja default }
journey J { stage S { touchpoint Tp channel web } }
survey Sv {
    en "Survey" ja "調査"
    trigger after Tp
    question q: nps about Tp { en "Q?" ja "質問" }
}
`,
        expected: [
            "spec.cx:1:10 error CX006 Locales 'en' and 'ja' are all marked default; keep `default` on one."
        ],
        fix: { from: 'ja default', to: 'ja' }
    }
];
