import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadWorkspace } from '@cxspec/language';
import {
    buildPreviewData, contentSecurityPolicy, jsonForScript, renderPreviewHtml, SURVEYJS_ICON_STYLE, SURVEYJS_ICON_STYLE_HASH,
    type PreviewData
} from '@cxspec/preview';
import { renderStandalonePreview } from '@cxspec/preview/node';

const NONCE = 'abcdefghijklmnop0123';

async function coffee() {
    return (await loadWorkspace(['examples/coffee-mobile-order'])).model('CoffeeMobileOrder');
}

describe('preview page HTML', () => {
    it('allows only nonce scripts and styles, plus the webview source for linked assets', () => {
        expect(contentSecurityPolicy({ kind: 'inline', script: '', style: '' }, NONCE)).toBe(
            `default-src 'none'; script-src 'nonce-${NONCE}'; style-src 'nonce-${NONCE}' 'unsafe-hashes' '${SURVEYJS_ICON_STYLE_HASH}'; ` +
            "img-src data:; font-src data:; base-uri 'none'; form-action 'none'");
        expect(contentSecurityPolicy({ kind: 'linked', cspSource: 'https://x.vscode-cdn.net', scriptUri: '', styleUri: '' }, NONCE)).toBe(
            `default-src 'none'; script-src 'nonce-${NONCE}'; style-src https://x.vscode-cdn.net 'nonce-${NONCE}' 'unsafe-hashes' '${SURVEYJS_ICON_STYLE_HASH}'; ` +
            "img-src https://x.vscode-cdn.net data:; font-src https://x.vscode-cdn.net data:; base-uri 'none'; form-action 'none'");
    });

    it('allows exactly the one inline style SurveyJS icons carry', () => {
        expect(`sha256-${createHash('sha256').update(SURVEYJS_ICON_STYLE).digest('base64')}`).toBe(SURVEYJS_ICON_STYLE_HASH);
    });

    it('escapes JSON so it cannot close its script element', () => {
        const text = jsonForScript({ label: '</script><!-- & <b> \u2028' });
        expect(text).toBe('{"label":"\\u003c/script\\u003e\\u003c!-- \\u0026 \\u003cb\\u003e \\u2028"}');
        expect(JSON.parse(text)).toEqual({ label: '</script><!-- & <b> \u2028' });
    });

    it('links webview assets with the nonce and escapes their URIs', async () => {
        const data = buildPreviewData(await coffee(), { kind: 'journey', name: 'MobileOrder' });
        const html = renderPreviewHtml(data, { kind: 'linked', cspSource: 'vscode-resource:', scriptUri: 'vscode-resource:/a"b.js', styleUri: 'vscode-resource:/p.css' }, NONCE);
        expect(html).toContain(`<script nonce="${NONCE}" src="vscode-resource:/a&quot;b.js"></script>`);
        expect(html).toContain(`<link rel="stylesheet" nonce="${NONCE}" href="vscode-resource:/p.css">`);
        expect(html).toContain('<title>CoffeeMobileOrder (CXSpec preview)</title>');
    });

    it('refuses a nonce that is too short and a bundle that would end its element', () => {
        const data = { specName: 'X', defaultLocale: 'en' } as PreviewData;
        expect(() => renderPreviewHtml(data, { kind: 'inline', script: '', style: '' }, 'short')).toThrow('The CSP nonce must be at least 16 base64 characters.');
        expect(() => renderPreviewHtml(data, { kind: 'inline', script: 'a="</script>"', style: '' }, NONCE))
            .toThrow("The preview script bundle contains '</script' or '<!--' and cannot be inlined.");
    });

    it('gives the same bytes for the same spec', async () => {
        const model = await coffee();
        const first = renderStandalonePreview(model, { kind: 'survey', name: 'AfterPickup' });
        const second = renderStandalonePreview(structuredClone(model), { kind: 'survey', name: 'AfterPickup' });
        expect(second).toBe(first);
        expect(renderStandalonePreview(model, { kind: 'journey', name: 'MobileOrder' })).not.toBe(first);
    });
});
