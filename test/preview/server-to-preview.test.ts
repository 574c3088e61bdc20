/**
 * The extension's preview path without VS Code: the bundled language server answers
 * `cxspec/previewModel` with a CX model the renderer turns into the page's data, and after an edit
 * it announces `cxspec/modelChanged` and answers with the edited model.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CxModel } from '@cxspec/model';
import { buildPreviewData } from '@cxspec/preview';
import { tempDir } from '../support/chromium.js';
import { startSession, type LspSession } from './lsp-session.js';

interface PreviewModelResult { specName: string; model: unknown; focus: { kind: string; name?: string } }

let session: LspSession;
let uri: string;
let text: string;
const workspace = tempDir('preview-lsp');

beforeAll(async () => {
    for (const f of fs.readdirSync('examples/coffee-mobile-order').filter(f => f.endsWith('.cx'))) {
        fs.copyFileSync(path.join('examples/coffee-mobile-order', f), path.join(workspace, f));
    }
    session = await startSession(workspace);
    text = fs.readFileSync(path.join(workspace, 'survey.cx'), 'utf8');
    uri = await session.open(path.join(workspace, 'survey.cx'), text);
});

afterAll(async () => {
    await session?.stop();
});

describe('language server → preview', () => {
    it('answers the preview model at the cursor, which the renderer shows', async () => {
        const line = text.split('\n').findIndex(l => l.includes('question reason'));
        const result = await session.connection.sendRequest<PreviewModelResult>('cxspec/previewModel', { uri, position: { line, character: 4 } });
        expect([result.specName, result.focus]).toEqual(['CoffeeMobileOrder', { kind: 'survey', name: 'AfterPickup' }]);
        const data = buildPreviewData(CxModel.parse(result.model), result.focus as { kind: 'survey'; name: string });
        expect(data.surveys.map(s => [s.name, s.questionCount])).toEqual([['AfterPickup', 10]]);
        expect(data.journeys[0].stages.map(s => s.touchpoints.map(t => t.name))).toEqual([['MenuBrowse', 'Payment'], ['ReadyNotice'], ['PickupShelf'], ['Rewards']]);
    });

    it('announces the edited spec and answers with the edit', async () => {
        const changed = session.nextModelChange('CoffeeMobileOrder');
        const edited = text.replace('"You gave us {recommend}. What is the main reason for your score?"', '"Why that score?"');
        await session.change(uri, edited);
        await changed;
        const result = await session.connection.sendRequest<PreviewModelResult>('cxspec/previewModel', { uri, focus: { kind: 'survey', name: 'AfterPickup' } });
        const data = buildPreviewData(CxModel.parse(result.model), { kind: 'survey', name: 'AfterPickup' });
        const reason = (data.surveys[0].json as { pages: Array<{ elements: Array<{ name: string; title: Record<string, string> }> }> })
            .pages[0].elements.find(e => e.name === 'reason');
        expect(reason?.title).toEqual({ default: '{recommend} 点と評価された一番の理由を教えてください。', en: 'Why that score?' });
    });

    it('answers an error, not a model, while the spec has errors', async () => {
        const changed = session.nextModelChange('CoffeeMobileOrder');
        await session.change(uri, text.replace('about MenuBrowse', 'about Nowhere'));
        await changed;
        await expect(session.connection.sendRequest('cxspec/previewModel', { uri })).rejects.toMatchObject({ code: -32803 });
    });
});
