/**
 * Every editor feature of the bundled server, driven over stdio on copies of the five examples
 * (one workspace, so names must stay within their own spec).
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
    CodeLens, CompletionItem, CompletionList, DocumentSymbol, FoldingRange, Hover, InlayHint, Location, LocationLink,
    SemanticTokens, SymbolInformation, TextEdit, WorkspaceEdit
} from 'vscode-languageserver-protocol';
import { CompletionItemKind, InsertTextFormat } from 'vscode-languageserver-protocol';
import { applyEdits, copyExamples, fileUri, positionOf, startServer, type LspClient } from './lsp-client.js';

const EXAMPLES = ['b2b-saas', 'coffee-mobile-order', 'd2c-ecommerce', 'life-insurance-sales', 'mobile-carrier-shop'];

let dir: string;
let client: LspClient;
const uriOf = (file: string) => fileUri(path.join(dir, file));
const read = (file: string) => fs.readFile(path.join(dir, file), 'utf8');

beforeAll(async () => {
    dir = await copyExamples(...EXAMPLES);
    client = await startServer(dir);
});

afterAll(async () => {
    await client?.stop();
    expect(client.child.exitCode).toBe(0);
});

/** Opens a file with a changed text, runs `work`, then restores the original text. */
async function withText<T>(file: string, edit: (text: string) => string, work: (text: string, uri: string) => Promise<T>): Promise<T> {
    const uri = uriOf(file);
    const original = await read(file);
    const text = edit(original);
    await client.open(uri, original);
    await client.change(uri, text);
    try {
        return await work(text, uri);
    } finally {
        await client.change(uri, original);
        await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    }
}

async function complete(uri: string, position: { line: number; character: number }): Promise<CompletionItem[]> {
    const result = await client.request<CompletionList | CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position });
    return Array.isArray(result) ? result : result.items;
}

describe('diagnostics and the model-changed notification', () => {
    it('publishes empty diagnostics for every example file on startup', async () => {
        const files = (await Promise.all(EXAMPLES.map(async e => (await fs.readdir(path.join(dir, e))).map(f => `${e}/${f}`)))).flat();
        expect([...client.diagnostics.keys()].sort()).toEqual(files.map(uriOf).sort());
        expect([...client.diagnostics.values()].flat()).toEqual([]);
    });

    it('announces each spec once after the first build, with all its files', () => {
        const first = client.modelChanges.slice(0, 5);
        expect(first.map(c => c.specName)).toEqual(['B2bSaas', 'CoffeeMobileOrder', 'D2cEcommerce', 'LifeInsuranceSales', 'MobileCarrierShop']);
        expect(first[1].uris).toEqual(['journey.cx', 'metrics.cx', 'spec.cx', 'survey.cx'].map(f => uriOf(`coffee-mobile-order/${f}`)));
    });

    it('reports an error as you type, with its code, and clears it when fixed', async () => {
        const uri = uriOf('coffee-mobile-order/survey.cx');
        const original = await read('coffee-mobile-order/survey.cx');
        await client.open(uri, original);
        const changesBefore = client.modelChanges.length;
        await client.change(uri, original.replace('about MenuBrowse', 'about MenuBrowze'));
        const diagnostics = await client.waitForDiagnostics(uri, d => d.length > 0);
        expect(diagnostics.map(d => [d.code, d.message, d.range.start.line])).toEqual([
            ['CX001', "Unknown touchpoint 'MenuBrowze'; did you mean 'MenuBrowse'?", 27]
        ]);
        await client.change(uri, original);
        expect(await client.waitForDiagnostics(uri, d => d.length === 0)).toEqual([]);
        await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
        const changed = client.modelChanges.slice(changesBefore).filter(c => c.uris.length > 0);
        expect(changed.map(c => [c.specName, c.uris])).toContainEqual(['CoffeeMobileOrder', [uri]]);
        expect(client.modelChanges.slice(changesBefore).every(c => c.specName === 'CoffeeMobileOrder')).toBe(true);
    });
});

