/**
 * Code actions keyed by diagnostic codes: each fix, applied as the client would, leaves a clean spec.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { applyEdits, openExample, type LspClient } from './lsp-client.js';

let client: LspClient;
let originals: Map<string, string>;
let uriOf: (file: string) => string;
let files: string[];

beforeAll(async () => {
    ({ client, originals, uriOf } = await openExample('coffee-mobile-order'));
    files = [...originals.keys()];
});

afterAll(async () => {
    await client?.stop();
});

/**
 * Breaks `file`, asks for the fixes of the diagnostic with `code`, applies the only one offered
 * and returns its title and the fixed texts once every file of the spec is clean again.
 */
async function fix(file: string, breakIt: (text: string) => string, code: string): Promise<{ title: string; texts: Map<string, string> }> {
    const uri = uriOf(file);
    await client.change(uri, breakIt(originals.get(file)!));
    const diagnostics = await client.waitForDiagnostics(uri, d => d.some(x => x.code === code));
    const target: Diagnostic[] = diagnostics.filter(d => d.code === code);
    expect(target).toHaveLength(1);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri }, range: target[0].range, context: { diagnostics: target }
    });
    expect(actions).toHaveLength(1);
    const [action] = actions;
    expect(action.kind).toBe('quickfix');
    expect(action.diagnostics).toEqual(target);
    const texts = new Map<string, string>();
    for (const [changed, edits] of Object.entries(action.edit!.changes!)) {
        const name = path.basename(new URL(changed).pathname);
        const before = name === file ? breakIt(originals.get(file)!) : originals.get(name)!;
        texts.set(name, applyEdits(before, edits));
        await client.change(changed, texts.get(name)!);
    }
    for (const f of files) {
        expect([f, await client.waitForDiagnostics(uriOf(f), d => d.length === 0)]).toEqual([f, []]);
    }
    return { title: action.title, texts };
}

async function restore(...names: string[]): Promise<void> {
    for (const name of names) await client.change(uriOf(name), originals.get(name)!);
}

describe('quick fixes', () => {
    it('CX102: adds the missing English label inside a one-line block', async () => {
        const { title, texts } = await fix('survey.cx', t => t.replace('low { ja "まったく薦めない" en "Not at all likely" }', 'low { ja "まったく薦めない" }'), 'CX102');
        expect(title).toBe("Add the 'en' text (copied from 'ja', to translate)");
        expect(texts.get('survey.cx')).toBe(originals.get('survey.cx')!.replace('en "Not at all likely"', 'en "まったく薦めない"'));
        await restore('survey.cx');
    });

    it('CX102: adds the missing English text of a question on its own line', async () => {
        const english = '    en "How likely are you to recommend mobile order to a friend or colleague?"\n';
        const { texts } = await fix('survey.cx', t => t.replace(english, ''), 'CX102');
        expect(texts.get('survey.cx')).toBe(originals.get('survey.cx')!.replace(english, '    en "モバイルオーダーを友人や同僚に薦める可能性はどのくらいありますか?"\n'));
        await restore('survey.cx');
    });

    it('CX101: adds the missing default-locale text', async () => {
        const japanese = '    ja "{recommend} 点と評価された一番の理由を教えてください。"\n';
        const { title, texts } = await fix('survey.cx', t => t.replace(japanese, ''), 'CX101');
        expect(title).toBe("Add the 'ja' text (copied from 'en', to translate)");
        const english = '    en "You gave us {recommend}. What is the main reason for your score?"\n';
        expect(texts.get('survey.cx')).toBe(originals.get('survey.cx')!.replace(japanese + english, english + english.replace('en "', 'ja "')));
        await restore('survey.cx');
    });

    it('CX001: creates a touchpoint named by `about` in the journey, in another file', async () => {
        const { title, texts } = await fix('survey.cx', t => t.replace('question drink: csat {', 'question drink: csat about DrinkQuality {'), 'CX001');
        expect(title).toBe("Create touchpoint 'DrinkQuality' in stage 'MobileOrder.Loyalty'");
        expect([...texts.keys()]).toEqual(['journey.cx']);
        const journey = originals.get('journey.cx')!;
        const end = journey.lastIndexOf('  }\n}');
        expect(texts.get('journey.cx')).toBe(`${journey.slice(0, end)}    touchpoint DrinkQuality\n${journey.slice(end)}`);
        await restore('journey.cx', 'survey.cx');
    });

    it('CX703: rewrites a CSAT target given as a fraction in %', async () => {
        const { title, texts } = await fix('metrics.cx', t => t.replace('target >= 80% warn 85%', 'target >= 0.8 warn 0.85'), 'CX703');
        expect(title).toBe('Write the target in %: `>= 80% warn 85%`');
        expect(texts.get('metrics.cx')).toBe(originals.get('metrics.cx'));
        await restore('metrics.cx');
    });

    it('CX702: moves an NPS target into -100..100', async () => {
        const { title, texts } = await fix('metrics.cx', t => t.replace('target >= 30 warn 35', 'target >= -130 warn 35'), 'CX702');
        expect(title).toBe('Move the target into the range -100..100: `>= -100 warn 35`');
        expect(texts.get('metrics.cx')).toBe(originals.get('metrics.cx')!.replace('target >= 30 warn 35', 'target >= -100 warn 35'));
        await restore('metrics.cx');
    });

    it('offers nothing for a diagnostic without a fix', async () => {
        const uri = uriOf('survey.cx');
        await client.change(uri, originals.get('survey.cx')!.replace('question reason: text', 'question recommend: text'));
        const diagnostics = (await client.waitForDiagnostics(uri, d => d.length > 0)).filter(d => d.code === 'CX002');
        expect(diagnostics.length).toBeGreaterThan(0);
        expect(await client.request('textDocument/codeAction', { textDocument: { uri }, range: diagnostics[0].range, context: { diagnostics } })).toEqual([]);
        await restore('survey.cx');
    });
});
