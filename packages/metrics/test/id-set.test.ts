import { describe, expect, it } from 'vitest';
import { IdSet } from '../src/check/id-set.js';

describe('respondent id set', () => {
    it('accepts each id once, through several resizes past its initial bound', () => {
        const ids = new IdSet(1 << 10);
        const n = 300_000;
        let added = 0;
        for (let i = 0; i < n; i++) if (ids.add(`resp-${i}`)) added++;
        expect(added).toBe(n);
        let again = 0;
        for (let i = 0; i < n; i += 7) if (!ids.add(`resp-${i}`)) again++;
        expect(again).toBe(Math.ceil(n / 7));
        expect(ids.add('resp-300000')).toBe(true);
        expect(ids.add('')).toBe(true);
        expect(ids.add('')).toBe(false);
    });

    it('holds up to 7/8 of its slots before growing, and finds every id after growing', () => {
        const ids = new IdSet(16);
        for (let i = 0; i < 14; i++) expect(ids.add(`id${i}`)).toBe(true);
        for (let i = 0; i < 14; i++) expect(ids.add(`id${i}`)).toBe(false);
        expect(ids.add('id14')).toBe(true);
        for (let i = 0; i <= 14; i++) expect(ids.add(`id${i}`)).toBe(false);
    });

    it('takes only a power of two as its size', () => {
        expect(() => new IdSet(1000)).toThrow('IdSet slots must be a power of two, got 1000');
    });
});