describe('completion', () => {
    it('offers exactly the touchpoints of the spec after `about `', async () => {
        const items = await withText('coffee-mobile-order/survey.cx', t => t.replace('about MenuBrowse', 'about '),
            (text, uri) => complete(uri, positionOf(text, 'ces about ', 10)));
        expect(items.map(i => [i.label, i.detail])).toEqual([
            ['MenuBrowse', 'MobileOrder > Order, app'], ['Payment', 'MobileOrder > Order, app'], ['ReadyNotice', 'MobileOrder > Wait, app'],
            ['PickupShelf', 'MobileOrder > Pickup, store'], ['Rewards', 'MobileOrder > Loyalty, app']
        ]);
    });

    it('offers exactly the touchpoints of the spec after `trigger after `', async () => {
        const items = await withText('coffee-mobile-order/survey.cx', t => t.replace('trigger after PickupShelf', 'trigger after '),
            (text, uri) => complete(uri, positionOf(text, 'trigger after ', 14)));
        expect(items.map(i => i.label)).toEqual(['MenuBrowse', 'Payment', 'ReadyNotice', 'PickupShelf', 'Rewards']);
    });

    it('offers snippets written in the locales the spec declares, indented where they are inserted', async () => {
        const insertAt = (t: string) => t.replace('  question drink: csat {', '  \n  question drink: csat {');
        const snippet = (items: CompletionItem[], label: string) => items.find(i => i.label === label && i.kind === CompletionItemKind.Snippet);
        const at = (text: string) => ({ line: positionOf(text, 'question drink: csat {').line - 1, character: 2 });
        const declared = await withText('coffee-mobile-order/survey.cx', insertAt, (text, uri) => complete(uri, at(text)));
        expect(declared.filter(i => i.kind === CompletionItemKind.Snippet).map(i => i.label)).toEqual([
            'question nps', 'question csat', 'question ces', 'question rating', 'question choice', 'question multichoice',
            'question boolean', 'question text', 'question matrix', 'question ranking', 'question number'
        ]);
        expect(snippet(declared, 'question csat')).toMatchObject({
            insertTextFormat: InsertTextFormat.Snippet,
            insertText: 'question ${1:satisfaction}: csat about ${2:Touchpoint} {\n    ja "${3:どの程度満足していますか?}"\n    en "${4:How satisfied are you?}"\n'
                + '    low { ja "${5:非常に不満}" en "${6:Very dissatisfied}" }\n    high { ja "${7:非常に満足}" en "${8:Very satisfied}" }\n  }'
        });
        // The spec's header (in another file) now declares English and French.
        const other = await withText('coffee-mobile-order/spec.cx', t => t.replace('locales ja default, en', 'locales en default, fr'),
            () => withText('coffee-mobile-order/survey.cx', insertAt, (text, uri) => complete(uri, at(text))));
        expect(snippet(other, 'question text')!.insertText).toBe(
            'question ${1:reason}: text when ${2:recommend} <= ${3:6} {\n    en "${4:What is the main reason for your score?}"\n    fr "${5:What is the main reason for your score?}"\n  }');
    });

    it('offers exactly the option ids of a choice question after a comparison', async () => {
        const items = await withText('coffee-mobile-order/survey.cx', t => t.replace('text when recommend <= 6 {', 'text when visit_reason = {'),
            (text, uri) => complete(uri, positionOf(text, 'visit_reason = ', 15)));
        expect(items.map(i => [i.label, i.detail])).toEqual([
            ['commute', '通勤・通学の途中'], ['work_break', '仕事や勉強の合間の休憩'], ['weekend', '休日のお出かけ'], ['meetup', '友人・家族との待ち合わせ'], ['other', 'その他 (具体的に)']
        ]);
    });

    it('offers the option ids inside `in [...]` of a segment in another file', async () => {
        const items = await withText('coffee-mobile-order/metrics.cx', t => t.replace('in [weekend, meetup]', 'in [weekend, ]'),
            (text, uri) => complete(uri, positionOf(text, 'in [weekend, ', 13)));
        expect(items.map(i => i.label)).toEqual(['commute', 'work_break', 'weekend', 'meetup', 'other']);
    });

    it('offers the questions of a survey declared in another file after `Survey.`', async () => {
        const items = await withText('coffee-mobile-order/metrics.cx', t => t.replace('where AfterPickup.visit_reason = commute', 'where AfterPickup. = commute'),
            (text, uri) => complete(uri, positionOf(text, 'where AfterPickup.', 18)));
        expect(items.map(i => i.label)).toEqual([
            'recommend', 'reason', 'menu_ease', 'payment', 'ready_notice', 'ready_on_arrival', 'pickup', 'drink', 'rewards', 'visit_reason'
        ]);
    });

    it('offers the declared locale codes where a text starts, default first', async () => {
        const items = await withText('coffee-mobile-order/survey.cx', t => t.replace('nps required {\n', 'nps required {\n    \n'),
            (text, uri) => complete(uri, positionOf(text, 'nps required {', 15)));
        const locales = items.filter(i => i.detail === 'default locale' || i.detail === 'locale');
        expect(locales.map(i => [i.label, i.detail, i.insertText])).toEqual([['ja', 'default locale', 'ja "$1"'], ['en', 'locale', 'en "$1"']]);
        expect(items.map(i => i.label)).toEqual(['ja', 'en', 'description', 'low', 'high', 'true', 'false', 'option', 'item']);
    });

    it('offers the top-level keywords on an empty line', async () => {
        const items = await withText('coffee-mobile-order/metrics.cx', t => `${t}\n\n`,
            (text, uri) => complete(uri, { line: text.split('\n').length - 2, character: 0 }));
        expect(items.filter(i => i.kind !== CompletionItemKind.Snippet).map(i => i.label)).toEqual(['segment', 'journey', 'survey', 'dataset', 'metric', 'drivers']);
        // Each keyword's snippet too, sorted after the keywords.
        expect(items.filter(i => i.kind === CompletionItemKind.Snippet).map(i => i.label).sort()).toEqual(['dataset', 'drivers', 'journey', 'metric', 'segment', 'survey']);
        expect(items.filter(i => i.kind === CompletionItemKind.Snippet).every(i => i.sortText!.startsWith('~'))).toBe(true);
    });
});

