/**
 * Where the built page bundle lives: `dist/preview-client.js` and `dist/preview.css` of this
 * package, written by `npm run build` (scripts/build.mjs). Found through module resolution so the
 * CLI bundle finds them too, from wherever it runs inside the workspace.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { PreviewAssets } from './html-page.js';

/** The page bundle is not built or cannot be read. */
export class PreviewAssetsError extends Error {}

export interface PreviewAssetFiles {
    script: string;
    style: string;
}

export function previewAssetFiles(): PreviewAssetFiles {
    const packageJson = createRequire(import.meta.url).resolve('@cxspec/preview/package.json');
    const dist = path.join(path.dirname(packageJson), 'dist');
    return { script: path.join(dist, 'preview-client.js'), style: path.join(dist, 'preview.css') };
}

/** The bundle's text for a standalone page; a clear error when the build has not run. */
export function readInlineAssets(files: PreviewAssetFiles = previewAssetFiles()): Extract<PreviewAssets, { kind: 'inline' }> {
    const read = (file: string) => {
        try {
            return fs.readFileSync(file, 'utf8');
        } catch {
            throw new PreviewAssetsError(`the preview page bundle ${file} is missing; run 'npm run build' first`);
        }
    };
    return { kind: 'inline', script: read(files.script), style: read(files.style) };
}
