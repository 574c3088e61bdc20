/** Specs the language accepts but the compiler cannot turn into a faithful response record. */
import { describe, expect, it } from 'vitest';
import { URI } from 'langium';
import { buildWorkspace } from '@cxspec/language';
import { Model } from 'survey-core';
import { CompileError, compileProblems, compileSpec, compileSurvey, formatProblem } from '@cxspec/compiler';
import { question, surveyModel } from './support/models.js';

const SPEC = `spec Clash { locales en default }
dataset Customers {
  key customer_id
  column plan: basic | pro
}
survey S {
  en "S"
  joins Customers
  question respondent_id: text { en "Your id?" }
  question customer_id: text { en "Customer?" }
  question fine: csat { en "How was it?" }
}
`;

describe('compile problems', () => {
    it('a question named like a record field (respondent_id, the joined key) stops compilation, with its location', async () => {
        const workspace = await buildWorkspace([{ uri: URI.file('/virtual/clash.cx'), text: SPEC }], { root: '/virtual' });
        expect(workspace.diagnostics.filter(d => d.severity === 'error')).toEqual([]);
        const model = workspace.model('Clash');
        expect(compileProblems(model).map(formatProblem)).toEqual([
            "clash.cx:9:3 error CX902 Question 'respondent_id' of survey 'S' has the name of a field every response record carries; rename the question.",
            "clash.cx:10:3 error CX902 Question 'customer_id' of survey 'S' has the name of a field every response record carries; rename the question."
        ]);
        expect(() => compileSpec(model)).toThrow(CompileError);
    });

    it('question names SurveyJS reserves are refused; SurveyJS indeed fails on each, and works on near misses', () => {
        const reserved = ['constructor', 'toString', 'Constructor', '__proto__', 'hasOwnProperty', 'self', 'locale', 'pageno', 'PageCount', 'questioncount', 'correctanswers'];
        const nearMisses = ['Self', 'Locale', 'item', 'row', 'value', 'survey', 'pages'];
        /** Whether SurveyJS loads the survey and reads the question's answer in display logic. */
        const surveyJsWorks = (name: string) => {
            const model = surveyModel([question(name, 'text', 2), question('z', 'boolean', 3, { type: 'answered', field: { source: 'question', survey: 'S', question: name }, negated: true })]);
            try {
                const survey = new Model(compileSurvey(model, model.surveys[0]));
                const before = survey.getQuestionByName('z').isVisible;
                survey.data = { [name]: 'x' };
                return before && !survey.getQuestionByName('z').isVisible;
            } catch {
                return false;
            }
        };
        for (const name of reserved) {
            const model = surveyModel([question(name, 'text', 2)]);
            expect(compileProblems(model).map(p => [p.code, p.loc.line]), name).toEqual([['CX903', 2]]);
            expect(surveyJsWorks(name), name).toBe(false);
        }
        for (const name of nearMisses) {
            expect(compileProblems(surveyModel([question(name, 'text', 2)])), name).toEqual([]);
            expect(surveyJsWorks(name), name).toBe(true);
        }
    });

    it('matrix items named like Object.prototype keys are refused', () => {
        const matrix = { ...question('grid', 'matrix', 2), scale: { min: 1, max: 5, minLabel: {}, maxLabel: {} },
            items: [{ id: 'hasOwnProperty', label: { en: 'H' } }, { id: 'fine', label: { en: 'F' } }] };
        expect(compileProblems(surveyModel([matrix])).map(formatProblem)).toEqual([
            "test.cx:2:3 error CX903 Item 'hasOwnProperty' of matrix 'grid' cannot keep its name: SurveyJS fails on a matrix answer with an item of that name; rename the item."
        ]);
    });
});
