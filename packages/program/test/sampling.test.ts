import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { inSample } from '@cxspec/program';

describe('inSample', () => {
    it('is the documented hash: first 4 bytes of SHA-256(salt NUL survey NUL customer) below p * 2^32', () => {
        const h = createHash('sha256').update('s\u0000Sv\u0000C-1').digest().readUInt32BE(0);
        expect(h).toBe(3932250270);
        expect(inSample('s', 'Sv', 'C-1', 92)).toBe(true); // 3932250270 < floor(0.92 * 2^32) = 3951369912
        expect(inSample('s', 'Sv', 'C-1', 91)).toBe(false); // floor(0.91 * 2^32) = 3908420239
    });

    it('draws the stated share, a different sample per survey and salt, and everyone at 100%', () => {
        const customers = Array.from({ length: 10000 }, (_, i) => `C-${i}`);
        const drawn = (salt: string, survey: string, p: number) => customers.filter(c => inSample(salt, survey, c, p));
        expect(drawn('s', 'A', 20).length).toBe(2013);
        expect(drawn('s', 'B', 20).length).toBe(2036);
        expect(drawn('t', 'A', 20).length).toBe(2037);
        const a = new Set(drawn('s', 'A', 20));
        expect(drawn('s', 'B', 20).filter(c => a.has(c)).length).toBe(402);
        expect(drawn('s', 'A', 100).length).toBe(10000);
    });
});
