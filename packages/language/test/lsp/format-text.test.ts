/**
 * The layout function behind the formatter, in process: exact layouts, and properties over random
 * texts (only whitespace changes, line numbers stay, a second pass changes nothing).
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCxText } from '../../src/lsp/format-text.js';
import { examplesDir } from './lsp-client.js';
import { propertyRuns } from '../../../../test/support/property-runs.js';

describe('formatCxText', () => {
    it('lays out every construct the way the examples are written', () => {
        const input = [
            'spec S{',
            'ja "タイトル"',
            'locales ja default,en,zh-Hant',
            '}',
            'survey V{',
            'trigger after Tp delay 2h sample 20 % quarantine 30d expect 100 per month',
            'question q:rating 1 .. 5 about Tp required when other in[a,b]or not(x>=3){',
            '/* a block',
            '   comment */ ja "a  b"',
            '}',
            '}',
            'metric m=mean( V . q )target<= -1.5 warn -2'
        ].join('\n');
        expect(formatCxText(input)).toBe([
            'spec S {',
            '  ja "タイトル"',
            '  locales ja default, en, zh-Hant',
            '}',
            'survey V {',
            '  trigger after Tp delay 2h sample 20% quarantine 30d expect 100 per month',
            '  question q: rating 1..5 about Tp required when other in [a, b] or not (x >= 3) {',
            '    /* a block',
            '   comment */ ja "a  b"',
            '  }',
            '}',
            'metric m = mean(V.q) target <= -1.5 warn -2',
            ''
        ].join('\n'));
    });

    it('keeps strings that span lines and refuses unclosed ones', () => {
        expect(formatCxText('x {\n ja "one\n   two"   \n}')).toBe('x {\n  ja "one\n   two"   \n}\n');
        expect(formatCxText('x { ja "open')).toBeUndefined();
        expect(formatCxText('x /* open')).toBeUndefined();
    });

    it('is the identity on every example file', async () => {
        for (const example of await fs.readdir(examplesDir, { withFileTypes: true })) {
            if (!example.isDirectory()) continue;
            for (const file of (await fs.readdir(path.join(examplesDir, example.name))).filter(f => f.endsWith('.cx'))) {
                const text = await fs.readFile(path.join(examplesDir, example.name, file), 'utf8');
                expect([file, formatCxText(text)]).toEqual([file, text]);
            }
        }
    });

    const fragment = fc.oneof(
        fc.constantFrom('{', '}', '[', ']', '(', ')', '"x y"', '"a\nb"', '/* c */', '/*\n*/', '// c', '\n', '\n\n', ' ', '  ', '\t',
            '.', '..', ',', ':', '%', '-', '=', '<=', '>=', '!=', '<', 'nps', 'survey', 'ja', 'q1', '10', '1.5', '2h', 'テキスト'),
        fc.string({ maxLength: 4 })
    );

    it('changes only whitespace, keeps line numbers, and is idempotent on random texts', () => {
        fc.assert(fc.property(fc.array(fragment, { maxLength: 60 }), parts => {
            const text = parts.join('');
            const formatted = formatCxText(text);
            if (formatted === undefined) return;
            expect(formatted.replace(/\s+/g, '')).toBe(text.replace(/\s+/g, ''));
            expect(formatted.split('\n').length).toBe(text.split('\n').length + (text.endsWith('\n') ? 0 : 1));
            expect(formatCxText(formatted)).toBe(formatted);
        }), { numRuns: propertyRuns(2000), seed: 5 });
    });
});
