/**
 * The items of `after` that changed their relative order compared with `before`: everything
 * outside a longest common subsequence. Both lists hold the same keys (the matched items).
 */
export function movedItems(before: readonly string[], after: readonly string[]): Set<string> {
    const n = before.length;
    const m = after.length;
    const table: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
    for (let i = n - 1; i >= 0; i--) {
        for (let j = m - 1; j >= 0; j--) {
            table[i][j] = before[i] === after[j] ? table[i + 1][j + 1] + 1 : Math.max(table[i + 1][j], table[i][j + 1]);
        }
    }
    const kept = new Set<string>();
    for (let i = 0, j = 0; i < n && j < m;) {
        if (before[i] === after[j]) {
            kept.add(before[i]);
            i++;
            j++;
        } else if (table[i + 1][j] >= table[i][j + 1]) {
            i++;
        } else {
            j++;
        }
    }
    return new Set(after.filter(key => !kept.has(key)));
}
