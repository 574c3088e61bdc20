/**
 * The nesting limits of conditions (CX007): exact diagnostics, and on random condition trees, that
 * a condition within the limits is read as written and one past them is reported once and still
 * parses (the scan leaves out whole constructs, never half of one).
 */
import { expect, it } from 'vitest';
import fc from 'fast-check';
import { describeDiagnosticCases } from './support/diagnostic-case.js';
import { buildFiles } from './support/spec-workspace.js';
import { LIMIT_CASES } from './cases/limit-cases.js';
import { NPS, surveySpec } from './cases/base.js';
import { propertyRuns } from '../../../test/support/property-runs.js';

describeDiagnosticCases('Limits of conditions: nesting and NUL characters', LIMIT_CASES);

interface Shaped {
    text: string;
    /** Levels of `(` and `not` at the deepest point. */
    depth: number;
    operators: number;
}

const comparison: fc.Arbitrary<Shaped> = fc.constantFrom('q >= 9', 'q = 3', 'q in [1, 2]', 'q not in [0]', 'q is answered', 'q is not answered')
    .map(text => ({ text, depth: 0, operators: 0 }));

const condition: fc.Arbitrary<Shaped> = fc.letrec<{ c: Shaped }>(tie => ({
    c: fc.oneof({ depthSize: 'small', withCrossShrink: true },
        comparison,
        fc.tuple(fc.integer({ min: 1, max: 60 }), tie('c')).map(([n, c]) => ({ text: `${'not '.repeat(n)}${c.text}`, depth: c.depth + n, operators: c.operators })),
        fc.tuple(fc.integer({ min: 1, max: 60 }), tie('c')).map(([n, c]) => ({ text: `${'('.repeat(n)}${c.text}${')'.repeat(n)}`, depth: c.depth + n, operators: c.operators })),
        fc.tuple(tie('c'), fc.constantFrom('and', 'or'), tie('c')).map(([a, op, b]) => ({
            text: `${a.text} ${op} ${b.text}`, depth: Math.max(a.depth, b.depth), operators: a.operators + b.operators + 1
        })))
})).c;

it('reads a condition within the limits as written, and reports one past them once, without a syntax error', async () => {
    let pastTheLimit = 0;
    const runs = propertyRuns(150);
    await fc.assert(fc.asyncProperty(condition, async c => {
        if (c.depth > 64) pastTheLimit++;
        const { lines } = await buildFiles({ 'spec.cx': surveySpec(`${NPS}\n    question r: text when ${c.text} { en "R?" }`) });
        const tooDeep = lines.filter(line => line.includes(' CX007 '));
        expect(lines.filter(line => !line.includes(' CX007 '))).toEqual([]);
        expect(tooDeep.length).toBe(c.depth > 64 ? 1 : 0);
    }), { numRuns: runs, seed: 20261204 });
    // The generator must reach past the limit often (about one case in seven), at any run count.
    expect(pastTheLimit).toBeGreaterThan(Math.floor(runs * 0.13));
});
