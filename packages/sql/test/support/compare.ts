/**
 * Comparison of SQL result rows with the native evaluator's result: the same rows in the same
 * order, counts and verdicts exactly equal, every number within 1e-9 (relative above 1).
 */
import type { EvaluationResult, Estimate } from '@cxspec/metrics';
import { expect } from 'vitest';
import type { SqlResultRow } from '../../src/result-rows.js';

export const TOLERANCE = 1e-9;

export function close(a: number | null, b: number | null): boolean {
    if (a === null || b === null) return a === b;
    return Math.abs(a - b) <= TOLERANCE * Math.max(1, Math.abs(a), Math.abs(b));
}

interface NativeRow { metric: string; breakdown: SqlResultRow['breakdown']; segment: string | null; period: string | null; periodStart: string | null; e: Estimate }

export function nativeRows(result: EvaluationResult): NativeRow[] {
    const rows: NativeRow[] = [];
    for (const m of Object.values(result.metrics)) {
        rows.push({ metric: m.name, breakdown: 'overall', segment: null, period: null, periodStart: null, e: m });
        for (const s of m.segments) rows.push({ metric: m.name, breakdown: 'segment', segment: s.segment, period: null, periodStart: null, e: s });
        for (const p of m.periods) rows.push({ metric: m.name, breakdown: 'period', segment: null, period: p.period, periodStart: p.start, e: p });
    }
    return rows;
}

/** Asserts the SQL rows equal the native result row by row; returns how many numbers were compared. */
export function expectAgreement(sql: SqlResultRow[], native: EvaluationResult, label: string): number {
    const expected = nativeRows(native);
    expect(sql.map(r => [r.metric, r.breakdown, r.segment, r.period, r.period_start]), `${label}: rows`)
        .toEqual(expected.map(r => [r.metric, r.breakdown, r.segment, r.period, r.periodStart]));
    let numbers = 0;
    sql.forEach((row, i) => {
        const e = expected[i].e;
        const where = `${label}: ${row.metric} ${row.breakdown} ${row.segment ?? row.period ?? ''}`;
        expect([row.n, row.verdict, row.needed_n, row.warned], where).toEqual([e.n, e.verdict, e.neededN, e.warned]);
        const pairs: Array<[number | null, number | null]> = [[row.value, e.value], [row.ci_low, e.ci?.[0] ?? null], [row.ci_high, e.ci?.[1] ?? null]];
        for (const [a, b] of pairs) {
            if (!close(a, b)) expect.fail(`${where}: SQL ${a} vs native ${b}`);
            if (a !== null) numbers++;
        }
    });
    return numbers;
}

/** Deep equality of two JSON values with numbers compared within the tolerance; returns the first difference. */
export function firstDifference(a: unknown, b: unknown, path = '$'): string | null {
    if (typeof a === 'number' && typeof b === 'number') return close(a, b) ? null : `${path}: ${a} vs ${b}`;
    if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return Object.is(a, b) ? null : `${path}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`;
    if (Array.isArray(a) !== Array.isArray(b)) return `${path}: array vs object`;
    const ka = Object.keys(a), kb = Object.keys(b);
    if (ka.join() !== kb.join()) return `${path}: keys ${ka.join()} vs ${kb.join()}`;
    for (const k of ka) {
        const d = firstDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`);
        if (d) return d;
    }
    return null;
}
