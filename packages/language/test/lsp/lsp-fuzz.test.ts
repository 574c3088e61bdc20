/**
 * Random editing through `didChange` (incremental edits, as VS Code sends them) with requests
 * interleaved: the server must answer every request, never with an internal error, and live on.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ResponseError } from 'vscode-languageserver-protocol';
import { copyExamples, fileUri, startServer, type LspClient } from './lsp-client.js';
import { propertyRuns } from '../../../../test/support/property-runs.js';

let dir: string;
let client: LspClient;

beforeAll(async () => {
    dir = await copyExamples('coffee-mobile-order');
    client = await startServer(dir);
});

afterAll(async () => {
    await client?.stop();
});

/** Fragments that matter to the grammar, plus noise: keywords, brackets, quotes, comments, non-ASCII. */
const FRAGMENTS = [
    '{', '}', '[', ']', '(', ')', '"', '/*', '*/', '//', '\n', ' ', '.', '..', ',', ':', '%', '-', '=', '<=', '>=', '!=',
    'survey ', 'question q: ', 'nps', 'choice', 'option o { ja "a" }', 'about ', 'when ', 'in [', 'trigger after ',
    'journey J { stage S { touchpoint T } }', 'metric m = nps(AfterPickup.recommend) target >= 30', 'ja "テキスト"', 'en ',
    'spec X', 'spec CoffeeMobileOrder', 'locales ja default, en', 'recommend', 'PickupShelf', '0..10', '2h', '1.5', '😀', '\t'
];

type Op =
    | { kind: 'insert'; at: number; text: string }
    | { kind: 'delete'; at: number; length: number }
    | { kind: 'request'; method: string; at: number };

const METHODS = [
    'textDocument/completion', 'textDocument/hover', 'textDocument/definition', 'textDocument/references',
    'textDocument/documentSymbol', 'textDocument/foldingRange', 'textDocument/formatting', 'textDocument/semanticTokens/full',
    'textDocument/codeAction', 'textDocument/codeLens', 'textDocument/inlayHint', 'textDocument/prepareRename',
    'textDocument/rename', 'workspace/symbol', 'cxspec/previewModel'
];

const op: fc.Arbitrary<Op> = fc.oneof(
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 6 })) }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('request' as const), method: fc.constantFrom(...METHODS), at: fc.nat() }) }
);

