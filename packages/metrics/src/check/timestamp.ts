/**
 * ISO 8601 timestamps of `submitted_at` and dates of dataset columns, to epoch milliseconds (UTC).
 * Per docs/response-format.md a time without zone is UTC and an offset is honoured. Impossible
 * dates (2026-02-30) are rejected rather than rolled over as Date.parse does.
 */
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/;

const DAY_MS = 86_400_000;

function daysInMonth(y: number, m: number): number {
    return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Epoch ms of an ISO date or date-time, or null when it is not one. */
export function parseTimestamp(text: string): number | null {
    const m = DATE_TIME.exec(text.trim());
    if (!m) return null;
    const y = +m[1], mo = +m[2], d = +m[3];
    if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
    const h = m[4] ? +m[4] : 0, mi = m[5] ? +m[5] : 0, s = m[6] ? +m[6] : 0;
    if (h > 23 || mi > 59 || s > 59) return null;
    const ms = m[7] ? Math.floor(Number(`0.${m[7]}`) * 1000) : 0;
    let offsetMin = 0;
    const zone = m[8];
    if (zone && zone !== 'Z') {
        const sign = zone[0] === '-' ? -1 : 1;
        const digits = zone.slice(1).replace(':', '');
        const oh = +digits.slice(0, 2), om = digits.length > 2 ? +digits.slice(2) : 0;
        if (oh > 23 || om > 59) return null;
        offsetMin = sign * (oh * 60 + om);
    }
    return Date.UTC(y, mo - 1, d, h, mi, s, ms) - offsetMin * 60_000;
}

/** Epoch ms of midnight UTC of an ISO date (`2026-03-01`), or null. */
export function parseDate(text: string): number | null {
    const t = text.trim();
    if (t.length !== 10) return null;
    return parseTimestamp(t);
}

export { DAY_MS };