describe('hover', () => {
    it('shows a question with its text in every locale and its scale', async () => {
        const text = await read('coffee-mobile-order/metrics.cx');
        const hover = await client.request<Hover>('textDocument/hover', {
            textDocument: { uri: uriOf('coffee-mobile-order/metrics.cx') }, position: positionOf(text, 'AfterPickup.menu_ease', 13)
        });
        expect(hover.contents).toEqual({ kind: 'markdown', value: [
            '**Question** `AfterPickup.menu_ease`: ces, scale 1..7',
            '',
            'About touchpoint `MenuBrowse`',
            '',
            '- `ja` 「アプリで思いどおりの注文を簡単にできた」と思いますか?',
            '- `en` The app made it easy to order exactly what I wanted.'
        ].join('\n') });
    });

    it('shows a page with its questions and display logic, and a group with its questions', async () => {
        const paged = (text: string) => text.replace('  question reason:', '  page why when recommend <= 6 { en "Why" }\n  group reasons { en "Reasons" }\n  question reason:');
        await withText('coffee-mobile-order/survey.cx', paged, async (text, uri) => {
            const hover = (at: string, offset: number) => client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: positionOf(text, at, offset) });
            const page = await hover('page why', 6);
            expect((page.contents as { value: string }).value).toMatch(/^\*\*Page\*\* `why` of survey `AfterPickup`: \d+ questions \(`reason`, /);
            expect((page.contents as { value: string }).value).toContain('Shown when `recommend <= 6`\n\n- `en` Why');
            const group = await hover('group reasons', 7);
            expect((group.contents as { value: string }).value).toMatch(/^\*\*Group\*\* `reasons` of survey `AfterPickup`: \d+ questions \(`reason`, /);
            const keyword = await hover('page why', 1);
            expect((keyword.contents as { value: string }).value).toMatch(/^`page`: A page break/);
        });
    });

    it('shows a metric formula in words and its target', async () => {
        const text = await read('coffee-mobile-order/metrics.cx');
        const hover = await client.request<Hover>('textDocument/hover', {
            textDocument: { uri: uriOf('coffee-mobile-order/metrics.cx') }, position: positionOf(text, 'metric pickup_csat', 8)
        });
        expect(hover.contents).toEqual({ kind: 'markdown', value: [
            '**Metric** `pickup_csat`',
            '',
            'CSAT: % of answers to AfterPickup.pickup in the top 2 boxes (4-5 of 1-5)',
            '',
            'Target: >= 80%, warn at 85%; Per: month; Min sample: 50',
            '',
            '- `ja` 受け取り満足度 (CSAT)',
            '- `en` Pick-up CSAT'
        ].join('\n') });
    });

    it('says whether a clv value column is read as a monthly or a yearly amount', async () => {
        const formula = (text: string, uri: string) => client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: positionOf(text, 'metric customer_clv', 8) })
            .then(hover => (hover.contents as { value: string }).value.split('\n')[2]);
        expect(await formula(await read('b2b-saas/metrics.cx'), uriOf('b2b-saas/metrics.cx'))).toBe(
            'Customer lifetime value of Customers.mrr: m·r / (1 + d - r) with m = 12 × mean Customers.mrr as a monthly amount (write `per year` for a yearly one) × margin 70%, discount d = 10% and retention r from the dataset');
        expect(await withText('b2b-saas/metrics.cx', t => t.replace('clv(Customers.mrr)', 'clv(Customers.mrr per year)'), formula)).toBe(
            'Customer lifetime value of Customers.mrr: m·r / (1 + d - r) with m = mean Customers.mrr as a yearly amount (per year) × margin 70%, discount d = 10% and retention r from the dataset');
    });

    it('shows where a touchpoint sits in its journey and the questions that measure it', async () => {
        const text = await read('coffee-mobile-order/survey.cx');
        const hover = await client.request<Hover>('textDocument/hover', {
            textDocument: { uri: uriOf('coffee-mobile-order/survey.cx') }, position: positionOf(text, 'trigger after PickupShelf', 15)
        });
        expect(hover.contents).toEqual({ kind: 'markdown', value: [
            '**Touchpoint** `PickupShelf`',
            '',
            'Journey `MobileOrder` > stage `Pickup` (stage 3 of 4, touchpoint 1 of 1)',
            '',
            'Channel: store; owner: 店舗運営部 / Store operations',
            '',
            '- `ja` ピックアップカウンター',
            '- `en` Pick-up counter',
            '',
            'Measured by: `AfterPickup.pickup` (csat)',
            '',
            'Triggers: `AfterPickup`'
        ].join('\n') });
    });
});

