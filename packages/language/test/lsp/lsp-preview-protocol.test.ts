/**
 * The custom messages of src/lsp/protocol.ts, as P's extension and preview consume them.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ResponseError } from 'vscode-languageserver-protocol';
import { loadWorkspace } from '../../src/workspace/cx-workspace.js';
import { PreviewModelErrorCode, PreviewModelRequest, type PreviewModelParams, type PreviewModelResult } from '@cxspec/language/protocol';
import { copyExamples, fileUri, positionOf, startServer, type LspClient } from './lsp-client.js';

let dir: string;
let client: LspClient;
const uriOf = (file: string) => fileUri(path.join(dir, 'coffee-mobile-order', file));
const read = (file: string) => fs.readFile(path.join(dir, 'coffee-mobile-order', file), 'utf8');
const preview = (params: PreviewModelParams) => client.request<PreviewModelResult>(PreviewModelRequest.method, params);

beforeAll(async () => {
    dir = await copyExamples('coffee-mobile-order', 'mobile-carrier-shop');
    client = await startServer(dir);
});

afterAll(async () => {
    await client?.stop();
});

describe('cxspec/previewModel', () => {
    it('returns the same CX model as the workspace loader, focused on the survey at the cursor', async () => {
        const text = await read('survey.cx');
        const result = await preview({ uri: uriOf('survey.cx'), position: positionOf(text, 'question pickup') });
        const expected = (await loadWorkspace([path.join(dir, 'coffee-mobile-order')], { root: dir })).model('CoffeeMobileOrder');
        expect(result).toEqual({ specName: 'CoffeeMobileOrder', model: expected, focus: { kind: 'survey', name: 'AfterPickup' } });
    });

    it('focuses the journey at the cursor, the metrics elsewhere, and what the caller asks for', async () => {
        const journey = await read('journey.cx');
        expect((await preview({ uri: uriOf('journey.cx'), position: positionOf(journey, 'touchpoint Payment') })).focus).toEqual({ kind: 'journey', name: 'MobileOrder' });
        expect((await preview({ uri: uriOf('metrics.cx'), position: { line: 3, character: 0 } })).focus).toEqual({ kind: 'metrics' });
        expect((await preview({ uri: uriOf('metrics.cx') })).focus).toEqual({ kind: 'metrics' });
        const asked = await preview({ uri: uriOf('metrics.cx'), focus: { kind: 'journey', name: 'MobileOrder' } });
        expect([asked.specName, asked.focus]).toEqual(['CoffeeMobileOrder', { kind: 'journey', name: 'MobileOrder' }]);
    });

    it('answers a file that is not in the workspace with RequestFailed and a clear message', async () => {
        const error = await preview({ uri: 'file:///nowhere/missing.cx' }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ResponseError);
        expect([(error as ResponseError<unknown>).code, (error as ResponseError<unknown>).message])
            .toEqual([PreviewModelErrorCode, 'No CXSpec document is open at file:///nowhere/missing.cx.']);
    });

    it('answers a spec with errors with the first error, and recovers when it is fixed', async () => {
        const uri = uriOf('survey.cx');
        const text = await read('survey.cx');
        await client.open(uri, text);
        await client.change(uri, text.replace('about Payment', 'about Paymnet'));
        await client.waitForDiagnostics(uri, d => d.length > 0);
        const error = await preview({ uri: uriOf('journey.cx') }).catch((e: unknown) => e) as ResponseError<unknown>;
        expect([error.code, error.message]).toEqual([PreviewModelErrorCode,
            "Spec 'CoffeeMobileOrder' has errors; fix them to update the preview (survey.cx:35:32: Unknown touchpoint 'Paymnet'; did you mean 'Payment'?)."]);
        await client.change(uri, text);
        await client.waitForDiagnostics(uri, d => d.length === 0);
        expect((await preview({ uri: uriOf('journey.cx') })).specName).toBe('CoffeeMobileOrder');
        await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    });
});

describe('cxspec/modelChanged', () => {
    it('names the spec and the changed file after an edit, and leaves other specs alone', async () => {
        const uri = uriOf('metrics.cx');
        const text = await read('metrics.cx');
        await client.open(uri, text);
        await client.waitForDiagnostics(uri, () => true);
        const before = client.modelChanges.length;
        await client.change(uri, text.replace('target >= 30 warn 35', 'target >= 31 warn 35'));
        await expect.poll(() => client.modelChanges.slice(before).find(c => c.uris.length > 0), { timeout: 20_000 })
            .toEqual({ specName: 'CoffeeMobileOrder', uris: [uri] });
        expect(client.modelChanges.slice(before).map(c => c.specName)).not.toContain('MobileCarrierShop');
        const result = await preview({ uri });
        expect(result.model.metrics.find(m => m.name === 'nps_all')?.target?.value).toBe(31);
        await client.change(uri, text);
    });
});
