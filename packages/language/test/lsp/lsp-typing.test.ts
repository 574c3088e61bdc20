/**
 * The editor as a user meets it: text typed one keystroke at a time (incremental changes), each
 * request made at the caret, on copies of the examples driven over stdio.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeAction, CodeLens, CompletionItem, CompletionList, Hover, MarkupContent, SelectionRange, SignatureHelp, SymbolInformation, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { applyEdits, copyExamples, openExample, positionAt, startServer, type OpenExample } from './lsp-client.js';

let coffee: OpenExample;
let saas: OpenExample;

beforeAll(async () => {
    [coffee, saas] = await Promise.all([openExample('coffee-mobile-order'), openExample('b2b-saas')]);
});

afterAll(async () => {
    await Promise.all([coffee?.client.stop(), saas?.client.stop()]);
});

async function completionLabels(example: OpenExample, uri: string, position: { line: number; character: number }): Promise<string[]> {
    const result = await example.client.request<CompletionList | CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position });
    return (Array.isArray(result) ? result : result.items).map(i => i.label);
}

/**
 * In `file`, selects `replaced` where it follows the first `anchor`, deletes it, types `typed`
 * there, asks for completion at the caret, then restores the file.
 */
async function completeAfterTyping(example: OpenExample, file: string, anchor: string, replaced: string, typed: string): Promise<string[]> {
    const uri = example.uriOf(file);
    const original = example.client.textOf(uri);
    const found = original.indexOf(anchor + replaced);
    if (found < 0) throw new Error(`'${anchor}${replaced}' not in ${file}`);
    const offset = found + anchor.length;
    try {
        await example.client.erase(uri, offset, replaced.length);
        const caret = await example.client.type(uri, offset, typed);
        return await completionLabels(example, uri, caret);
    } finally {
        await example.client.change(uri, original);
    }
}

describe('option and enum ids complete while the id is typed', () => {
    it('offers the options of the compared question after the first letters', async () => {
        expect(await completeAfterTyping(coffee, 'metrics.cx', 'visit_reason = ', 'commute', '')).toEqual(['commute', 'work_break', 'weekend', 'meetup', 'other']);
        expect(await completeAfterTyping(coffee, 'metrics.cx', 'visit_reason = ', 'commute', 'w')).toEqual(['work_break', 'weekend']);
        expect(await completeAfterTyping(coffee, 'metrics.cx', 'visit_reason in [weekend, ', 'meetup', 'm')).toEqual(['meetup']);
    });

    it('offers the values of an enum column after the first letters, without true/false', async () => {
        expect(await completeAfterTyping(saas, 'metrics.cx', 'where Customers.plan = ', 'enterprise', 'ent')).toEqual(['enterprise']);
        expect(await completeAfterTyping(saas, 'metrics.cx', 'where Customers.plan = ', 'enterprise', '')).toEqual(['starter', 'growth', 'enterprise']);
    });
});

describe('closing a buffer without saving', () => {
    it('goes back to the file on disk', async () => {
        const { client } = coffee;
        const survey = coffee.uriOf('survey.cx');
        const metrics = coffee.uriOf('metrics.cx');
        const original = client.textOf(survey);
        const offset = original.indexOf('about Payment') + 'about '.length;
        await client.erase(survey, offset, 'Payment'.length);
        await client.type(survey, offset, 'Nowhere');
        const typed = await client.waitForDiagnostics(survey, d => d.some(x => String(x.message).includes("'Nowhere'")));
        expect(typed.map(d => d.message)).toEqual(["Unknown touchpoint 'Nowhere'; declare it in a stage of a journey of this spec, or fix the name."]);
        await client.close(survey);
        const end = client.textOf(metrics).length;
        await client.type(metrics, end, '\n');
        try {
            expect(await client.waitForDiagnostics(survey, d => d.length === 0)).toEqual([]);
            expect(await client.waitForDiagnostics(metrics, d => d.length === 0)).toEqual([]);
        } finally {
            await client.erase(metrics, end, 1);
            await client.open(survey, original);
        }
    });
});

