/**
 * Texts with quotes, braces, backslashes, newlines, HTML and Japanese survive compilation: read back
 * through survey-core they equal the spec's texts in every locale. Strings and option ids used in
 * display logic still evaluate right in SurveyJS, whatever characters they hold.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { Model, surveyLocalization } from 'survey-core';
import { URI } from 'langium';
import { type CxModel } from '@cxspec/model';
import { buildWorkspace } from '@cxspec/language';
import { compileProblems, compileSurvey, visibleQuestions } from '@cxspec/compiler';
import { question, surveyModel } from './support/models.js';
import { propertyRuns } from '../../../test/support/property-runs.js';

const TRICKY = [
    'Say "yes" or \'no\'',
    // Braces around an identifier pipe an answer (CX330 if no such question), so these are not one.
    'Braces {not a name} and {{1}} and }{',
    'Back\\slash \\" and trailing\\',
    'Line one\nLine two\r\nLine three\ttab',
    '<b>bold</b> & <script>alert("x")</script> &amp;',
    '「おすすめ度」を教えてください。絵文字 ☕️ も',
    '  padded  '
];

/** A CXSpec string literal for any text. */
function cx(s: string): string {
    return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t')}"`;
}

/** A spec whose every text is one tricky string (ja) and the same with a prefix (en). */
function trickySpec(): string {
    const texts = (s: string) => `ja ${cx(s)} en ${cx(`EN ${s}`)}`;
    const questions = TRICKY.map((s, i) => `
  question q${i}: nps {
    ${texts(s)}
    description { ${texts(s)} }
    low { ${texts(s)} }
    high { ${texts(s)} }
  }
  question pick${i}: choice {
    ${texts(s)}
    option empty { ${texts(s)} }
    option contains { ${texts(s)} }
    option Or { ${texts(s)} }
  }
  question flag${i}: boolean {
    ${texts(s)}
    true { ${texts(s)} }
    false { ${texts(s)} }
  }
  question answer${i}: text { ${texts(s)} }
  question same${i}: boolean when answer${i} = ${cx(s)} { ${texts(s)} }
  question listed${i}: boolean when answer${i} in [${cx(s)}, "other"] or pick${i} = Or { ${texts(s)} }`).join('\n');
    return `spec Tricky {
  ${texts(TRICKY[0])}
  locales ja default, en
}
survey Escapes {
  ${texts(TRICKY[1])}
  description { ${texts(TRICKY[3])} }
  ${questions}
  thanks { ${texts(TRICKY[4])} }
}
`;
}

async function trickyModel(): Promise<CxModel> {
    const workspace = await buildWorkspace([{ uri: URI.file('/virtual/tricky.cx'), text: trickySpec() }], { root: '/virtual' });
    expect(workspace.diagnostics.filter(d => d.severity === 'error')).toEqual([]);
    return workspace.model('Tricky');
}

const defaultLocale = surveyLocalization.defaultLocale;
afterEach(() => { surveyLocalization.defaultLocale = defaultLocale; });

describe('labels survive compilation', () => {
    it('every localized text reads back from survey-core equal to the spec text', async () => {
        const model = await trickyModel();
        const survey = model.surveys[0];
        const surveyModel = new Model(compileSurvey(model, survey));
        expect(surveyModel.jsonErrors).toBeNull();
        expect(surveyModel.validateExpressions()).toEqual([]);
        type Loc = { getLocaleText(locale: string): string };
        const check = (loc: Loc, text: Record<string, string>, what: string) => {
            expect(loc.getLocaleText('default'), `${what} (ja)`).toBe(text.ja);
            expect(loc.getLocaleText('en'), `${what} (en)`).toBe(text.en);
        };
        check(surveyModel.locTitle, survey.title, 'survey title');
        check(surveyModel.locDescription, survey.description, 'survey description');
        for (const q of survey.questions) {
            const sq = surveyModel.getQuestionByName(q.name) as unknown as Record<string, Loc> & { choices?: Array<{ value: string; locText: Loc }> };
            check(sq.locTitle, q.text, `${q.name} title`);
            if (q.kind === 'nps') {
                check(sq.locDescription, q.description, `${q.name} description`);
                check(sq.locMinRateDescription, q.scale!.minLabel, `${q.name} low`);
                check(sq.locMaxRateDescription, q.scale!.maxLabel, `${q.name} high`);
            }
            if (q.kind === 'boolean' && Object.keys(q.trueLabel).length > 0) {
                check(sq.locLabelTrue, q.trueLabel, `${q.name} true`);
                check(sq.locLabelFalse, q.falseLabel, `${q.name} false`);
            }
            for (const option of q.options) {
                const choice = sq.choices!.find(c => c.value === option.id)!;
                check(choice.locText, option.label, `${q.name}.${option.id}`);
            }
        }
        // The texts in the spec are the originals: the parser kept every character.
        expect(survey.questions.filter(q => q.kind === 'nps').map(q => q.text.ja)).toEqual(TRICKY);
    });

    it('the survey shows the default locale, and English when the app switches to it', async () => {
        const model = await trickyModel();
        const surveyModel = new Model(compileSurvey(model, model.surveys[0]));
        surveyLocalization.defaultLocale = model.spec.defaultLocale;
        const title = () => surveyModel.getQuestionByName('q2').title;
        expect(title()).toBe(TRICKY[2]);
        surveyModel.locale = 'en';
        expect(title()).toBe(`EN ${TRICKY[2]}`);
    });

    it('the completion page is the thanks text as escaped HTML', async () => {
        const model = await trickyModel();
        const json = compileSurvey(model, model.surveys[0]);
        expect(json.completedHtml).toEqual({
            default: '<h3>&lt;b&gt;bold&lt;/b&gt; &amp; &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp;amp;</h3>',
            en: '<h3>EN &lt;b&gt;bold&lt;/b&gt; &amp; &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp;amp;</h3>'
        });
    });
});