describe('hover on the other declarations', () => {
    const hoverAt = async (file: string, needle: string, shift: number) => {
        const text = await read(file);
        const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: uriOf(file) }, position: positionOf(text, needle, shift) });
        return (hover?.contents as { value: string } | undefined)?.value.split('\n');
    };

    it('describes segments, options, journeys, stages, datasets, columns and driver analyses', async () => {
        expect(await hoverAt('coffee-mobile-order/metrics.cx', 'by [Commuter', 4)).toEqual([
            '**Segment** `Commuter`', '', 'Where `AfterPickup.visit_reason = commute`', '', '- `ja` 通勤・通学客', '- `en` Commuters'
        ]);
        expect(await hoverAt('coffee-mobile-order/metrics.cx', 'visit_reason = commute', 15)).toEqual([
            '**Option** `commute` of question `AfterPickup.visit_reason` (choice)', '', '- `ja` 通勤・通学の途中', '- `en` On my commute'
        ]);
        expect(await hoverAt('coffee-mobile-order/journey.cx', 'journey MobileOrder', 8)).toEqual([
            '**Journey** `MobileOrder`: 4 stages, 5 touchpoints', '', '`Order` > `Wait` > `Pickup` > `Loyalty`', '',
            '- `ja` モバイルオーダー&amp;ピックアップ', '- `en` Mobile order &amp; pick-up'
        ]);
        expect(await hoverAt('coffee-mobile-order/journey.cx', 'stage Wait', 6)).toEqual([
            '**Stage** `Wait` of journey `MobileOrder` (stage 2 of 4)', '', 'Touchpoints: `ReadyNotice`', '', '- `ja` 待ち時間', '- `en` Waiting'
        ]);
        expect(await hoverAt('coffee-mobile-order/metrics.cx', 'drivers loyalty', 8)).toEqual([
            '**Driver analysis** `loyalty`', '',
            'Importance of `menu_ease`, `payment`, `ready_notice`, `pickup`, `drink`, `rewards` for `AfterPickup.recommend` by relative weights (Johnson)'
        ]);
        expect(await hoverAt('b2b-saas/spec.cx', 'dataset Customers', 8)).toEqual([
            '**Dataset** `Customers`: key `customer_id`, 5 columns', '', 'Lifecycle from `signed_up` to `churned_on`', '',
            '- `plan`: starter | growth | enterprise', '- `mrr`: number', '- `signed_up`: date', '- `churned_on`: date', '- `region`: text', '',
            '- `ja` 顧客マスタ (CRM)', '- `en` Customers (CRM export)'
        ]);
        expect(await hoverAt('b2b-saas/spec.cx', 'end churned_on', 4)).toEqual(['**Column** `Customers.churned_on`: date']);
    });
});