describe('rename', () => {
    const at = (example: OpenExample, file: string, needle: string, shift: number) => {
        const text = example.client.textOf(example.uriOf(file));
        return positionAt(text, text.indexOf(needle) + shift);
    };

    it('refuses a name already taken, saying by what', async () => {
        await expect(coffee.client.request('textDocument/rename', {
            textDocument: { uri: coffee.uriOf('survey.cx') }, position: at(coffee, 'survey.cx', 'about Payment', 8), newName: 'MenuBrowse'
        })).rejects.toThrow("'MenuBrowse' is already the name of touchpoint 'MenuBrowse' (journey.cx:17); choose a name that is not taken.");
        await expect(coffee.client.request('textDocument/rename', {
            textDocument: { uri: coffee.uriOf('survey.cx') }, position: at(coffee, 'survey.cx', 'question payment', 10), newName: 'pickup'
        })).rejects.toThrow("'pickup' is already the name of question 'pickup' (survey.cx:56); choose a name that is not taken.");
    });

    it('renames a spec in every file that names it, and the spec stays valid', async () => {
        const { client } = coffee;
        const edit = await client.request<WorkspaceEdit>('textDocument/rename', {
            textDocument: { uri: coffee.uriOf('spec.cx') }, position: at(coffee, 'spec.cx', 'spec CoffeeMobileOrder', 6), newName: 'CoffeeOrders'
        });
        const files = [...coffee.originals.keys()];
        expect(Object.keys(edit.changes!).sort()).toEqual(files.map(coffee.uriOf).sort());
        try {
            for (const file of files) {
                const uri = coffee.uriOf(file);
                const renamed = applyEdits(client.textOf(uri), edit.changes![uri]);
                expect(renamed).toBe(client.textOf(uri).replace('spec CoffeeMobileOrder', 'spec CoffeeOrders'));
                await client.change(uri, renamed);
            }
            for (const file of files) expect([file, await client.waitForDiagnostics(coffee.uriOf(file), d => d.length === 0)]).toEqual([file, []]);
        } finally {
            for (const file of files) await client.change(coffee.uriOf(file), coffee.originals.get(file)!);
        }
    });
});

describe('did you mean', () => {
    interface Misspelling { file: string; anchor: string; replaced: string; typed: string; message: string; fixes: Array<[string, boolean]> }

    /** Misspells a name by typing, then returns the diagnostic's message and the fixes offered at the caret, and applies the preferred one. */
    async function misspell(example: OpenExample, m: Misspelling): Promise<void> {
        const { client } = example;
        const uri = example.uriOf(m.file);
        const original = client.textOf(uri);
        const offset = original.indexOf(m.anchor + m.replaced) + m.anchor.length;
        try {
            await client.erase(uri, offset, m.replaced.length);
            const caret = await client.type(uri, offset, m.typed);
            const diagnostics = await client.waitForDiagnostics(uri, d => d.some(x => String(x.message).includes(`'${m.typed}'`)));
            const target = diagnostics.filter(x => String(x.message).includes(`'${m.typed}'`));
            expect(target.map(d => d.message)).toEqual([m.message]);
            const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
                textDocument: { uri }, range: { start: caret, end: caret }, context: { diagnostics: target }
            });
            expect(actions.map(a => [a.title, a.isPreferred ?? false])).toEqual(m.fixes);
            const preferred = actions.find(a => a.isPreferred)!;
            await client.change(uri, applyEdits(client.textOf(uri), preferred.edit!.changes![uri]));
            expect(client.textOf(uri)).toBe(original);
            expect(await client.waitForDiagnostics(uri, d => d.length === 0)).toEqual([]);
        } finally {
            await client.change(uri, original);
        }
    }

    it('offers the touchpoint a misspelt `about` names, preferred over creating one', () => misspell(coffee, {
        file: 'survey.cx', anchor: 'about ', replaced: 'Payment', typed: 'Paymnet',
        message: "Unknown touchpoint 'Paymnet'; did you mean 'Payment'?",
        fixes: [["Change to 'Payment'", true], ["Create touchpoint 'Paymnet' in stage 'MobileOrder.Loyalty'", false]]
    }));

    it('offers questions of the named survey only', () => misspell(coffee, {
        file: 'metrics.cx', anchor: 'nps(AfterPickup.', replaced: 'recommend', typed: 'recomend',
        message: "Unknown field 'recomend'; did you mean 'recommend'?",
        fixes: [["Change to 'recommend'", true]]
    }));

    it('offers surveys and datasets for a misspelt source', () => misspell(coffee, {
        file: 'metrics.cx', anchor: 'nps(', replaced: 'AfterPickup', typed: 'AfterPikcup',
        message: "Unknown field 'AfterPikcup'; did you mean 'AfterPickup'?",
        fixes: [["Change to 'AfterPickup'", true]]
    }));

    it('offers options of the compared question', () => misspell(coffee, {
        file: 'metrics.cx', anchor: 'visit_reason = ', replaced: 'commute', typed: 'comute',
        message: "Unknown option 'comute'; did you mean 'commute'?",
        fixes: [["Change to 'commute'", true]]
    }));

    it('offers segments', () => misspell(coffee, {
        file: 'metrics.cx', anchor: 'by [', replaced: 'Commuter', typed: 'Comuter',
        message: "Unknown segment 'Comuter'; did you mean 'Commuter'?",
        fixes: [["Change to 'Commuter'", true]]
    }));

    it('offers channels', () => misspell(coffee, {
        file: 'journey.cx', anchor: 'channel ', replaced: 'app', typed: 'apq',
        message: "Unknown channel 'apq' on touchpoint 'MenuBrowse'; did you mean 'app'? The channels are web, app, store, call_center, phone, email, sms, chat, social, delivery, kiosk, field, mail, partner, event, video, in_person.",
        fixes: [["Change the channel to 'app'", true]]
    }));
});

