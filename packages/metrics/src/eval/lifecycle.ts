/**
 * Customer lifecycles of a dataset (`lifecycle start <col> end <col>`): a customer is active from
 * the start date until the end date (exclusive; empty = still active). The data is "as of" its
 * latest lifecycle date, and windows are the complete calendar periods up to it.
 */
import type { Period } from '@cxspec/model';
import type { DatasetRecord, DatasetTable } from '../check/dataset-table.js';
import { nextPeriodStart, periodStart } from './periods.js';

const DAY_MS = 86_400_000;

export interface Window { start: number; end: number }

export interface Lifecycle {
    startOf(r: DatasetRecord): number | null;
    endOf(r: DatasetRecord): number | null;
    /** Latest lifecycle date in the data (epoch ms). */
    asOf: number;
    earliest: number;
    names: { start: string; end: string };
}

export function lifecycleOf(table: DatasetTable): Lifecycle | null {
    const lc = table.dataset.lifecycle;
    if (!lc) return null;
    const si = table.columnIndex.get(lc.start)!, ei = table.columnIndex.get(lc.end)!;
    const startOf = (r: DatasetRecord) => (typeof r.values[si] === 'number' ? r.values[si] as number : null);
    const endOf = (r: DatasetRecord) => (typeof r.values[ei] === 'number' ? r.values[ei] as number : null);
    let asOf = -Infinity, earliest = Infinity;
    for (const r of table.records) {
        const s = startOf(r), e = endOf(r);
        if (s !== null) { asOf = Math.max(asOf, s); earliest = Math.min(earliest, s); }
        if (e !== null) asOf = Math.max(asOf, e);
    }
    return { startOf, endOf, asOf, earliest, names: lc };
}

/** Complete periods from the earliest start to the as-of date; the current one when none is complete. */
export function windowsOf(lc: Lifecycle, unit: Period): Window[] {
    if (!Number.isFinite(lc.asOf)) return [];
    const out: Window[] = [];
    for (let s = periodStart(lc.earliest, unit); ; ) {
        const e = nextPeriodStart(s, unit);
        if (e > lc.asOf + DAY_MS) break;
        out.push({ start: s, end: e });
        s = e;
    }
    if (out.length === 0) {
        const s = periodStart(lc.asOf, unit);
        out.push({ start: s, end: nextPeriodStart(s, unit) });
    }
    return out;
}

/**
 * S = active at the start, lost = of those, ended during the window; N = acquired during the
 * window and still active at its end; E = active at the end. Counting N among survivors keeps
 * CRR = (E − N)/S within 0..100% and equal to 100% − churn.
 */
export interface Counts { atStart: number; lost: number; added: number; atEnd: number }

export function countWindow(records: DatasetRecord[], lc: Lifecycle, w: Window): Counts {
    const c: Counts = { atStart: 0, lost: 0, added: 0, atEnd: 0 };
    for (const r of records) {
        const s = lc.startOf(r);
        if (s === null) continue;
        const e = lc.endOf(r);
        if (s < w.start && (e === null || e >= w.start)) {
            c.atStart++;
            if (e !== null && e < w.end) c.lost++;
        }
        if (s >= w.start && s < w.end && (e === null || e >= w.end)) c.added++;
        if (s < w.end && (e === null || e >= w.end)) c.atEnd++;
    }
    return c;
}

/** Customers without a (valid) start date: they cannot be placed in time, so no window counts them. */
export function undated(records: DatasetRecord[], lc: Lifecycle): number {
    return records.reduce((n, r) => n + (lc.startOf(r) === null ? 1 : 0), 0);
}

export function activeAt(records: DatasetRecord[], lc: Lifecycle | null, t: number): DatasetRecord[] {
    if (!lc) return records;
    return records.filter(r => {
        const s = lc.startOf(r), e = lc.endOf(r);
        return s !== null && s < t && (e === null || e >= t);
    });
}