describe('strings and option ids in display logic evaluate right', () => {
    it('a text equal to the tricky string shows the question, a different one hides it', async () => {
        const model = await trickyModel();
        const survey = model.surveys[0];
        const surveyModel = new Model(compileSurvey(model, survey));
        TRICKY.forEach((s, i) => {
            const cases: Array<[Record<string, unknown>, boolean]> = [
                [{ [`answer${i}`]: s }, true],
                [{ [`answer${i}`]: s.toUpperCase() }, true],
                [{ [`answer${i}`]: `${s}x` }, false],
                [{ [`answer${i}`]: 'other' }, false],
                [{}, false]
            ];
            for (const [answers, same] of cases) {
                surveyModel.data = answers;
                const expected = visibleQuestions(survey, answers);
                expect(expected.includes(`same${i}`), `${JSON.stringify(answers)} interpreter`).toBe(same);
                expect(surveyModel.getQuestionByName(`same${i}`).isVisible, `${JSON.stringify(answers)} SurveyJS`).toBe(same);
                expect(surveyModel.getQuestionByName(`listed${i}`).isVisible).toBe(expected.includes(`listed${i}`));
            }
            for (const id of ['empty', 'contains', 'Or']) {
                surveyModel.data = { [`pick${i}`]: id };
                expect(surveyModel.getQuestionByName(`listed${i}`).isVisible, `pick${i} = ${id}`).toBe(id === 'Or');
            }
        });
    });

    it('any string compared with a text answer: SurveyJS agrees with the interpreter, or the compiler refuses it', () => {
        fc.assert(fc.property(
            fc.string({ unit: 'grapheme', maxLength: 12 }),
            fc.string({ unit: 'grapheme', maxLength: 12 }),
            (literal, other) => {
                const model = textLogicModel(literal);
                const problems = compileProblems(model);
                if (problems.length > 0) {
                    expect(problems.map(p => p.code)).toEqual(['CX901', 'CX901']);
                    return;
                }
                const survey = model.surveys[0];
                const surveyModel = new Model(compileSurvey(model, survey));
                expect(surveyModel.validateExpressions()).toEqual([]);
                for (const answer of [literal, ` ${literal.toUpperCase()} `, other, `${literal}\\`, '']) {
                    const answers = answer === '' ? {} : { t: answer };
                    surveyModel.data = answers;
                    const shown = survey.questions.filter(q => surveyModel.getQuestionByName(q.name).isVisible).map(q => q.name);
                    expect(shown, JSON.stringify(answers)).toEqual(visibleQuestions(survey, answers));
                }
            }
        ), { numRuns: propertyRuns(300), seed: 20260303 });
    });

    it('strings SurveyJS would read as numbers, booleans or quoted text are refused with their location', () => {
        for (const literal of ['42', ' 1.5 ', 'TRUE', 'false', '0x1F', '\'quoted\'', '"both"']) {
            const problems = compileProblems(textLogicModel(literal));
            expect(problems.map(p => [p.code, p.loc.file, p.loc.line]), literal).toEqual([['CX901', 'test.cx', 2], ['CX901', 'test.cx', 3]]);
            expect(problems[0].message).toMatch(/^Display logic of question 'same' cannot be compiled: SurveyJS (reads|strips) /);
            expect(problems[1].message).toMatch(/^Display logic of question 'differs' cannot be compiled: SurveyJS (reads|strips) /);
        }
    });
});

/** A text question and two questions comparing it to `literal`, on lines 2 and 3. */
function textLogicModel(literal: string): CxModel {
    const field = { source: 'question' as const, survey: 'S', question: 't' };
    return surveyModel([
        question('t', 'text', 1),
        question('same', 'boolean', 2, { type: 'compare', field, op: '=', value: { type: 'string', value: literal } }),
        question('differs', 'boolean', 3, { type: 'in', field, values: [{ type: 'string', value: literal }], negated: true })
    ]);
}
