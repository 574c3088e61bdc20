/** Exclusion messages quote a cell by a bounded preview, whatever its size or depth. */
import { describe, expect, it } from 'vitest';
import { idText, show } from '../src/check/preview.js';

describe('show', () => {
    it('quotes short values whole and text up to 60 characters, with the length of longer text', () => {
        expect(show('7.5')).toBe("'7.5'");
        expect(show(12)).toBe('12');
        expect(show(true)).toBe('true');
        expect(show(null)).toBe('null');
        expect(show('y'.repeat(61))).toBe(`'${'y'.repeat(60)}…' (61 characters)`);
        // A surrogate pair is never cut in half.
        expect(show(`${'y'.repeat(59)}😀z`)).toBe(`'${'y'.repeat(59)}…' (62 characters)`);
    });

    it('names arrays and objects by type with a preview at most 3 levels deep', () => {
        expect(show([1, 2])).toBe('an array [1,2]');
        expect(show({ a: { b: { c: { d: 1 } } }, e: 'f' })).toBe('an object {"a":{"b":{"c":{…}}},"e":"f"}');
        expect(show(Array.from({ length: 100 }, (_, i) => i))).toBe(`an array ${JSON.stringify(Array.from({ length: 100 }, (_, i) => i)).slice(0, 60)}…`);
        let deep: unknown = 9;
        for (let i = 0; i < 100_000; i++) deep = [deep];
        expect(show(deep)).toBe('an array [[[[…]]]]');
    });

    it('says what JSON 1e309 became', () => {
        expect(show(JSON.parse('1e309'))).toBe('a number too large to represent (Infinity)');
        expect(show(JSON.parse('-1e309'))).toBe('a number too large to represent (-Infinity)');
    });
});

describe('idText', () => {
    it('reads ids as text, an array or object by its preview, never overflowing the stack', () => {
        expect(idText(' r1 ')).toBe('r1');
        expect(idText(42)).toBe('42');
        expect(idText(null)).toBe('');
        let deep: unknown = 'x';
        for (let i = 0; i < 100_000; i++) deep = [deep];
        expect(idText(deep)).toBe('an array [[[[…]]]]');
    });
});
