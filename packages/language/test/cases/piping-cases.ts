import type { DiagnosticCase } from '../support/diagnostic-case.js';
import { NPS, surveySpec } from './base.js';

/** Piping `{name}` into texts (CX330-CX332); the texts under test are on line 7 or 8. */
export const PIPING_CASES: DiagnosticCase[] = [
    {
        code: 'CX330', title: 'piping a name that is no question of the survey',
        files: surveySpec(`${NPS}
    question why: text { en "You gave us {score}. Why?" }`),
        expected: [
            "spec.cx:7:42 error CX330 '{score}' pipes an answer into this text, but survey 'Sv' has no question 'score'; use the name of an earlier question."
        ],
        fix: { from: '{score}', to: '{q}' }
    },
    {
        code: 'CX331', title: 'piping a question asked later',
        files: surveySpec(`${NPS}
    question why: text { en "Why {again}?" }
    question again: boolean { en "Again?" }`),
        expected: [
            "spec.cx:7:34 error CX331 '{again}' pipes the answer to 'again', which is not answered yet when this text is shown; pipe only questions asked before it (on an earlier page for a page's texts)."
        ],
        fix: { from: 'Why {again}?', to: 'Why {q}?' }
    },
    {
        code: 'CX331', title: 'piping into a page title a question on that page',
        files: surveySpec(`${NPS}
    page more { en "About {e}" }
    question e: boolean { en "E?" }`),
        expected: [
            "spec.cx:7:27 error CX331 '{e}' pipes the answer to 'e', which is not answered yet when this text is shown; pipe only questions asked before it (on an earlier page for a page's texts)."
        ],
        fix: { from: 'About {e}', to: 'About {q}' }
    },
    {
        code: 'CX332', title: 'piping a question that may be hidden',
        files: surveySpec(`${NPS}
    question reason: text when q <= 6 { en "Why?" }
    question more: text { en "You said: {reason}. Anything else?" }`),
        expected: [
            "spec.cx:8:41 warning CX332 '{reason}' pipes the answer to 'reason', which may be hidden (it is shown only when q <= 6), and then shows as empty; pipe a question every respondent sees, or word the text for an empty answer."
        ],
        fix: { from: 'You said: {reason}.', to: 'You rated us {q}.' }
    }
];
