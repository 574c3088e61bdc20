/**
 * Every snippet, expanded with its default placeholders, parses: each goes into its own document
 * (inside a journey, stage or survey where it belongs) and the CXSpec parser reports no error.
 */
import fs from 'node:fs';
import path from 'node:path';
import { URI } from 'langium';
import { describe, expect, it } from 'vitest';
import { buildWorkspace } from '@cxspec/language';

const snippets: Record<string, { prefix: string; body: string[] }> =
    JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../snippets/cxspec.json'), 'utf8'));

/** What VS Code inserts when every placeholder is left at its default (first choice of a list). */
function expand(body: string[]): string {
    return body.join('\n')
        .replace(/\$\{\d+\|([^,|]*)[^|]*\|\}/g, '$1')
        .replace(/\$\{\d+:([^${}]*(?:\$\{\d+:[^}]*\}[^${}]*)*)\}/g, (_, inner: string) => inner.replace(/\$\{\d+:([^}]*)\}/g, '$1'))
        .replace(/\$\d+/g, '');
}

/** Wraps a snippet so it stands where the grammar allows it. */
function inContext(prefix: string, text: string, i: number): string {
    const header = `spec Snippet${i} {\n  locales ja default, en\n}\n`;
    if (prefix === 'spec') return text;
    if (prefix === 'stage') return `${header}journey J {\n${text}\n}\n`;
    if (prefix === 'touchpoint') return `${header}journey J {\n stage S {\n${text}\n }\n}\n`;
    if (prefix.startsWith('question')) return `${header}survey Q {\n${text}\n}\n`;
    return `${header}${text}\n`;
}

describe('snippets/cxspec.json', () => {
    it('covers a journey, a survey, every question kind and a metric', () => {
        expect(Object.values(snippets).map(s => s.prefix)).toEqual([
            'spec', 'journey', 'stage', 'touchpoint', 'survey',
            'question nps', 'question csat', 'question ces', 'question rating', 'question choice', 'question multichoice',
            'question boolean', 'question text', 'question matrix', 'question ranking',
            'metric', 'segment', 'dataset', 'drivers'
        ]);
    });

    it('expands every snippet to text the parser accepts', async () => {
        const entries = Object.values(snippets);
        const sources = entries.map((s, i) => ({ uri: URI.file(`/snippets/${i}.cx`), text: inContext(s.prefix, expand(s.body), i) }));
        expect(sources[5].text).toContain('question recommend: nps about Touchpoint required {');
        const workspace = await buildWorkspace(sources, { root: '/snippets' });
        const syntaxErrors = workspace.documents.map((doc, i) => ({
            snippet: entries[i].prefix,
            errors: [...doc.parseResult.lexerErrors.map(e => e.message), ...doc.parseResult.parserErrors.map(e => e.message)]
        })).filter(r => r.errors.length > 0);
        expect(syntaxErrors).toEqual([]);
    });
});
