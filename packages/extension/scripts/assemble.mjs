// Puts together what the extension ships besides its esbuild bundles, all under packages/extension/dist
// (ignored by git, packed by vsce): the TextMate grammar and the preview page bundle the webview
// links. Run by scripts/build.mjs.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildGrammar, OUTPUT as GRAMMAR } from '../../../scripts/build-grammar.mjs';

const extension = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const root = path.resolve(extension, '../..');
const dist = path.join(extension, 'dist');

fs.writeFileSync(GRAMMAR, buildGrammar());

const copies = [
    [GRAMMAR, 'syntaxes/cxspec.tmLanguage.json'],
    [path.join(root, 'packages/preview/dist/preview-client.js'), 'media/preview-client.js'],
    [path.join(root, 'packages/preview/dist/preview.css'), 'media/preview.css']
];
for (const [from, to] of copies) {
    fs.mkdirSync(path.dirname(path.join(dist, to)), { recursive: true });
    fs.copyFileSync(from, path.join(dist, to));
}
