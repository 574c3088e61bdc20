/**
 * Half-typed and garbled specs, as an editor holds them between keystrokes: every problem is a
 * diagnostic, and nothing is logged (Langium logs a check or a scope lookup that throws, with its
 * stack trace, and goes on).
 */
import { afterEach, beforeEach, expect, it, vi, type MockInstance } from 'vitest';
import fc from 'fast-check';
import { buildFiles } from './support/spec-workspace.js';
import { propertyRuns } from '../../../test/support/property-runs.js';

let logged: MockInstance[];

beforeEach(() => {
    logged = [vi.spyOn(console, 'error').mockImplementation(() => undefined), vi.spyOn(console, 'warn').mockImplementation(() => undefined)];
});

afterEach(() => {
    for (const spy of logged) spy.mockRestore();
});

function logs(): string[] {
    return logged.flatMap(spy => spy.mock.calls.map(call => call.map(String).join(' ')));
}

it('reports a field reference without its head as a syntax error, without a stack trace', async () => {
    const { lines } = await buildFiles({ 'spec.cx': 'spec M\nmetric m = nps(.x)\n' });
    expect(lines).toEqual(["spec.cx:2:16 error CX000 Expected a name but found '.'."]);
    expect(logs()).toEqual([]);
});

/** Pieces of every declaration and of every kind of reference, put together at random. */
const FRAGMENTS = [
    'spec M ', 'spec M { locales en } ', '{ ', '} ', '( ', ') ', '[ ', '] ', '. ', ', ', ': ', '= ', '<= ', '% ', '"t" ', '/* c */ ', '\n',
    'survey S ', 'en "S" ', 'trigger after T ', 'joins D ', 'question q: nps ', 'question c: choice ', 'option o ', 'when ', 'about T ',
    'journey J { stage St { touchpoint T } } ', 'dataset D { key id column s: a | b column d: date lifecycle start d end d } ',
    'segment G ', 'where ', 'metric m = ', 'nps(', 'csat(', 'top(', 'mean(', 'rate(', 'churn(', 'clv(', 'margin 10% discount 5% ',
    'drivers k = ', 'by [', 'per month ', 'target >= 30 ', 'S.q ', 'S.', '.q ', 'D.s ', 'q ', 'o ', 'a ', 'not ', 'and ', 'or ', 'in [',
    'is answered ', '9 ', 'x '
];

it('logs nothing for specs made of random pieces of the grammar', async () => {
    await fc.assert(fc.asyncProperty(fc.array(fc.constantFrom(...FRAGMENTS), { minLength: 1, maxLength: 30 }), async pieces => {
        // Most runs start as a spec does, so that the pieces reach the declarations.
        const { lines } = await buildFiles({ 'spec.cx': `${pieces.length % 4 === 0 ? '' : 'spec M { locales en } '}${pieces.join('')}` });
        for (const line of lines) expect(line).toMatch(/^spec\.cx:\d+:\d+ (error|warning|info|hint) CX\d{3} [^\n]+$/);
        expect(logs()).toEqual([]);
    }), { numRuns: propertyRuns(400), seed: 20261204 });
});
