import type { DiagnosticCase } from '../support/diagnostic-case.js';
import { NPS, surveySpec } from './base.js';

/** Journeys, stages and touchpoints (CX201-CX204). */
export const JOURNEY_CASES: DiagnosticCase[] = [
    {
        code: 'CX201', title: 'unknown channel',
        files: surveySpec(NPS).replace('channel web', 'channel carrier_pigeon'),
        expected: [
            "spec.cx:2:45 warning CX201 Unknown channel 'carrier_pigeon' on touchpoint 'Tp'; use one of web, app, store, call_center, phone, email, sms, chat, social, delivery, kiosk, field, mail, partner, event, video, in_person."
        ],
        fix: { from: 'channel carrier_pigeon', to: 'channel mail' }
    },
    {
        code: 'CX202', title: 'coverage gap: a touchpoint no question measures',
        files: surveySpec(NPS).replace('touchpoint Tp channel web', 'touchpoint Tp channel web touchpoint Pay channel app'),
        expected: [
            "spec.cx:2:60 warning CX202 No question measures touchpoint 'Pay' (coverage gap); add a question with `about Pay` to a survey, or mark it `not measured \"why\"` when that is deliberate."
        ],
        fix: { from: NPS, to: `${NPS}\n    question pay: csat about Pay { en "How was paying?" }` }
    },
    {
        code: 'CX202', title: 'a touchpoint left out on purpose, with its reason, is no gap',
        files: surveySpec(NPS).replace('touchpoint Tp channel web', 'touchpoint Tp channel web touchpoint Pay channel app'),
        expected: [
            "spec.cx:2:60 warning CX202 No question measures touchpoint 'Pay' (coverage gap); add a question with `about Pay` to a survey, or mark it `not measured \"why\"` when that is deliberate."
        ],
        fix: { from: 'touchpoint Pay channel app', to: 'touchpoint Pay channel app not measured "Payment errors come from the payment log"' }
    },
    {
        code: 'CX204', title: 'a touchpoint marked not measured that a question measures',
        files: surveySpec(NPS).replace('touchpoint Tp channel web', 'touchpoint Tp channel web not measured "Observed in store"'),
        expected: [
            "spec.cx:2:62 warning CX204 Touchpoint 'Tp' is marked `not measured`, but a question is `about` it; remove `not measured` or the question's `about`."
        ],
        fix: { from: ' not measured "Observed in store"', to: '' }
    },
    {
        code: 'CX202', title: 'a trigger does not measure its touchpoint',
        files: surveySpec('    question q: nps { en "Q?" }'),
        expected: [
            "spec.cx:2:34 warning CX202 No question measures touchpoint 'Tp' (coverage gap); add a question with `about Tp` to a survey, or mark it `not measured \"why\"` when that is deliberate."
        ],
        fix: { from: 'question q: nps {', to: 'question q: nps about Tp {' }
    },
    {
        code: 'CX203', title: 'stage without touchpoints',
        files: surveySpec(NPS).replace('journey J {', 'journey J { stage Renewal { }'),
        expected: [
            "spec.cx:2:19 warning CX203 Stage 'Renewal' has no touchpoints; add `touchpoint Name channel web` or remove the stage."
        ],
        fix: { from: ' stage Renewal { }', to: '' }
    },
    {
        code: 'CX002', title: 'touchpoint names are unique across journeys',
        files: surveySpec(NPS, 'journey K { stage S { touchpoint Tp channel app } }\n'),
        expected: [
            "spec.cx:8:34 error CX002 Duplicate touchpoint 'Tp' in spec 'T' (first declared on line 2); touchpoint names are unique across journeys, rename one of them."
        ],
        fix: { from: 'journey K { stage S { touchpoint Tp channel app } }', to: '' }
    },
    {
        code: 'CX002', title: 'duplicate stage in a journey',
        files: surveySpec(`${NPS}\n    question q2: csat about Tp2 { en "C?" }`)
            .replace('touchpoint Tp channel web }', 'touchpoint Tp channel web } stage S { touchpoint Tp2 channel web }'),
        expected: [
            "spec.cx:2:57 error CX002 Duplicate stage 'S' in journey 'J'; rename one of them."
        ],
        fix: { from: 'stage S { touchpoint Tp2', to: 'stage S2 { touchpoint Tp2' }
    }
];
