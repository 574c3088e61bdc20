/**
 * The Markdown report against golden files, byte for byte, in both locales of the fixture.
 * Regenerate the golden files after an intended change with UPDATE_GOLDEN=1.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { expectGolden as expectGoldenFile } from '../../../test/support/golden.js';
import { renderMarkdown } from '../src/report/index.js';
import { FIXTURE, HOSTILE_IMG, HOSTILE_SCRIPT } from './report-fixture.js';

const golden = (name: string): string => path.join(path.dirname(fileURLToPath(import.meta.url)), 'report-golden', name);

function expectGolden(name: string, actual: string): void {
    expectGoldenFile(golden(name), actual);
}

describe('Markdown report', () => {
    test('matches the golden file in the spec default locale (ja)', () => {
        expectGolden('report.ja.md', renderMarkdown(FIXTURE));
    });

    test('matches the golden file in English', () => {
        expectGolden('report.en.md', renderMarkdown(FIXTURE, { locale: 'en' }));
    });

    test('starts with the verdict summary', () => {
        const lines = renderMarkdown(FIXTURE, { locale: 'en' }).split('\n');
        expect(lines[4]).toBe('Overall: **MISSED** (2 met, 1 missed, 1 inconclusive, 2 insufficient, 1 without a target)');
    });

    test('hostile strings are inert text: no raw HTML, no table cell broken by a pipe', () => {
        const md = renderMarkdown(FIXTURE, { locale: 'en' });
        expect(md).not.toContain(HOSTILE_IMG);
        expect(md).not.toContain(HOSTILE_SCRIPT);
        expect(md).toContain('Commuters &lt;img src=x onerror=alert(1)&gt; (`Commuter`)');
        expect(md).toContain('| Mobile order NPS \\| \\*bold\\* (`nps_all`) |');
    });

    test('every table row has as many cells as its header', () => {
        const lines = renderMarkdown(FIXTURE, { locale: 'en' }).split('\n');
        let columns = 0;
        for (let i = 0; i < lines.length; i++) {
            const cells = lines[i].replace(/\\\|/g, '').split('|').length;
            if (lines[i].startsWith('|') && !lines[i - 1].startsWith('|')) columns = cells;
            else if (lines[i].startsWith('|')) expect(cells, `line ${i + 1}: ${lines[i]}`).toBe(columns);
        }
    });

    test('a locale the spec lacks: English wording, titles in the spec default locale', () => {
        const lines = renderMarkdown(FIXTURE, { locale: 'fr' }).split('\n');
        expect(lines[0]).toBe('# モバイルオーダー &amp; ピックアップ');
        expect(lines[4]).toBe('Overall: **MISSED** (2 met, 1 missed, 1 inconclusive, 2 insufficient, 1 without a target)');
    });

    test('same result, same bytes', () => {
        expect(renderMarkdown(structuredClone(FIXTURE))).toBe(renderMarkdown(FIXTURE));
    });
});
