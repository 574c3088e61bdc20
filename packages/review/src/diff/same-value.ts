/** Deep equality of model values, ignoring source locations (moving text in a file changes nothing). */
export function sameValue(a: unknown, b: unknown): boolean {
    return canonicalJson(a) === canonicalJson(b);
}

function canonicalJson(value: unknown): string {
    return JSON.stringify(value, (key, v: unknown) => {
        if (key === 'loc') return undefined;
        if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
            return Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)));
        }
        return v;
    });
}
