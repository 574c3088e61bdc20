/**
 * How many cases a fast-check property runs. Each test names its own count (what `npm test` runs);
 * PROPERTY_RUNS=<n> runs every property n times instead: `npm run test:fast` sets a small n, and a
 * large one explores further than CI does. Seeds stay fixed either way, so a run is reproducible.
 */
export function propertyRuns(runs: number): number {
    const override = process.env.PROPERTY_RUNS;
    if (override === undefined || override === '') return runs;
    const n = Number(override);
    if (!Number.isInteger(n) || n < 1) throw new Error(`PROPERTY_RUNS must be a positive whole number of runs, not '${override}'.`);
    return n;
}