describe('CX702 quick fix', () => {
    it('moves a target and its warning into the range and keeps the warning on the passing side', async () => {
        const { client } = coffee;
        const uri = coffee.uriOf('metrics.cx');
        const original = client.textOf(uri);
        const offset = original.indexOf('target >= 30 warn 35') + 'target >= '.length;
        try {
            await client.erase(uri, offset, '30 warn 35'.length);
            const caret = await client.type(uri, offset, '130 warn 135');
            const diagnostics = await client.waitForDiagnostics(uri, d => d.some(x => x.code === 'CX702' && String(x.message).includes('130')));
            const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
                textDocument: { uri }, range: { start: caret, end: caret }, context: { diagnostics: diagnostics.filter(d => d.code === 'CX702') }
            });
            expect(actions.map(a => a.title)).toEqual(['Move the target into the range -100..100: `>= 95 warn 100`']);
            await client.change(uri, applyEdits(client.textOf(uri), actions[0].edit!.changes![uri]));
            expect(client.textOf(uri)).toBe(original.replace('target >= 30 warn 35', 'target >= 95 warn 100'));
            expect(await client.waitForDiagnostics(uri, d => !d.some(x => String(x.message).includes('130')))).toEqual([]);
        } finally {
            await client.change(uri, original);
        }
    });
});

