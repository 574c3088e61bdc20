/**
 * ISO 8601 timestamps of `submitted_at` and dates of dataset columns, to epoch milliseconds (UTC).
 * Per docs/response-format.md a time without zone is UTC and an offset is honoured. Impossible
 * dates (2026-02-30) are rejected rather than rolled over as Date.parse does, and so are years
 * before EARLIEST_YEAR.
 */
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/;

/**
 * Years before this are rejected (bad_timestamp): no survey answer or customer record of a CX
 * program is that old, so year 0050 is a typo or a broken export, not a date to group by (the
 * Date API would also put years 0-99 in the 1900s).
 */
export const EARLIEST_YEAR = 1900;

/** True when `text` starts with a year before EARLIEST_YEAR, for the message of a rejected timestamp. */
export function isBeforeEarliestYear(text: string): boolean {
    const year = /^\s*(\d{4})-/.exec(text)?.[1];
    return year !== undefined && +year < EARLIEST_YEAR;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(y: number, m: number): number {
    return m === 2 && (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)) ? 29 : MONTH_DAYS[m - 1];
}

/** Digits at [i, i + n) as a number, or -1 when one is not a digit. */
function digits(s: string, i: number, n: number): number {
    let v = 0;
    for (let k = i; k < i + n; k++) {
        const c = s.charCodeAt(k) - 48;
        if (c < 0 || c > 9) return -1;
        v = v * 10 + c;
    }
    return v;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (Hinnant's days_from_civil), without Date. */
function daysFromCivil(y: number, m: number, d: number): number {
    const yy = m <= 2 ? y - 1 : y;
    const era = Math.floor(yy / 400);
    const yoe = yy - era * 400;
    const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
    const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
    return era * 146097 + doe - 719468;
}

/** Epoch ms of a date-time given as numbers (a field that is not digits is -1), null when impossible. */
function civilMs(y: number, mo: number, d: number, h: number, mi: number, s: number): number | null {
    if (y < EARLIEST_YEAR || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
    if (h < 0 || h > 23 || mi < 0 || mi > 59 || s < 0 || s > 59) return null;
    return daysFromCivil(y, mo, d) * 86_400_000 + ((h * 60 + mi) * 60 + s) * 1000;
}

/**
 * Fast path for the common `YYYY-MM-DDTHH:MM:SSZ` form (what SurveyJS and most exports write);
 * undefined sends every other form to the full parser.
 */
function parseCanonical(text: string): number | null | undefined {
    if (text.length !== 20 || text.charCodeAt(19) !== 90 /* Z */ || text.charCodeAt(10) !== 84 /* T */
        || text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return undefined;
    return civilMs(digits(text, 0, 4), digits(text, 5, 2), digits(text, 8, 2), digits(text, 11, 2), digits(text, 14, 2), digits(text, 17, 2));
}

/** Digits at bytes [i, i + n) as a number, or -1 when one is not a digit. */
function byteDigits(bytes: Uint8Array, i: number, n: number): number {
    let v = 0;
    for (let k = i; k < i + n; k++) {
        const c = bytes[k] - 48;
        if (c < 0 || c > 9) return -1;
        v = v * 10 + c;
    }
    return v;
}

/**
 * parseTimestamp of the text of bytes [start, end) when they are in the `YYYY-MM-DDTHH:MM:SSZ`
 * form; undefined for any other form (the caller decodes them and calls parseTimestamp).
 */
export function parseTimestampBytes(bytes: Uint8Array, start: number, end: number): number | null | undefined {
    const b = start;
    if (end - start !== 20 || bytes[b + 19] !== 90 || bytes[b + 10] !== 84 || bytes[b + 13] !== 58 || bytes[b + 16] !== 58
        || bytes[b + 4] !== 45 || bytes[b + 7] !== 45) return undefined;
    return civilMs(byteDigits(bytes, b, 4), byteDigits(bytes, b + 5, 2), byteDigits(bytes, b + 8, 2),
        byteDigits(bytes, b + 11, 2), byteDigits(bytes, b + 14, 2), byteDigits(bytes, b + 17, 2));
}

/** Epoch ms of an ISO date or date-time, or null when it is not one. */
export function parseTimestamp(text: string): number | null {
    const fast = parseCanonical(text);
    if (fast !== undefined) return fast;
    const m = DATE_TIME.exec(text.trim());
    if (!m) return null;
    const civil = civilMs(+m[1], +m[2], +m[3], m[4] ? +m[4] : 0, m[5] ? +m[5] : 0, m[6] ? +m[6] : 0);
    if (civil === null) return null;
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
    return civil + ms - offsetMin * 60_000;
}

/** Epoch ms of midnight UTC of an ISO date (`2026-03-01`), or null. */
export function parseDate(text: string): number | null {
    const t = text.trim();
    if (t.length !== 10) return null;
    return parseTimestamp(t);
}