function positionAt(text: string, offset: number): { line: number; character: number } {
    const before = text.slice(0, offset);
    const line = before.split('\n').length - 1;
    return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

function paramsFor(method: string, uri: string, position: { line: number; character: number }): unknown {
    const textDocument = { uri };
    const range = { start: position, end: position };
    switch (method) {
        case 'workspace/symbol': return { query: 'P' };
        case 'cxspec/previewModel': return { uri, position };
        case 'textDocument/documentSymbol': case 'textDocument/foldingRange': case 'textDocument/codeLens':
        case 'textDocument/semanticTokens/full': return { textDocument };
        case 'textDocument/formatting': return { textDocument, options: { tabSize: 2, insertSpaces: true } };
        case 'textDocument/references': return { textDocument, position, context: { includeDeclaration: true } };
        case 'textDocument/rename': return { textDocument, position, newName: 'renamed' };
        case 'textDocument/codeAction': return { textDocument, range, context: { diagnostics: client.diagnostics.get(uri) ?? [] } };
        case 'textDocument/inlayHint': return { textDocument, range: { start: { line: 0, character: 0 }, end: { line: 10_000, character: 0 } } };
        default: return { textDocument, position };
    }
}

it('answers every request and stays alive through thousands of random edits', async () => {
    // The survey file, and in a quarter of the runs the metrics file (whose broken states cost the
    // parser's error recovery most): between them every kind of declaration is edited.
    const files = ['survey.cx', 'metrics.cx'].map(name => path.join(dir, 'coffee-mobile-order', name));
    const originals = await Promise.all(files.map(file => fs.readFile(file, 'utf8')));
    const uris = files.map(fileUri);
    const versions = [1, 1];
    for (let i = 0; i < files.length; i++) await client.open(uris[i], originals[i]);
    const runs = propertyRuns(100);
    let edits = 0;
    let requests = 0;
    const failures: string[] = [];
    await fc.assert(fc.asyncProperty(fc.constantFrom(0, 0, 0, 1), fc.array(op, { minLength: 20, maxLength: 40 }), async (which, ops) => {
        const uri = uris[which];
        const original = originals[which];
        let text = original;
        const pending: Array<Promise<void>> = [];
        for (const o of ops) {
            const at = o.at % (text.length + 1);
            if (o.kind === 'request') {
                requests++;
                const method = o.method;
                pending.push(client.request(method, paramsFor(method, uri, positionAt(text, at))).then(() => undefined, (error: unknown) => {
                    // A preview of a broken spec, a refused rename and a cancellation are answers; an internal error is a crash.
                    const code = error instanceof ResponseError ? error.code : undefined;
                    if (code !== -32803 && code !== -32802 && code !== -32800 && code !== -32801) failures.push(`${method}: ${String(error)}`);
                }));
                continue;
            }
            edits++;
            const end = o.kind === 'delete' ? Math.min(text.length, at + o.length) : at;
            const newText = o.kind === 'insert' ? o.text : '';
            const range = { start: positionAt(text, at), end: positionAt(text, end) };
            text = text.slice(0, at) + newText + text.slice(end);
            const version = ++versions[which];
            await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text: newText }] });
        }
        await Promise.all(pending);
        // Back to the original text for the next run, in one full-text change.
        const version = ++versions[which];
        await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text: original }] });
        return failures.length === 0 && client.child.exitCode === null;
    }), { numRuns: runs, seed: 20261123 });
    expect(failures).toEqual([]);
    expect(edits).toBeGreaterThan(20 * runs);
    expect(requests).toBeGreaterThan(2.5 * runs);
    expect(client.child.exitCode).toBe(null);
    // The server still knows the exact texts: the untouched spec validates clean again.
    for (const uri of uris) expect(await client.waitForDiagnostics(uri, d => d.length === 0, 30_000)).toEqual([]);
    const symbols = await client.request<Array<{ name: string }>>('textDocument/documentSymbol', { textDocument: { uri: uris[0] } });
    expect(symbols.map(s => s.name)).toEqual(['CoffeeMobileOrder', 'AfterPickup']);
}, 600_000);