describe('completion follows the rules of the language', () => {
    it('offers only earlier questions of the same survey after `when`', async () => {
        expect(await completeAfterTyping(coffee, 'survey.cx', 'question pickup: csat about PickupShelf', '', ' when ')).toEqual(
            ['not', 'recommend', 'reason', 'menu_ease', 'payment', 'ready_notice', 'ready_on_arrival']);
    });

    it('offers only the questions a metric function accepts', async () => {
        expect(await completeAfterTyping(coffee, 'metrics.cx', 'csat(AfterPickup.', 'pickup', '')).toEqual(
            ['recommend', 'menu_ease', 'payment', 'ready_notice', 'pickup', 'drink', 'rewards']);
        expect(await completeAfterTyping(coffee, 'metrics.cx', 'nps(AfterPickup.', 'recommend', '')).toEqual(['recommend']);
        expect(await completeAfterTyping(coffee, 'metrics.cx', 'csat(', 'AfterPickup.pickup', '')).toEqual(['AfterPickup']);
        expect(await completeAfterTyping(saas, 'metrics.cx', 'mean(', 'RenewalSurvey.renewal_process', '')).toEqual(
            ['Customers', 'OnboardingSurvey', 'RelationshipSurvey', 'RenewalSurvey']);
        expect(await completeAfterTyping(saas, 'metrics.cx', 'mean(Customers.', 'mrr', '')).toEqual(['mrr']);
    });

    it('offers date columns for a lifecycle and number columns for clv', async () => {
        expect(await completeAfterTyping(saas, 'spec.cx', 'lifecycle start ', 'signed_up', '')).toEqual(['signed_up', 'churned_on']);
        expect(await completeAfterTyping(saas, 'spec.cx', 'end ', 'churned_on', '')).toEqual(['signed_up', 'churned_on']);
        expect(await completeAfterTyping(saas, 'metrics.cx', 'clv(Customers.', 'mrr', '')).toEqual(['mrr']);
    });

    it('offers scaled questions other than the outcome and those listed as drivers', async () => {
        expect(await completeAfterTyping(coffee, 'metrics.cx', 'drink, ', 'rewards', '')).toEqual(['rewards']);
    });

    it('offers the operators after `target` and the channels after `channel`', async () => {
        expect(await completeAfterTyping(coffee, 'metrics.cx', 'target ', '>= 30 warn 35', '')).toEqual(['>=', '>', '<=', '<']);
        expect(await completeAfterTyping(coffee, 'journey.cx', 'touchpoint MenuBrowse channel ', 'app', '')).toEqual([
            'web', 'app', 'store', 'call_center', 'phone', 'email', 'sms', 'chat', 'social', 'delivery', 'kiosk', 'field', 'mail', 'partner', 'event',
            'video', 'in_person']);
    });

    it('offers nothing inside a comment, and no keyword where a new name is typed', async () => {
        expect(await completeAfterTyping(coffee, 'metrics.cx', '// 顧客セグメント', '', ' ')).toEqual([]);
        expect(await completeAfterTyping(coffee, 'metrics.cx', 'per month target >= 30 warn 35\n', '', '\nsegment C')).toEqual([]);
        expect(await completeAfterTyping(coffee, 'survey.cx', 'question drink: csat {', '', '\n  question c')).toEqual([]);
    });

    it('opens the list on `.`', () => {
        expect(coffee.client.capabilities.completionProvider?.triggerCharacters).toEqual(['.']);
    });
});

describe('syntax errors', () => {
    it('suggests the keyword a word misspells, and keeps the names it hides out of the other files', async () => {
        const { client } = coffee;
        const survey = coffee.uriOf('survey.cx');
        const metrics = coffee.uriOf('metrics.cx');
        const original = client.textOf(survey);
        const offset = original.indexOf('question drink:');
        try {
            await client.erase(survey, offset, 'question'.length);
            const caret = await client.type(survey, offset, 'queston');
            const diagnostics = await client.waitForDiagnostics(survey, d => d.some(x => String(x.message).includes("'queston'")));
            expect(diagnostics.map(d => [d.code, d.message, d.range.start.line])).toEqual([
                ['CX000', "Expected '}' but found 'queston'; did you mean 'question'?", 62]
            ]);
            // metrics.cx reads drink, rewards and visit_reason, which the parser lost after the error.
            expect(await client.waitForDiagnostics(metrics, d => d.length === 0)).toEqual([]);
            const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
                textDocument: { uri: survey }, range: { start: caret, end: caret }, context: { diagnostics }
            });
            expect(actions.map(a => [a.title, a.isPreferred])).toEqual([["Change to 'question'", true]]);
            await client.change(survey, applyEdits(client.textOf(survey), actions[0].edit!.changes![survey]));
            expect(client.textOf(survey)).toBe(original);
            expect(await client.waitForDiagnostics(survey, d => d.length === 0)).toEqual([]);
        } finally {
            await client.change(survey, original);
        }
    });

    it('says the order a question takes its modifiers in', async () => {
        const { client } = coffee;
        const survey = coffee.uriOf('survey.cx');
        const original = client.textOf(survey);
        try {
            await client.type(survey, original.indexOf('question payment: csat ') + 'question payment: csat '.length, 'required ');
            const diagnostics = await client.waitForDiagnostics(survey, d => d.some(x => String(x.message).includes("found 'about'")));
            expect(diagnostics[0].message).toBe("Expected '{' but found 'about'; a question takes its modifiers in this order: `about Touchpoint`, then `required`, then `when condition`.");
        } finally {
            await client.change(survey, original);
        }
    });

    it('reports a missing closing quote where it is missing, once', async () => {
        const { client } = coffee;
        const survey = coffee.uriOf('survey.cx');
        const original = client.textOf(survey);
        const text = 'en "How satisfied are you with paying in the app?"';
        const at = original.indexOf(text) + text.length - 1;
        try {
            await client.erase(survey, at, 1);
            const diagnostics = await client.waitForDiagnostics(survey, d => d.some(x => String(x.message).startsWith('Unterminated')));
            expect(diagnostics.map(d => [d.message, d.range.start.line, d.range.start.character])).toEqual([
                [`Unterminated quoted text; close it with a '"' (write \\" for a quote inside it).`, 36, 7],
                ["Expected a quoted text but found 'low'.", 37, 4]
            ]);
        } finally {
            await client.change(survey, original);
        }
    });
});

