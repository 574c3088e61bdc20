import { describe, expect, it } from 'vitest';
import { IdSet } from '../src/check/id-set.js';

describe('respondent id set', () => {
    it('accepts each id once, through several resizes', () => {
        const ids = new IdSet();
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
});
