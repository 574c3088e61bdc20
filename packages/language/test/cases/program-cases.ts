import type { DiagnosticCase } from '../support/diagnostic-case.js';
import { NPS, surveySpec } from './base.js';

/** Contact rules, the sampling salt and survey priorities, which `cxspec invite` applies (CX901-CX905). */
export const PROGRAM_CASES: DiagnosticCase[] = [
    {
        code: 'CX901', title: 'a contact rule that allows no invitation',
        files: surveySpec(NPS, '', 'locales en contact at most 0 per 30d'),
        expected: [
            "spec.cx:1:29 error CX901 Contact rule 'at most 0 per 30d' lets no invitation through; allow at least 1."
        ],
        fix: { from: 'at most 0 per 30d', to: 'at most 1 per 30d' }
    },
    {
        code: 'CX901', title: 'two contact rules over the same window',
        files: surveySpec(NPS, '', 'locales en contact at most 1 per 30d, at most 2 per 30d'),
        expected: [
            "spec.cx:1:48 error CX901 Window 30d already has a contact rule; keep one rule per window."
        ],
        fix: { from: ', at most 2 per 30d', to: '' }
    },
    {
        code: 'CX902', title: 'a contact rule implied by a stricter one over a longer window',
        files: surveySpec(NPS, '', 'locales en contact at most 3 per 30d, at most 1 per 365d'),
        expected: [
            "spec.cx:1:29 warning CX902 Contact rule 'at most 3 per 30d' never applies: 'at most 1 per 365d' is at least as strict; remove it or loosen the other."
        ],
        fix: { from: 'at most 3 per 30d, ', to: '' }
    },
    {
        code: 'CX903', title: 'an empty sampling salt',
        files: surveySpec(NPS, '', 'locales en salt ""'),
        expected: [
            'spec.cx:1:26 error CX903 The sampling salt is empty; write a non-empty text such as `salt "2026-q1"`, or remove `salt` to use the spec name.'
        ],
        fix: { from: 'salt ""', to: 'salt "2026-q1"' }
    },
    {
        code: 'CX904', title: 'priority 0',
        files: surveySpec(NPS).replace('trigger after Tp', 'trigger after Tp priority 0'),
        expected: [
            "spec.cx:5:31 error CX904 Priority 0 of survey 'Sv' is below 1; 1 goes first, write 1 or more."
        ],
        fix: { from: 'priority 0', to: 'priority 1' }
    },
    {
        code: 'CX905', title: 'two surveys with the same priority',
        files: surveySpec(NPS, `survey Sw {
    en "Other"
    trigger after Tp delay 1d priority 1
    question r: csat about Tp { en "R?" }
}
`).replace('trigger after Tp\n', 'trigger after Tp priority 1\n'),
        expected: [
            "spec.cx:5:31 warning CX905 Surveys 'Sv' and 'Sw' both have priority 1, so the survey name decides which is sent when they compete; give them different priorities.",
            "spec.cx:10:40 warning CX905 Surveys 'Sw' and 'Sv' both have priority 1, so the survey name decides which is sent when they compete; give them different priorities."
        ],
        fix: { from: 'delay 1d priority 1', to: 'delay 1d priority 2' }
    }
];