describe('what the editor shows about the spec', () => {
    it('finds questions in workspace symbols', async () => {
        const symbols = await coffee.client.request<SymbolInformation[]>('workspace/symbol', { query: 'recommend' });
        expect(symbols.map(s => [s.name, s.kind, s.containerName, s.location.uri.split('/').at(-1), s.location.range.start.line])).toEqual([
            ['recommend', 8, 'AfterPickup', 'survey.cx', 14]
        ]);
    });

    it('counts above touchpoints the questions that measure them, above questions the metrics that read them', async () => {
        const lenses = async (file: string) => (await coffee.client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: coffee.uriOf(file) } }))
            .filter(l => !l.command?.command).map(l => [l.range.start.line, l.command?.title]);
        expect(await lenses('journey.cx')).toEqual([
            [16, 'measured by 1 question'], [25, 'measured by 1 question'], [39, 'measured by 1 question'], [53, 'measured by 1 question'],
            [67, 'measured by 1 question']
        ]);
        expect((await lenses('survey.cx')).slice(0, 4)).toEqual([
            [14, 'read by 2 metrics'], [21, 'read by 0 metrics'], [27, 'read by 2 metrics'], [34, 'read by 1 metric']
        ]);
    });
});

describe('what the workspace holds', () => {
    it('leaves fixture folders out, so their copies of a spec are not duplicates', async () => {
        const dir = await copyExamples('coffee-mobile-order');
        const copy = path.join(dir, 'packages/review/test/fixtures/v1');
        await fs.mkdir(copy, { recursive: true });
        for (const file of await fs.readdir(path.join(dir, 'coffee-mobile-order'))) {
            await fs.copyFile(path.join(dir, 'coffee-mobile-order', file), path.join(copy, file));
        }
        const client = await startServer(dir);
        try {
            const published = [...client.diagnostics.entries()].map(([uri, d]) => [path.relative(dir, new URL(uri).pathname), d.length]);
            expect(published.sort()).toEqual(['journey.cx', 'metrics.cx', 'spec.cx', 'survey.cx'].map(f => [`coffee-mobile-order/${f}`, 0]));
        } finally {
            await client.stop();
        }
    });
});

