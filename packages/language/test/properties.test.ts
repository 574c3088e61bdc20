import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { conditionText, type Condition, type FieldRef, type Literal } from '@cxspec/model';
import { collectSpecFiles } from '@cxspec/language';
import { buildFiles, type BuiltFiles } from './support/spec-workspace.js';
import { propertyRuns } from '../../../test/support/property-runs.js';

const examples = path.resolve(__dirname, '../../../examples');
const LINE = /^[\w./-]+\.cx:\d+:\d+ (error|warning|info|hint) CX\d{3} [^\n]+$/;

/** Every diagnostic is one well-formed line, and a spec without errors yields a valid model. */
function expectWellFormed(built: BuiltFiles): void {
    for (const line of built.lines) {
        expect(line).toMatch(LINE);
        // Langium turns an exception inside a check into this diagnostic instead of throwing.
        expect(line).not.toContain('An error occurred during');
    }
    if (!built.diagnostics.some(d => d.severity === 'error')) {
        for (const name of new Set(built.documents.map(d => (d.parseResult.value as { name?: string }).name).filter(Boolean))) {
            built.model(name!);
        }
    }
}

/** The example specs, each as its files' texts keyed by name. */
async function exampleSpecs(): Promise<Array<Record<string, string>>> {
    const files = await collectSpecFiles([examples]);
    const byFolder = new Map<string, Record<string, string>>();
    for (const file of files) {
        const folder = path.relative(examples, path.dirname(file));
        const spec = byFolder.get(folder) ?? {};
        spec[`${folder}/${path.basename(file)}`] = fs.readFileSync(file, 'utf8');
        byFolder.set(folder, spec);
    }
    return [...byFolder.values()];
}

type Mutation = { kind: 'delete' | 'duplicate' | 'swap' | 'insert'; at: number; length: number; char: string };

function mutate(text: string, mutations: Mutation[]): string {
    let result = text;
    for (const m of mutations) {
        const at = Math.floor(m.at * result.length);
        const end = Math.min(result.length, at + m.length);
        switch (m.kind) {
            case 'delete': result = result.slice(0, at) + result.slice(end); break;
            case 'duplicate': result = result.slice(0, end) + result.slice(at, end) + result.slice(end); break;
            case 'swap': result = at + 1 < result.length ? result.slice(0, at) + result[at + 1] + result[at] + result.slice(at + 2) : result; break;
            case 'insert': result = result.slice(0, at) + m.char + result.slice(at); break;
        }
    }
    return result;
}

const mutation: fc.Arbitrary<Mutation> = fc.record({
    kind: fc.constantFrom('delete', 'duplicate', 'swap', 'insert'),
    at: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
    length: fc.integer({ min: 1, max: 40 }),
    char: fc.constantFrom('{', '}', '(', ')', '[', ']', '.', ',', ':', '"', '%', '-', '=', '<', ' ', '\n', 'a', '0', 'と', 'and', 'not', 'when')
});

const EXAMPLE_NAMES = ['b2b-saas', 'coffee-mobile-order', 'd2c-ecommerce', 'life-insurance-sales', 'mobile-carrier-shop'];

// Seeds are fixed so a run is reproducible (CI cannot fail on a new draw); change them to explore.
describe('robustness', () => {
    // 400 mutations of each of the five examples: 2,000 specs, each built with all its files.
    for (const [index, name] of EXAMPLE_NAMES.entries()) {
        it(`mutations of examples/${name} never make the parser, linker or validator throw`, async () => {
            const files = (await exampleSpecs())[index];
            expect(Object.keys(files)[0]).toMatch(new RegExp(`^${name}/`));
            const names = Object.keys(files);
            await fc.assert(fc.asyncProperty(fc.nat(), fc.array(mutation, { minLength: 1, maxLength: 4 }), async (fileSeed, mutations) => {
                const target = names[fileSeed % names.length];
                expectWellFormed(await buildFiles({ ...files, [target]: mutate(files[target], mutations) }));
            }), { numRuns: propertyRuns(400), seed: 1809125622 + index });
        }, 300_000);
    }

    it('random printable text never makes the parser, linker or validator throw', async () => {
        const token = fc.constantFrom('spec', 'T', '{', '}', 'locales', 'en', 'survey', 'question', 'q', ':', 'nps', 'when', 'and',
            'or', 'not', 'in', '[', ']', 'is', 'answered', 'metric', '=', 'nps(', ')', 'target', '>=', '30', '%', '"x"', '..', 'journey',
            'stage', 'touchpoint', 'dataset', 'column', 'key', 'drivers', 'by', 'segment', 'where', '\n');
        const text = fc.oneof(
            fc.string({ unit: 'grapheme', maxLength: 300 }),
            fc.array(token, { maxLength: 80 }).map(tokens => tokens.join(' '))
        );
        await fc.assert(fc.asyncProperty(text, async input => {
            expectWellFormed(await buildFiles({ 'random.cx': input }));
        }), { numRuns: propertyRuns(1000), seed: 20261123 });
    });
});

// ------------------------------------------------------------ display logic round trip

