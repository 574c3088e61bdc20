/**
 * The preview page around the data: a strict Content-Security-Policy (scripts and styles only with
 * the page's nonce, nothing remote), the data as non-executable JSON, and the page bundle either
 * inlined (standalone file) or linked from the extension (VS Code webview).
 */
import { escapeHtml } from '@cxspec/model';
import type { PreviewData } from './preview-data.js';

export type PreviewAssets =
    /** Standalone: the page bundle's JS and CSS text, inlined so the file opens offline. */
    | { kind: 'inline'; script: string; style: string }
    /** Webview: URIs from `webview.asWebviewUri` and the webview's `cspSource`. */
    | { kind: 'linked'; cspSource: string; scriptUri: string; styleUri: string };

export function renderPreviewHtml(data: PreviewData, assets: PreviewAssets, nonce: string): string {
    if (!/^[A-Za-z0-9+/_-]{16,}={0,2}$/.test(nonce)) throw new Error('The CSP nonce must be at least 16 base64 characters.');
    const title = `${data.specName} (CXSpec preview)`;
    const head = assets.kind === 'inline'
        ? `<style nonce="${nonce}">${inlineSafe(assets.style, 'style')}</style>`
        : `<link rel="stylesheet" nonce="${nonce}" href="${escapeHtml(assets.styleUri)}">`;
    const script = assets.kind === 'inline'
        ? `<script nonce="${nonce}">${inlineSafe(assets.script, 'script')}</script>`
        : `<script nonce="${nonce}" src="${escapeHtml(assets.scriptUri)}"></script>`;
    return [
        '<!DOCTYPE html>',
        `<html lang="${escapeHtml(data.defaultLocale)}">`,
        '<head>',
        '<meta charset="utf-8">',
        `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(assets, nonce))}">`,
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        `<title>${escapeHtml(title)}</title>`,
        head,
        '</head>',
        '<body>',
        '<div id="cx-app"><noscript>The CXSpec preview needs JavaScript to draw the survey.</noscript></div>',
        `<script type="application/json" id="cx-preview-data">${jsonForScript(data)}</script>`,
        script,
        '</body>',
        '</html>',
        ''
    ].join('\n');
}

/**
 * SurveyJS's icon sprite carries exactly one inline style attribute (on the timer icon's circle),
 * `SURVEYJS_ICON_STYLE`. 'unsafe-hashes' with its hash lets that one attribute value apply and no
 * other, which keeps the page free of CSP violations without 'unsafe-inline'.
 */
export const SURVEYJS_ICON_STYLE = 'stroke:var(--sd-timer-stroke-background-color);stroke-width:var(--sd-timer-stroke-background-width)';
export const SURVEYJS_ICON_STYLE_HASH = 'sha256-Pp/vtHUW8EEiAh+JanwlbSOqQNrAchhFv9X7z+N5oOw=';

/**
 * Only the nonce'd bundle runs and only nonce'd styles apply; images and fonts are limited to
 * data: URIs (SurveyJS draws icons from one) and, in a webview, the extension's own files.
 */
export function contentSecurityPolicy(assets: PreviewAssets, nonce: string): string {
    const own = assets.kind === 'linked' ? `${assets.cspSource} ` : '';
    return [
        "default-src 'none'",
        `script-src 'nonce-${nonce}'`,
        `style-src ${own}'nonce-${nonce}' 'unsafe-hashes' '${SURVEYJS_ICON_STYLE_HASH}'`,
        `img-src ${own}data:`,
        `font-src ${own}data:`,
        "base-uri 'none'",
        "form-action 'none'"
    ].join('; ');
}

/** JSON safe inside a <script> element: no `<` (so no `</script>` or `<!--`), `>` or `&`. */
export function jsonForScript(value: unknown): string {
    return JSON.stringify(value)
        .replace(/</g, '\\u003c')
        .replace(/>/g, '\\u003e')
        .replace(/&/g, '\\u0026')
        .replace(/\u2028/g, '\\u2028')
        .replace(/\u2029/g, '\\u2029');
}

/** An inlined bundle that could end its element early would break the page; refuse it loudly. */
function inlineSafe(text: string, element: 'script' | 'style'): string {
    if (new RegExp(`</${element}|<!--`, 'i').test(text)) {
        throw new Error(`The preview ${element} bundle contains '</${element}' or '<!--' and cannot be inlined.`);
    }
    return text;
}