describe('hover escaping', () => {
    it('shows spec text as text: no HTML, links or emphasis from a label', async () => {
        const label = 'en "<img src=x onerror=alert(1)> *bold* [link](http://x) `code`"';
        const value = await withText('coffee-mobile-order/survey.cx', t => t.replace('en \"You gave us {recommend}. What is the main reason for your score?\"', label),
            async (text, uri) => {
                const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: positionOf(text, 'question reason', 9) });
                return (hover.contents as { value: string }).value.split('\n').at(-1);
            });
        expect(value).toBe('- `en` &lt;img src=x onerror=alert(1)&gt; \\*bold\\* \\[link\\](http&#8203;://x) \\`code\\`');
    });
});

describe('navigation', () => {
    it('goes to the definition of a touchpoint in another file', async () => {
        const text = await read('coffee-mobile-order/survey.cx');
        const journey = await read('coffee-mobile-order/journey.cx');
        const links = await client.request<LocationLink[]>('textDocument/definition', {
            textDocument: { uri: uriOf('coffee-mobile-order/survey.cx') }, position: positionOf(text, 'about MenuBrowse', 8)
        });
        const start = positionOf(journey, 'touchpoint MenuBrowse', 11);
        expect(links.map(l => [l.targetUri, l.targetSelectionRange])).toEqual([
            [uriOf('coffee-mobile-order/journey.cx'), { start, end: { line: start.line, character: start.character + 'MenuBrowse'.length } }]
        ]);
    });

    it('finds every reference to a question across files', async () => {
        const survey = await read('coffee-mobile-order/survey.cx');
        const locations = await client.request<Location[]>('textDocument/references', {
            textDocument: { uri: uriOf('coffee-mobile-order/survey.cx') }, position: positionOf(survey, 'question recommend', 9),
            context: { includeDeclaration: true }
        });
        const lines = locations.map(l => `${path.basename(l.uri)}:${l.range.start.line + 1}:${l.range.start.character + 1}`).sort();
        expect(lines).toEqual(['metrics.cx:20:21', 'metrics.cx:47:17', 'survey.cx:15:12', 'survey.cx:22:30']);
    });

    it('renames a question in every file of its spec, and the spec stays valid', async () => {
        const survey = await read('coffee-mobile-order/survey.cx');
        const metrics = await read('coffee-mobile-order/metrics.cx');
        const uri = uriOf('coffee-mobile-order/survey.cx');
        const edit = await client.request<WorkspaceEdit>('textDocument/rename', {
            textDocument: { uri }, position: positionOf(survey, 'question recommend', 9), newName: 'likelihood'
        });
        const changes = edit.changes!;
        expect(Object.keys(changes).sort()).toEqual([uriOf('coffee-mobile-order/metrics.cx'), uri]);
        const newSurvey = applyEdits(survey, changes[uri]);
        const newMetrics = applyEdits(metrics, changes[uriOf('coffee-mobile-order/metrics.cx')]);
        expect(newSurvey).toBe(survey.replace('question recommend:', 'question likelihood:').replace('when recommend <=', 'when likelihood <=').replaceAll('{recommend}', '{likelihood}'));
        expect(newMetrics).toBe(metrics.replaceAll('AfterPickup.recommend', 'AfterPickup.likelihood'));
        const metricsUri = uriOf('coffee-mobile-order/metrics.cx');
        await client.open(uri, survey);
        await client.open(metricsUri, metrics);
        await client.change(uri, newSurvey);
        await client.change(metricsUri, newMetrics);
        // The last build after both changes is clean in both files.
        await expect.poll(() => [client.diagnostics.get(uri), client.diagnostics.get(metricsUri)], { timeout: 20_000 }).toEqual([[], []]);
        await client.change(uri, survey);
        await client.change(metricsUri, metrics);
    });

    it('renaming a question renames its {name} pipes in the survey\'s texts, and refuses a group\'s name', async () => {
        const pipe = (text: string) => text
            .replace('en "You gave us {recommend}. What is the main reason for your score?"', 'en "You gave {recommend}. What is the main reason?"')
            .replace('  question reason:', '  page why { en "About your {recommend}" }\n  group reasons { en "Reasons" }\n  question reason:');
        await withText('coffee-mobile-order/survey.cx', pipe, async (text, uri) => {
            expect(await client.waitForDiagnostics(uri, d => d.length === 0)).toEqual([]);
            const edit = await client.request<WorkspaceEdit>('textDocument/rename', {
                textDocument: { uri }, position: positionOf(text, 'question recommend', 9), newName: 'likelihood'
            });
            const renamed = applyEdits(text, edit.changes![uri]);
            expect(renamed).toContain('en "You gave {likelihood}. What is the main reason?"');
            expect(renamed).toContain('page why { en "About your {likelihood}" }');
            expect(renamed).not.toContain('{recommend}');
            await expect(client.request('textDocument/rename', {
                textDocument: { uri }, position: positionOf(text, 'question recommend', 9), newName: 'reasons'
            })).rejects.toThrow("'reasons' is already the name of group 'reasons' (survey.cx:");
        });
    });

    it('refuses a rename to a keyword with a clear message', async () => {
        const survey = await read('coffee-mobile-order/survey.cx');
        await expect(client.request('textDocument/rename', {
            textDocument: { uri: uriOf('coffee-mobile-order/survey.cx') }, position: positionOf(survey, 'question recommend', 9), newName: 'survey'
        })).rejects.toThrow("'survey' cannot be a CXSpec name; use letters, digits and _, start with a letter or _, and avoid keywords.");
    });
});