/** Earlier questions the generated logic reads, with values valid for each. */
const LOGIC_SPEC = (when: string) => `spec L { locales en }
survey S {
    en "S"
    question n: nps { en "N" }
    question c: choice { en "C" option a { en "A" } option b { en "B" } option x { en "X" } }
    question b: boolean { en "B" }
    question t: text { en "T" }
    question m: matrix { en "M" item i { en "I" } }
    question shown: text when ${when} { en "?" }
}
`;

const field = (question: string): FieldRef => ({ source: 'question', survey: 'S', question });
const ops = ['=', '!=', '<', '<=', '>', '>='] as const;

const num = (value: number): Literal => ({ type: 'number', value });
const option = (id: string): Literal => ({ type: 'option', id });

const predicate: fc.Arbitrary<Condition> = fc.oneof(
    fc.record({ type: fc.constant('compare' as const), field: fc.constant(field('n')), op: fc.constantFrom(...ops), value: fc.integer({ min: 0, max: 10 }).map(num) }),
    fc.record({ type: fc.constant('compare' as const), field: fc.constant(field('c')), op: fc.constantFrom('=' as const, '!=' as const), value: fc.constantFrom('a', 'b', 'x').map(option) }),
    fc.record({ type: fc.constant('compare' as const), field: fc.constant(field('b')), op: fc.constantFrom('=' as const, '!=' as const), value: fc.boolean().map(value => ({ type: 'boolean' as const, value })) }),
    fc.record({ type: fc.constant('compare' as const), field: fc.constant(field('t')), op: fc.constantFrom('=' as const, '!=' as const), value: fc.string({ maxLength: 8 }).map(value => ({ type: 'string' as const, value })) }),
    fc.record({ type: fc.constant('in' as const), field: fc.constant(field('c')), values: fc.uniqueArray(fc.constantFrom('a', 'b', 'x'), { minLength: 1 }).map(ids => ids.map(option)), negated: fc.boolean() }),
    fc.record({ type: fc.constant('in' as const), field: fc.constant(field('n')), values: fc.array(fc.integer({ min: 0, max: 10 }).map(num), { minLength: 1, maxLength: 4 }), negated: fc.boolean() }),
    fc.record({ type: fc.constant('answered' as const), field: fc.constantFrom(...['n', 'c', 'b', 't', 'm'].map(field)), negated: fc.boolean() })
);

const condition: fc.Arbitrary<Condition> = fc.letrec<{ cond: Condition }>(tie => ({
    cond: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        predicate,
        fc.record({ type: fc.constantFrom('and' as const, 'or' as const), operands: fc.array(tie('cond'), { minLength: 2, maxLength: 3 }) }),
        fc.record({ type: fc.constant('not' as const), operand: tie('cond') })
    )
})).cond;

function literal(v: Literal): string {
    switch (v.type) {
        case 'number': case 'boolean': return String(v.value);
        case 'string': return JSON.stringify(v.value);
        case 'option': return v.id;
    }
}

/** Prints a condition with every compound operand in parentheses, as a writer might. */
function print(c: Condition): string {
    switch (c.type) {
        case 'compare': return `${c.field.source === 'question' ? c.field.question : ''} ${c.op} ${literal(c.value)}`;
        case 'in': return `${(c.field as { question: string }).question}${c.negated ? ' not' : ''} in [${c.values.map(literal).join(', ')}]`;
        case 'answered': return `${(c.field as { question: string }).question} is${c.negated ? ' not' : ''} answered`;
        case 'not': return `not (${print(c.operand)})`;
        default: return c.operands.map(o => `(${print(o)})`).join(` ${c.type} `);
    }
}

/** The model writes `a and (b and c)` as one `and` of three operands. */
function flatten(c: Condition): Condition {
    if (c.type === 'not') return { type: 'not', operand: flatten(c.operand) };
    if (c.type !== 'and' && c.type !== 'or') return c;
    return { type: c.type, operands: c.operands.map(flatten).flatMap(o => (o.type === c.type ? o.operands : [o])) };
}

describe('display logic round trip', () => {
    it('random valid conditions validate clean and come back unchanged in the CX model', async () => {
        await fc.assert(fc.asyncProperty(condition, async cond => {
            const built = await buildFiles({ 'logic.cx': LOGIC_SPEC(print(cond)) });
            expect(built.lines).toEqual([]);
            const shown = built.model('L').surveys[0].questions.find(q => q.name === 'shown')!;
            expect(shown.visibleWhen).toEqual(flatten(cond));
        }), { numRuns: propertyRuns(500), seed: 7 });
    });

    it('the model\'s condition text of random conditions parses back to the same condition', async () => {
        await fc.assert(fc.asyncProperty(condition, async cond => {
            const built = await buildFiles({ 'logic.cx': LOGIC_SPEC(conditionText(flatten(cond), 'S')) });
            expect(built.lines).toEqual([]);
            expect(built.model('L').surveys[0].questions.find(q => q.name === 'shown')!.visibleWhen).toEqual(flatten(cond));
        }), { numRuns: 200, seed: 11 });
    });
});
