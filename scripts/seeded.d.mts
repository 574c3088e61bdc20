// Types of scripts/seeded.mjs (plain JavaScript, so that scripts and benchmarks run it as they are).
export function seeded(seed: number): () => number;
export function seedOf(text: string): number;
export interface Draws {
    next: () => number;
    int(n: number): number;
    between(lo: number, hi: number): number;
    pick<T>(items: readonly T[]): T;
    normal(): number;
    weighted(weights: readonly number[]): number;
}
export function draws(next: () => number): Draws;