describe('symbols, folding and semantic tokens', () => {
    it('outlines a journey as stages and touchpoints', async () => {
        const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: uriOf('coffee-mobile-order/journey.cx') } });
        const tree = (s: DocumentSymbol): unknown => [s.name, s.kind, s.detail ?? null, ...(s.children?.length ? [s.children.map(tree)] : [])];
        expect(symbols.map(tree)).toEqual([
            ['CoffeeMobileOrder', 4, 'spec'],
            ['MobileOrder', 2, null, [
                ['Order', 3, null, [['MenuBrowse', 24, 'app'], ['Payment', 24, 'app']]],
                ['Wait', 3, null, [['ReadyNotice', 24, 'app']]],
                ['Pickup', 3, null, [['PickupShelf', 24, 'store']]],
                ['Loyalty', 3, null, [['Rewards', 24, 'app']]]
            ]]
        ]);
    });

    it('outlines metrics, segments and drivers with details', async () => {
        const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: uriOf('coffee-mobile-order/metrics.cx') } });
        expect(symbols.map(s => [s.name, s.kind, s.detail ?? null])).toEqual([
            ['CoffeeMobileOrder', 4, 'spec'],
            ['Commuter', 11, null],
            ['Leisure', 11, null],
            ['nps_all', 12, 'target >= 30, warn at 35'],
            ['pickup_csat', 12, 'target >= 80%, warn at 85%'],
            ['drink_csat', 12, 'target >= 85%, warn at 90%'],
            ['ordering_ease', 12, 'target >= 75%, warn at 80%'],
            ['not_ready', 12, 'target <= 10%, warn at 7%'],
            ['loyalty', 12, null]
        ]);
    });

    it('finds workspace symbols by name across files and specs', async () => {
        const symbols = await client.request<SymbolInformation[]>('workspace/symbol', { query: 'PickupShelf' });
        expect(symbols.map(s => [s.name, s.kind, path.basename(s.location.uri)])).toEqual([['PickupShelf', 24, 'journey.cx']]);
    });

    it('folds each multi-line block and comment', async () => {
        const ranges = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri: uriOf('coffee-mobile-order/spec.cx') } });
        // The closing line stays visible, as in VS Code's own folding; a single comment line does not fold.
        expect(ranges.map(r => [r.startLine, r.endLine, r.kind ?? null])).toEqual([[0, 2, 'comment'], [3, 14, null]]);
    });

    it('colours declarations and references by concept', async () => {
        const uri = uriOf('coffee-mobile-order/survey.cx');
        const text = await read('coffee-mobile-order/survey.cx');
        const tokens = await client.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } });
        const decoded = decode(tokens.data);
        const at = (needle: string, shift: number) => {
            const p = positionOf(text, needle, shift);
            return decoded.find(t => t.line === p.line && t.start === p.character);
        };
        const types = client.capabilities.semanticTokensProvider!.legend.tokenTypes;
        expect(types[at('survey AfterPickup', 7)!.type]).toBe('class');
        expect(types[at('about MenuBrowse', 6)!.type]).toBe('event');
        expect(types[at('question recommend', 9)!.type]).toBe('property');
        expect(types[at('when recommend', 5)!.type]).toBe('property');
        expect(types[at('option commute', 7)!.type]).toBe('enumMember');
        expect(types[at('  ja "モバイルオーダーご利用', 2)!.type]).toBe('decorator');
        expect(at('about MenuBrowse', 6)!.length).toBe('MenuBrowse'.length);
    });
});

