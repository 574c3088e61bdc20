/** A rolling-window limit in milliseconds: at most `count` contacts in any window of `window` ms. */
export interface WindowLimit { count: number; window: number }

/**
 * Whether one more contact at `time` keeps every limit, given the customer's other contact times
 * (any order, earlier or later than `time`). A limit is broken when some `count + 1` consecutive
 * contacts, the new one among them, fall within less than `window`.
 */
export function fitsLimits(times: readonly number[], time: number, limits: readonly WindowLimit[]): boolean {
    for (const { count, window } of limits) {
        const near = times.filter(t => t > time - window && t < time + window);
        if (near.length < count) continue;
        near.push(time);
        near.sort((a, b) => a - b);
        const at = near.lastIndexOf(time);
        for (let i = Math.max(0, at - count); i <= at && i + count < near.length; i++) {
            if (near[i + count] - near[i] < window) return false;
        }
    }
    return true;
}
