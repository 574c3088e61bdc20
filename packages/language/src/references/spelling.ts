/**
 * "Did you mean": the names closest to a misspelt one, by Damerau-Levenshtein distance (a swap of
 * two neighbours counts once, as in `Paymnet`), ignoring case for the distance and using it to
 * break ties.
 */

/** At most this many suggestions: beyond three the list reads as a catalogue, not a correction. */
const MAX_SUGGESTIONS = 3;

/** The closest candidates within a third of the typed name's length (at least one edit), ties in order. */
export function spellingSuggestions(typed: string, candidates: Iterable<string>): string[] {
    if (!typed) return [];
    const limit = Math.max(1, Math.floor(typed.length / 3));
    const scored: Array<{ name: string; distance: number; caseDiffers: boolean }> = [];
    const seen = new Set<string>();
    for (const name of candidates) {
        if (name === typed || seen.has(name)) continue;
        seen.add(name);
        const distance = editDistance(typed.toLowerCase(), name.toLowerCase(), limit);
        // A name that differs from the typed one only in case is the likeliest correction.
        if (distance <= limit && distance < name.length) scored.push({ name, distance, caseDiffers: distance === 0 });
    }
    scored.sort((a, b) => a.distance - b.distance || Number(b.caseDiffers) - Number(a.caseDiffers) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    // Only the closest: `question` for `queston`, not `questions` one edit further away too.
    return scored.filter(s => s.distance === scored[0].distance).slice(0, MAX_SUGGESTIONS).map(s => s.name);
}

/** `did you mean 'A'?`, `did you mean 'A' or 'B'?`, `did you mean 'A', 'B' or 'C'?` */
export function didYouMean(suggestions: readonly string[]): string {
    const quoted = suggestions.map(s => `'${s}'`);
    const list = quoted.length > 1 ? `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}` : quoted[0];
    return `did you mean ${list}?`;
}

/** Optimal string alignment distance; stops early once every path exceeds `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
    if (Math.abs(a.length - b.length) > limit) return limit + 1;
    let before = new Array<number>(b.length + 1).fill(0);
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    let current = new Array<number>(b.length + 1).fill(0);
    for (let i = 1; i <= a.length; i++) {
        current[0] = i;
        let rowMin = i;
        for (let j = 1; j <= b.length; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            let d = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2] + 1);
            current[j] = d;
            if (d < rowMin) rowMin = d;
        }
        if (rowMin > limit) return limit + 1;
        [before, previous, current] = [previous, current, before];
    }
    return previous[b.length];
}