it('answers malformed and out-of-range requests without dying', async () => {
    const uri = fileUri(path.join(dir, 'coffee-mobile-order/survey.cx'));
    const far = { line: 99_999, character: 99_999 };
    const bogus = [
        { severity: 1, range: { start: far, end: far }, message: 'x', code: 'CX102', data: { code: 'CX102' } },
        { severity: 1, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: 'x', data: { code: 'CX001', containerType: 'Question', property: 'about' } },
        { severity: 1, range: { start: { line: 3, character: 0 }, end: { line: 3, character: 1 } }, message: 'x', data: { code: 'CX703' } }
    ];
    const requests: Array<[string, unknown]> = [
        ['textDocument/hover', { textDocument: { uri }, position: far }],
        ['textDocument/completion', { textDocument: { uri }, position: far }],
        ['textDocument/definition', { textDocument: { uri: 'file:///nowhere.cx' }, position: far }],
        ['textDocument/formatting', { textDocument: { uri: 'file:///nowhere.cx' }, options: { tabSize: 2, insertSpaces: true } }],
        ['textDocument/codeAction', { textDocument: { uri }, range: { start: far, end: far }, context: { diagnostics: bogus } }],
        ['textDocument/rename', { textDocument: { uri }, position: far, newName: '' }],
        ['cxspec/previewModel', { uri: 'not a uri' }],
        ['cxspec/previewModel', { uri, focus: { kind: 'survey', name: 'NoSuchSurvey' } }]
    ];
    const answers = await Promise.all(requests.map(([method, params]) => client.request(method, params).then(
        result => `${method}: ${JSON.stringify(result)}`,
        (error: ResponseError<unknown>) => `${method}: error ${error.code} ${error.message}`)));
    expect(answers).toEqual([
        'textDocument/hover: null',
        // Past the end of the text: the keywords that may follow the last declaration.
        expect.stringMatching(/^textDocument\/completion: \{"items":\[\{"detail":"Keyword".*"label":"segment"\}/),
        // A file the server does not know: ServerCancelled, Langium's answer for documents it never built.
        'textDocument/definition: error -32802 No document found for URI: file:///nowhere.cx',
        'textDocument/formatting: error -32802 No document found for URI: file:///nowhere.cx',
        'textDocument/codeAction: []',
        "textDocument/rename: error -32803 '' cannot be a CXSpec name; use letters, digits and _, start with a letter or _, and avoid keywords.",
        'cxspec/previewModel: error -32803 No CXSpec document is open at not a uri.',
        'cxspec/previewModel: error -32803 Spec \'CoffeeMobileOrder\' has no survey \'NoSuchSurvey\' to preview.'
    ]);
    expect(client.child.exitCode).toBe(null);
});

// ---------------------------------------------------------------- deep nesting (issue #16, item 1)

/** Conditions nest at most this deep (docs/language.md, CX007). */
const NESTING_LIMIT = 64;

type Nesting = 'parens' | 'nots' | 'mixed' | 'unclosed';

/** A segment condition nested `depth` levels deep, and the offset in it of the first construct past the limit. */
function nestedCondition(kind: Nesting, depth: number): { text: string; firstTooDeep: number } {
    const field = 'People.age >= 9';
    switch (kind) {
        case 'parens': return { text: `${'('.repeat(depth)}${field}${')'.repeat(depth)}`, firstTooDeep: NESTING_LIMIT };
        case 'nots': return { text: `${'not '.repeat(depth)}${field}`, firstTooDeep: NESTING_LIMIT * 4 };
        // `not (` is two levels: the 33rd `not` is the 65th construct.
        case 'mixed': return { text: `${'not ('.repeat(depth)}${field}${')'.repeat(depth)}`, firstTooDeep: (NESTING_LIMIT / 2) * 5 };
        // As while typing: the parentheses are not closed yet.
        case 'unclosed': return { text: `${'('.repeat(depth)}${field}`, firstTooDeep: NESTING_LIMIT };
    }
}

/** A spec of its own beside the example's, whose files the requests are about. */
function deepSpec(condition: string): string {
    return `spec Deep { locales en }\n\ndataset People {\n  en "People"\n  key id\n  column age: number\n}\n\nsegment Old {\n  en "Old"\n  where ${condition}\n}\n`;
}

/** A request that must be answered: a hang fails the test instead of running into its timeout. */
async function answered<R>(method: string, params: unknown): Promise<R> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`${method} was not answered within 15 s`)), 15_000); });
    try {
        return await Promise.race([client.request<R>(method, params), timeout]);
    } finally {
        clearTimeout(timer);
    }
}

/** Requests about the other files of the spec, each with the answer it gets from an intact workspace. */
async function answersAboutOthers(): Promise<string[]> {
    const metrics = fileUri(path.join(dir, 'coffee-mobile-order/metrics.cx'));
    const survey = fileUri(path.join(dir, 'coffee-mobile-order/survey.cx'));
    const commuter = { line: 3, character: 10 };
    const references = await answered<unknown[]>('textDocument/references', { textDocument: { uri: metrics }, position: commuter, context: { includeDeclaration: true } });
    const highlights = await answered<unknown[]>('textDocument/documentHighlight', { textDocument: { uri: metrics }, position: commuter });
    const rename = await answered<{ changes: Record<string, unknown[]> }>('textDocument/rename', { textDocument: { uri: metrics }, position: commuter, newName: 'Commuters' });
    const actions = await answered<unknown[]>('textDocument/codeAction', { textDocument: { uri: metrics }, range: { start: commuter, end: commuter }, context: { diagnostics: [] } });
    const symbols = await answered<Array<{ name: string }>>('workspace/symbol', { query: 'Commuter' });
    const preview = await answered<{ specName: string; focus: unknown }>('cxspec/previewModel', { uri: survey, focus: { kind: 'survey', name: 'AfterPickup' } });
    return [
        `references ${references.length}`, `highlights ${highlights.length}`, `rename ${Object.values(rename.changes).flat().length} edits`,
        `code actions ${actions.length}`, `symbols ${symbols.map(s => s.name).join(',')}`, `preview ${preview.specName} ${JSON.stringify(preview.focus)}`
    ];
}

