/**
 * Calendar periods in UTC: ISO weeks (Monday start, labelled by ISO week-numbering year, 2024-W05),
 * months (2024-03), quarters (2024-Q1) and years (2024).
 */
import type { Period } from '@cxspec/model';

const DAY_MS = 86_400_000;

/** Start (epoch ms, UTC midnight) of the period holding `ms`. */
export function periodStart(ms: number, unit: Period): number {
    const d = new Date(ms);
    const y = d.getUTCFullYear(), m = d.getUTCMonth();
    switch (unit) {
        case 'week': {
            const day = Math.floor(ms / DAY_MS);
            // 1970-01-01 was a Thursday: (day + 3) mod 7 is 0 on Mondays.
            return (day - (((day + 3) % 7) + 7) % 7) * DAY_MS;
        }
        case 'month': return Date.UTC(y, m, 1);
        case 'quarter': return Date.UTC(y, m - (m % 3), 1);
        case 'year': return Date.UTC(y, 0, 1);
    }
}

/** Start of the period after the one starting at `start`. */
export function nextPeriodStart(start: number, unit: Period): number {
    const d = new Date(start);
    const y = d.getUTCFullYear(), m = d.getUTCMonth();
    switch (unit) {
        case 'week': return start + 7 * DAY_MS;
        case 'month': return Date.UTC(y, m + 1, 1);
        case 'quarter': return Date.UTC(y, m + 3, 1);
        case 'year': return Date.UTC(y + 1, 0, 1);
    }
}

/** Label of the period starting at `start`. */
export function periodLabel(start: number, unit: Period): string {
    const d = new Date(start);
    const y = d.getUTCFullYear(), m = d.getUTCMonth();
    switch (unit) {
        case 'week': {
            // The ISO year of a week is the year of its Thursday.
            const thursday = new Date(start + 3 * DAY_MS);
            const isoYear = thursday.getUTCFullYear();
            const week = Math.floor((thursday.getTime() - Date.UTC(isoYear, 0, 1)) / (7 * DAY_MS)) + 1;
            return `${isoYear}-W${String(week).padStart(2, '0')}`;
        }
        case 'month': return `${y}-${String(m + 1).padStart(2, '0')}`;
        case 'quarter': return `${y}-Q${Math.floor(m / 3) + 1}`;
        case 'year': return String(y);
    }
}

/** YYYY-MM-DD of an epoch ms (UTC). */
export function isoDate(ms: number): string {
    return new Date(ms).toISOString().slice(0, 10);
}
