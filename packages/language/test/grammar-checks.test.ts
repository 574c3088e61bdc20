/**
 * langium-config.json generates the language in production mode, so the CLI and the language
 * server skip Chevrotain's grammar checks when they create the parser and lexer, and the LL(*)
 * lookahead reports no ambiguities while parsing. These tests run the same grammar in development
 * mode, so a grammar change that makes it invalid or ambiguous still fails the suite.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EmptyFileSystem, URI, type LanguageMetaData, type LangiumCoreServices } from 'langium';
import { createCxSpecServices, CxSpecLanguageMetaData } from '@cxspec/language';
import { createCxSpecLspServices } from '../src/lsp/cxspec-lsp-module.js';

const developmentMode = {
    LanguageMetaData: (): LanguageMetaData => ({ ...CxSpecLanguageMetaData, mode: 'development' })
};

const repo = path.resolve(__dirname, '../../..');
const specFiles = ['examples', 'packages/language/test/fixtures'].flatMap(dir =>
    fs.readdirSync(path.join(repo, dir), { recursive: true, encoding: 'utf8' })
        .filter(file => file.endsWith('.cx'))
        .sort()
        .map(file => path.join(repo, dir, file)));

/** What Chevrotain printed: it reports grammar problems on the console (and throws on errors). */
let printed: string[] = [];
beforeEach(() => {
    printed = [];
    for (const method of ['log', 'info', 'warn', 'error'] as const) {
        vi.spyOn(console, method).mockImplementation((...args: unknown[]) => { printed.push(args.map(String).join(' ')); });
    }
});
afterEach(() => {
    vi.restoreAllMocks();
});

function parseAll(services: LangiumCoreServices): string[] {
    return specFiles.flatMap(file => {
        const document = services.shared.workspace.LangiumDocumentFactory.fromString(fs.readFileSync(file, 'utf8'), URI.file(file));
        const { lexerErrors, parserErrors } = document.parseResult;
        return [...lexerErrors, ...parserErrors].map(e => `${path.relative(repo, file)}: ${e.message}`);
    });
}

describe('grammar checks in development mode', () => {
    it('the generated language is in production mode, so the checks are skipped at run time', () => {
        expect(CxSpecLanguageMetaData.mode).toBe('production');
    });

    it('the parser and lexer pass Chevrotain\'s grammar checks and the examples parse without ambiguity reports', () => {
        const { CxSpec } = createCxSpecServices(EmptyFileSystem, developmentMode);
        expect(CxSpec.LanguageMetaData.mode).toBe('development');
        expect(CxSpec.parser.LangiumParser.definitionErrors).toEqual([]);
        expect(specFiles.length).toBeGreaterThan(5);
        expect(parseAll(CxSpec)).toEqual([]);
        expect(printed).toEqual([]);
    });

    it('the language server\'s completion parser passes them too', () => {
        const { CxSpec } = createCxSpecLspServices(EmptyFileSystem, developmentMode);
        // Chevrotain throws on definition errors when it analyses the grammar.
        expect(() => CxSpec.parser.CompletionParser).not.toThrow();
        expect(printed).toEqual([]);
    });
});
