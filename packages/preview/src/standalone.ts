/** A standalone preview file: one HTML page with everything inlined, for reviewers and CI artifacts. */
import { createHash } from 'node:crypto';
import type { CxModel } from '@cxspec/model';
import { readInlineAssets } from './assets.js';
import { renderPreviewHtml } from './html-page.js';
import { buildPreviewData, type PreviewFocus } from './preview-data.js';
import type { PreviewResults } from './results.js';

/** `results`: the metric scores of a `cxspec score --format json` file, to colour the journey map. */
export function renderStandalonePreview(model: CxModel, focus: PreviewFocus, results: PreviewResults | null = null): string {
    const data = buildPreviewData(model, focus, results);
    const assets = readInlineAssets();
    // The nonce is a hash of the page's content rather than random so the same spec gives the same
    // bytes. A static file gains nothing from an unpredictable nonce: nothing is injected into it at
    // serving time, and the spec's strings reach the page only as escaped JSON.
    const nonce = createHash('sha256')
        .update(JSON.stringify(data)).update('\0').update(assets.script).update('\0').update(assets.style)
        .digest('base64url').slice(0, 32);
    return renderPreviewHtml(data, assets, nonce);
}
