// The repo's one seeded generator: the tests' synthetic data, the benchmarks' files and the example
// responses (scripts/generate-responses.mjs) all draw from it, so the same seed gives the same
// numbers on every machine and in every run. mulberry32: 32 bits of state, fast, and good enough
// for test data (it is not for anything secret).

/** A stream of numbers in [0, 1) from `seed` (mulberry32). */
export function seeded(seed) {
    let state = seed >>> 0;
    return () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

/** A seed from a text (32-bit FNV-1a), for one independent stream per label. */
export function seedOf(text) {
    let h = 2166136261;
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
    return h >>> 0;
}

/** The draws generators make from a stream of numbers in [0, 1). */
export function draws(next) {
    return {
        next,
        /** A whole number in 0..n-1. */
        int(n) { return Math.floor(next() * n); },
        /** A whole number in lo..hi, both included. */
        between(lo, hi) { return lo + Math.floor(next() * (hi - lo + 1)); },
        pick(items) { return items[Math.floor(next() * items.length)]; },
        /** A standard normal value (Box-Muller; two numbers of the stream). */
        normal() {
            const u = next() || 1e-12;
            return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
        },
        /** An index drawn with probability proportional to its weight. */
        weighted(weights) {
            const total = weights.reduce((a, b) => a + b, 0);
            let x = next() * total;
            for (let i = 0; i < weights.length; i++) {
                x -= weights[i];
                if (x < 0) return i;
            }
            return weights.length - 1;
        }
    };
}