function decode(data: number[]): Array<{ line: number; start: number; length: number; type: number; modifiers: number }> {
    const out = [];
    let line = 0;
    let start = 0;
    for (let i = 0; i < data.length; i += 5) {
        line += data[i];
        start = data[i] === 0 ? start + data[i + 1] : data[i + 1];
        out.push({ line, start, length: data[i + 2], type: data[i + 3], modifiers: data[i + 4] });
    }
    return out;
}

describe('formatting, code lenses and inlay hints', () => {
    it('leaves every example as it is', async () => {
        for (const example of EXAMPLES) {
            for (const file of await fs.readdir(path.join(dir, example))) {
                const edits = await client.request<TextEdit[]>('textDocument/formatting', {
                    textDocument: { uri: uriOf(`${example}/${file}`) }, options: { tabSize: 2, insertSpaces: true }
                });
                expect([`${example}/${file}`, edits]).toEqual([`${example}/${file}`, []]);
            }
        }
    });

    it('lays out a messy file, keeps its comments, and is idempotent', async () => {
        const messy = [
            'spec CoffeeMobileOrder',
            '',
            '   // a comment stays   ',
            'metric   extra{ja "追加"   en "Extra" }=csat( AfterPickup . drink ,2 )   per month target>=80 %  warn 85%',
            'metric low_nps=nps(AfterPickup.recommend)target>= -10 warn 0',
            'segment Late {',
            '      ja "遅い"  en "Late"',
            'where AfterPickup.visit_reason in[ commute,work_break ]   // trailing',
            '        }'
        ].join('\n');
        const formatted = [
            'spec CoffeeMobileOrder',
            '',
            '// a comment stays',
            'metric extra { ja "追加" en "Extra" } = csat(AfterPickup.drink, 2) per month target >= 80% warn 85%',
            'metric low_nps = nps(AfterPickup.recommend) target >= -10 warn 0',
            'segment Late {',
            '  ja "遅い" en "Late"',
            '  where AfterPickup.visit_reason in [commute, work_break]   // trailing',
            '}',
            ''
        ].join('\n');
        const uri = uriOf('coffee-mobile-order/extra.cx');
        await client.open(uri, messy);
        const edits = await client.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 4, insertSpaces: true } });
        expect(applyEdits(messy, edits)).toBe(formatted);
        await client.change(uri, formatted);
        expect(await client.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 4, insertSpaces: true } })).toEqual([]);
        // Both layouts are the same valid spec.
        expect(await client.waitForDiagnostics(uri, () => true)).toEqual([]);
        await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    });

    it('formats only the requested range, and the line just closed when `}` is typed', async () => {
        const text = 'spec CoffeeMobileOrder\nsegment Late {\n      ja "遅い"  en "Late"\n  where AfterPickup.visit_reason = commute\n    }\n';
        const uri = uriOf('coffee-mobile-order/typing.cx');
        await client.open(uri, text);
        const range = await client.request<TextEdit[]>('textDocument/rangeFormatting', {
            textDocument: { uri }, range: { start: { line: 2, character: 0 }, end: { line: 3, character: 0 } }, options: { tabSize: 2, insertSpaces: true }
        });
        expect(range).toEqual([{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 24 } }, newText: '  ja "遅い" en "Late"' }]);
        const onType = await client.request<TextEdit[]>('textDocument/onTypeFormatting', {
            textDocument: { uri }, position: { line: 4, character: 5 }, ch: '}', options: { tabSize: 2, insertSpaces: true }
        });
        expect(onType).toEqual([{ range: { start: { line: 4, character: 0 }, end: { line: 4, character: 5 } }, newText: '}' }]);
        expect(client.capabilities.documentOnTypeFormattingProvider).toEqual({ firstTriggerCharacter: '}', moreTriggerCharacter: ['\n'] });
        await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    });

    it('puts "Preview survey" and "Preview journey" lenses on each survey and journey', async () => {
        const lensesOf = (file: string) => client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: uriOf(file) } });
        expect(await lensesOf('d2c-ecommerce/metrics.cx')).toEqual([]);
        const shop = await lensesOf('mobile-carrier-shop/shop.cx');
        const uri = uriOf('mobile-carrier-shop/shop.cx');
        expect(shop.filter(l => l.command?.command).map(l => [l.range.start.line, l.command?.title, l.command?.command, l.command?.arguments])).toEqual([
            [10, 'Preview journey', 'cxspec.previewJourney', [{ uri, name: 'ShopVisit' }]],
            [89, 'Preview survey', 'cxspec.previewSurvey', [{ uri, name: 'ShopVisitSurvey' }]]
        ]);
    });

    it('shows each survey\'s estimated completion time after its name', async () => {
        const uri = uriOf('coffee-mobile-order/survey.cx');
        const hints = await client.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 500, character: 0 } } });
        expect(hints).toEqual([{
            position: { line: 3, character: 18 }, label: '≈ 1 min 26 s', kind: 1, paddingLeft: true,
            tooltip: '10 questions; estimated completion time 86 s'
        }]);
    });

    it('still estimates the time while a question\'s kind is being typed (the question counts nothing yet)', async () => {
        const hints = await withText('coffee-mobile-order/survey.cx', t => t.replace('question drink: csat {', 'question drink: {'),
            (_text, uri) => client.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 500, character: 0 } } }));
        expect(hints.map(h => h.tooltip)).toEqual(['10 questions; estimated completion time 80 s']);
    });
});
