import { describe, expect, it } from 'vitest';
import { fitsLimits } from '@cxspec/program';

const DAY = 86400000;

describe('fitsLimits', () => {
    it('allows at most count contacts in any rolling window, before or after the new one', () => {
        const oncePer30 = [{ count: 1, window: 30 * DAY }];
        expect(fitsLimits([], 0, oncePer30)).toBe(true);
        expect(fitsLimits([0], 29 * DAY, oncePer30)).toBe(false);
        expect(fitsLimits([0], 30 * DAY, oncePer30)).toBe(true);
        expect(fitsLimits([40 * DAY], 11 * DAY, oncePer30)).toBe(false); // a later contact counts too
        expect(fitsLimits([40 * DAY], 10 * DAY, oncePer30)).toBe(true);
    });

    it('checks every window that holds the new contact, for each rule', () => {
        const rules = [{ count: 1, window: 7 * DAY }, { count: 2, window: 30 * DAY }];
        expect(fitsLimits([0, 10 * DAY], 20 * DAY, rules)).toBe(false); // three within 30 days
        expect(fitsLimits([0, 10 * DAY], 30 * DAY, rules)).toBe(true); // 10d..30d: two in the window from 10d
        expect(fitsLimits([0, 20 * DAY], 10 * DAY, rules)).toBe(false);
        expect(fitsLimits([0], 5 * DAY, rules)).toBe(false); // the 7-day rule
    });
});
