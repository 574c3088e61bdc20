/** Specs the language accepts but the compiler cannot turn into a faithful response record. */
import { describe, expect, it } from 'vitest';
import { URI } from 'langium';
import { buildWorkspace } from '@cxspec/language';
import { CompileError, compileProblems, compileSpec, formatProblem } from '@cxspec/compiler';

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
});