const INTACT = ['references 3', 'highlights 3', 'rename 3 edits', 'code actions 0', 'symbols Commuter', 'preview CoffeeMobileOrder {"kind":"survey","name":"AfterPickup"}'];

it('reports a condition nested too deep, answers every request after it, and reparses the fixed file correctly', async () => {
    const uri = fileUri(path.join(dir, 'coffee-mobile-order/deep.cx'));
    expect(await answersAboutOthers()).toEqual(INTACT);
    for (const [kind, depth] of [['parens', 120], ['nots', 400], ['mixed', 150], ['unclosed', 300]] as const) {
        const { text, firstTooDeep } = nestedCondition(kind, depth);
        const spec = deepSpec(text);
        // Only a publication for this text counts, not one left from the previous round.
        client.diagnostics.delete(uri);
        await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'cxspec', version: 1, text: spec } });
        const diagnostics = await client.waitForDiagnostics(uri, d => d.some(x => x.code === 'CX007'));
        const at = spec.indexOf('where ') + 6 + firstTooDeep;
        expect(diagnostics.filter(d => d.code === 'CX007').map(d => [d.range, d.message])).toEqual([[
            { start: positionAt(spec, at), end: positionAt(spec, at + (spec.startsWith('not', at) ? 3 : 1)) },
            `A condition nests at most ${NESTING_LIMIT} levels deep (each '(' and 'not' opens one); remove redundant parentheses and double 'not's.`
        ]]);
        // The other files are answered about while the deep file is open, and once it is closed.
        expect(await answersAboutOthers(), kind).toEqual(INTACT);
        await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
        expect(await answersAboutOthers(), kind).toEqual(INTACT);
    }
    // Fixed: the reparse gives the right tree (hover names the column, the outline the declarations).
    const fixed = deepSpec(nestedCondition('parens', 3).text);
    client.diagnostics.delete(uri);
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'cxspec', version: 1, text: fixed } });
    expect(await client.waitForDiagnostics(uri, d => d.length === 0)).toEqual([]);
    const hover = await answered<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri }, position: positionAt(fixed, fixed.lastIndexOf('age') + 1) });
    expect(hover.contents.value).toContain('age');
    const outline = await answered<Array<{ name: string; children?: Array<{ name: string }> }>>('textDocument/documentSymbol', { textDocument: { uri } });
    expect(outline.map(s => [s.name, ...(s.children ?? []).map(c => c.name)])).toEqual([['Deep'], ['People', 'age'], ['Old']]);
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    expect(client.child.exitCode).toBe(null);
}, 300_000);

it('answers every request after conditions of random depth and shape', async () => {
    const uri = fileUri(path.join(dir, 'coffee-mobile-order/deep.cx'));
    let version = 1;
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'cxspec', version, text: deepSpec('People.age >= 9') } });
    await fc.assert(fc.asyncProperty(fc.constantFrom<Nesting>('parens', 'nots', 'mixed', 'unclosed'), fc.integer({ min: 0, max: 400 }), async (kind, depth) => {
        const text = deepSpec(nestedCondition(kind, depth).text);
        client.diagnostics.delete(uri);
        await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [{ text }] });
        const levels = kind === 'mixed' ? 2 * depth : depth;
        const diagnostics = await client.waitForDiagnostics(uri, d => d.some(x => x.code === 'CX007') === levels > NESTING_LIMIT);
        const position = positionAt(text, text.lastIndexOf('age') + 1);
        await answered('textDocument/hover', { textDocument: { uri }, position });
        await answered('textDocument/completion', { textDocument: { uri }, position });
        await answered('textDocument/semanticTokens/full', { textDocument: { uri } });
        expect(await answersAboutOthers()).toEqual(INTACT);
        return diagnostics.filter(d => d.code === 'CX007').length === (levels > NESTING_LIMIT ? 1 : 0);
    }), { numRuns: 30, seed: 20261204 });
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    expect(client.child.exitCode).toBe(null);
}, 300_000);
