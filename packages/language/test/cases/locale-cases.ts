import type { DiagnosticCase } from '../support/diagnostic-case.js';

/** A bilingual spec, Japanese by default; `question` is line 6. */
function bilingual(question: string, extra = ''): string {
    return `spec T { locales ja default, en }
journey J { stage S { touchpoint Tp channel web } }
survey Sv {
    ja "調査" en "Survey"
    trigger after Tp
${question}
}
${extra}`;
}

/** Labels in every declared locale (CX101-CX103); CX005 and CX006 are in the spec cases. */
export const LOCALE_CASES: DiagnosticCase[] = [
    {
        code: 'CX101', title: 'question without a text in the default locale',
        files: bilingual('    question q: nps about Tp { en "How likely are you to recommend us?" }'),
        expected: [
            "spec.cx:6:14 error CX101 The question 'q' has no text in the default locale 'ja'; add `ja \"...\"`."
        ],
        fix: { from: '{ en "How', to: '{ ja "おすすめしますか?" en "How' }
    },
    {
        code: 'CX101', title: 'option without a text in the default locale',
        files: bilingual(`    question q: nps about Tp { ja "質問" en "Q?" }
    question c: choice {
        ja "目的は?" en "Purpose?"
        option work { en "Work" }
        option fun { ja "遊び" en "Fun" }
    }`),
        expected: [
            "spec.cx:9:16 error CX101 The option 'work' has no text in the default locale 'ja'; add `ja \"...\"`."
        ],
        fix: { from: 'option work { en "Work" }', to: 'option work { ja "仕事" en "Work" }' }
    },
    {
        code: 'CX101', title: 'a title that is given must exist in the default locale',
        files: bilingual('    question q: nps about Tp { ja "質問" en "Q?" }', 'segment Promoters { en "Promoters" where Sv.q >= 9 }\n'),
        expected: [
            "spec.cx:8:9 error CX101 The segment title 'Promoters' has no text in the default locale 'ja'; add `ja \"...\"`."
        ],
        fix: { from: '{ en "Promoters"', to: '{ ja "推奨者" en "Promoters"' }
    },
    {
        code: 'CX102', title: 'question without a text in another locale',
        files: bilingual('    question q: nps about Tp { ja "おすすめしますか?" }'),
        expected: [
            "spec.cx:6:14 warning CX102 The question 'q' has no 'en' text; add `en \"...\"` or respondents in 'en' see the default text."
        ],
        fix: { from: '{ ja "おすすめしますか?" }', to: '{ ja "おすすめしますか?" en "Would you recommend us?" }' }
    },
    {
        code: 'CX102', title: 'scale label without a text in another locale',
        files: bilingual(`    question q: nps about Tp {
        ja "質問" en "Q?"
        low { ja "全く思わない" }
        high { ja "非常にそう思う" en "Extremely likely" }
    }`),
        expected: [
            "spec.cx:8:9 warning CX102 The 'low' label of question 'q' has no 'en' text; add `en \"...\"` or respondents in 'en' see the default text."
        ],
        fix: { from: 'low { ja "全く思わない" }', to: 'low { ja "全く思わない" en "Not at all likely" }' }
    },
    {
        code: 'CX103', title: 'two texts in one locale',
        files: bilingual('    question q: nps about Tp { ja "質問" en "Q?" en "Question?" }'),
        expected: [
            "spec.cx:6:48 error CX103 The question 'q' has two 'en' texts; keep one."
        ],
        fix: { from: ' en "Question?"', to: '' }
    }
];
