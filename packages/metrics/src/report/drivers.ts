/** Driver-analysis helpers shared by both reports. */
import type { DriverAnalysisResult, DriverResult } from '../result.js';
import { fixed } from './format.js';

/** Drivers in priority order (rank 1 first); ties keep the spec's order. */
export function driversByRank(d: DriverAnalysisResult): DriverResult[] {
    return d.drivers.map((r, i) => ({ r, i })).sort((a, b) => a.r.rank - b.r.rank || a.i - b.i).map(x => x.r);
}

/** The importance as printed: a percentage of R² for relative weights, r for correlation. */
export function driverImportance(d: DriverAnalysisResult, r: DriverResult): string {
    if (r.importance === null) return '–';
    return d.method === 'relative_weights' ? `${fixed(r.importance, 1)}%` : fixed(r.importance, 3);
}
