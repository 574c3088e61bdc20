/**
 * Similarity of short texts, used to recognise a renamed question by its wording. Character
 * bigrams work for Japanese (no spaces between words) as well as for English.
 */
export function textSimilarity(a: string, b: string): number {
    const x = normalizeText(a);
    const y = normalizeText(b);
    if (x === y) return 1;
    const bx = bigrams(x);
    const by = bigrams(y);
    if (bx.size === 0 || by.size === 0) return 0;
    let shared = 0;
    for (const [gram, count] of bx) shared += Math.min(count, by.get(gram) ?? 0);
    const total = [...bx.values(), ...by.values()].reduce((s, n) => s + n, 0);
    return (2 * shared) / total;
}

/** Case, whitespace and punctuation folded away: texts equal after this differ only cosmetically. */
export function normalizeText(text: string): string {
    return text.normalize('NFKC').toLowerCase().replace(/[\s\p{P}]+/gu, '');
}

function bigrams(text: string): Map<string, number> {
    const grams = new Map<string, number>();
    const chars = [...text];
    for (let i = 0; i + 1 < chars.length; i++) {
        const gram = chars[i] + chars[i + 1];
        grams.set(gram, (grams.get(gram) ?? 0) + 1);
    }
    if (chars.length === 1) grams.set(chars[0], 1);
    return grams;
}
