// Builds syntaxes/cxspec.tmLanguage.json, the TextMate grammar the VS Code extension ships: langium-cli's
// generated grammar (keywords, strings, comments; never edited) plus the hand-written patterns of
// syntaxes/cxspec.patterns.json, inserted after the comments and before the keywords.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const GENERATED = path.join(root, 'syntaxes/cxspec.tmLanguage.generated.json');
export const HAND_WRITTEN = path.join(root, 'syntaxes/cxspec.patterns.json');
export const OUTPUT = path.join(root, 'syntaxes/cxspec.tmLanguage.json');

/** The merged grammar as JSON text (2-space indent, trailing newline), the same bytes for the same inputs. */
export function mergeGrammar(generated, handWritten) {
    const [comments, ...rest] = generated.patterns;
    if (comments?.include !== '#comments') throw new Error('The generated grammar no longer starts with its comments pattern; update scripts/build-grammar.mjs.');
    const clash = Object.keys(handWritten.repository).filter(key => key in generated.repository);
    if (clash.length > 0) throw new Error(`Hand-written grammar rules clash with generated ones: ${clash.join(', ')}.`);
    const merged = {
        ...generated,
        patterns: [comments, ...rest.filter(p => p.name?.startsWith('string.')), ...handWritten.patterns, ...rest.filter(p => !p.name?.startsWith('string.'))],
        repository: { ...generated.repository, ...handWritten.repository }
    };
    return JSON.stringify(merged, null, 2) + '\n';
}

export function buildGrammar() {
    const read = file => JSON.parse(fs.readFileSync(file, 'utf8'));
    return mergeGrammar(read(GENERATED), read(HAND_WRITTEN));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
    fs.writeFileSync(OUTPUT, buildGrammar());
}