describe('hover', () => {
    const hover = async (example: OpenExample, file: string, needle: string, shift: number) => {
        const uri = example.uriOf(file);
        const text = example.client.textOf(uri);
        const result = await example.client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionAt(text, text.indexOf(needle) + shift) });
        return result ? (result.contents as MarkupContent).value : null;
    };

    it('explains keywords and metric functions in one line', async () => {
        expect(await hover(coffee, 'metrics.cx', '= csat(', 3)).toBe('`csat`: CSAT: the share of answers in the top two boxes of the scale, in %.');
        expect(await hover(coffee, 'metrics.cx', 'target >=', 2)).toBe('`target`: The value the metric is held to (`>= 30 warn 35`): below it the target is missed.');
    });

    it('describes enum values and the spec', async () => {
        expect(await hover(saas, 'spec.cx', 'starter |', 2)).toBe('**Value** `starter` of column `Customers.plan` (starter | growth | enterprise)');
        expect(await hover(coffee, 'metrics.cx', 'spec CoffeeMobileOrder', 6)).toBe(
            '**Spec** `CoffeeMobileOrder`\n\n4 files: journey.cx, metrics.cx, spec.cx, survey.cx\n\nLocales: ja (default), en');
    });
});

describe('related locations', () => {
    it('links a duplicate name to its first declaration', async () => {
        const { client } = coffee;
        const uri = coffee.uriOf('metrics.cx');
        const original = client.textOf(uri);
        try {
            await client.type(uri, original.length, 'segment Commuter { where AfterPickup.visit_reason = work_break }\n');
            const diagnostics = await client.waitForDiagnostics(uri, d => d.some(x => x.code === 'CX002'));
            expect(diagnostics.map(d => [d.code, d.message, d.relatedInformation?.map(r => [r.location.uri.split('/').at(-1), r.location.range.start, r.message])])).toEqual([
                ['CX002', "Duplicate name 'Commuter' in spec 'CoffeeMobileOrder' (first declared on line 4); rename one of them.",
                    [['metrics.cx', { line: 3, character: 8 }, 'first declared here']]]
            ]);
        } finally {
            await client.change(uri, original);
        }
    });
});

describe('signature help', () => {
    async function signatureAfterTyping(example: OpenExample, file: string, typed: string): Promise<[string, number | null | undefined] | null> {
        const { client } = example;
        const uri = example.uriOf(file);
        const original = client.textOf(uri);
        try {
            const caret = await client.type(uri, original.length, typed);
            const help = await client.request<SignatureHelp | null>('textDocument/signatureHelp', { textDocument: { uri }, position: caret });
            return help ? [help.signatures[0].label, help.activeParameter] : null;
        } finally {
            await client.change(uri, original);
        }
    }

    it('shows the parameters of top(q, k) and clv(...) as they are typed', async () => {
        expect(await signatureAfterTyping(coffee, 'metrics.cx', 'metric ease = top(')).toEqual(['top(Survey.question, k)', 0]);
        expect(await signatureAfterTyping(coffee, 'metrics.cx', 'metric ease = top(AfterPickup.menu_ease, ')).toEqual(['top(Survey.question, k)', 1]);
        expect(await signatureAfterTyping(saas, 'metrics.cx', 'metric value = clv(Customers.mrr per year) margin 70% ')).toEqual(
            ['clv(Dataset.column per year) margin m% discount d%', 3]);
        expect(await signatureAfterTyping(coffee, 'metrics.cx', 'metric ease = top(AfterPickup.menu_ease, 3) ')).toBeNull();
    });
});

describe('selection ranges', () => {
    it('grows from the word to the reference, the function call, the metric', async () => {
        const uri = coffee.uriOf('metrics.cx');
        const text = coffee.client.textOf(uri);
        const [range] = await coffee.client.request<SelectionRange[]>('textDocument/selectionRange', {
            textDocument: { uri }, positions: [positionAt(text, text.indexOf('nps(AfterPickup.recommend)') + 18)]
        });
        const texts: string[] = [];
        const offset = (p: { line: number; character: number }) => text.split('\n').slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
        for (let r: SelectionRange | undefined = range; r; r = r.parent) texts.push(text.slice(offset(r.range.start), offset(r.range.end)));
        expect(texts.slice(0, 3)).toEqual(['recommend', 'AfterPickup.recommend', 'nps(AfterPickup.recommend)']);
        expect(texts[3]).toMatch(/^metric nps_all \{[\s\S]*target >= 30 warn 35$/);
        expect(coffee.client.capabilities.selectionRangeProvider).toBe(true);
    });
});
