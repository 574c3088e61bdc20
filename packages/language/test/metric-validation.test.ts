import { describe, expect, it } from 'vitest';
import { describeDiagnosticCases } from './support/diagnostic-case.js';
import { buildFiles } from './support/spec-workspace.js';
import { METRIC_CASES } from './cases/metric-cases.js';

describeDiagnosticCases('Segment, dataset, metric and driver validation', METRIC_CASES);

describe('a question left without a kind by a syntax error in its file', () => {
    it('is referenced from other files without crashing a check or a misleading diagnostic', async () => {
        const built = await buildFiles({
            'spec.cx': 'spec K {\n  en "K"\n  locales en default\n}\n',
            'survey.cx': 'spec K\n\nsurvey S {\n  en "S"\n  question a: { en "A?" }\n  question b: csat { en "B?" }\n}\n',
            'metrics.cx': 'spec K\n\nsegment Hi { en "Hi" where S.a = 3 }\n'
                + 'metric m { en "M" } = nps(S.a) by [Hi]\n'
                + 'drivers d { en "D" } = S.a by [b]\n'
                + 'drivers e { en "E" } = S.b by [a]\n'
        });
        expect(built.lines.filter(l => !l.startsWith('survey.cx'))).toEqual([]);
        expect(built.lines).toEqual([expect.stringMatching(/^survey\.cx:5:15 error CX000 Expected 'nps'/)]);
    });
});
