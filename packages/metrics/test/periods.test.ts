import { describe, expect, it } from 'vitest';
import type { Period } from '@cxspec/model';
import { isoDate, nextPeriodStart, periodLabel, periodStart } from '../src/eval/periods.js';
import fc from 'fast-check';
import { parseTimestamp, parseTimestampBytes } from '../src/check/timestamp.js';
import { propertyRuns } from '../../../test/support/property-runs.js';

const at = (iso: string) => parseTimestamp(iso)!;
const period = (iso: string, unit: Period) => {
    const start = periodStart(at(iso), unit);
    return [periodLabel(start, unit), isoDate(start), isoDate(nextPeriodStart(start, unit))];
};

describe('calendar periods (UTC)', () => {
    it('labels ISO weeks by the year of their Thursday', () => {
        expect(period('2021-01-03T23:59:59Z', 'week')).toEqual(['2020-W53', '2020-12-28', '2021-01-04']);
        expect(period('2024-12-30T00:00:00Z', 'week')).toEqual(['2025-W01', '2024-12-30', '2025-01-06']);
        expect(period('2026-03-01T12:00:00Z', 'week')).toEqual(['2026-W09', '2026-02-23', '2026-03-02']);
        expect(period('1969-12-31T00:00:00Z', 'week')).toEqual(['1970-W01', '1969-12-29', '1970-01-05']);
    });

    it('labels months, quarters and years', () => {
        expect(period('2026-03-31T23:00:00Z', 'month')).toEqual(['2026-03', '2026-03-01', '2026-04-01']);
        expect(period('2026-12-15', 'quarter')).toEqual(['2026-Q4', '2026-10-01', '2027-01-01']);
        expect(period('2024-02-29T10:00:00Z', 'year')).toEqual(['2024', '2024-01-01', '2025-01-01']);
    });

    it('reads offsets as written and a missing zone as UTC', () => {
        expect(new Date(at('2026-04-01T08:00:00+09:00')).toISOString()).toBe('2026-03-31T23:00:00.000Z');
        expect(period('2026-04-01T08:00:00+09:00', 'month')[0]).toBe('2026-03');
        expect(new Date(at('2026-03-01 09:30')).toISOString()).toBe('2026-03-01T09:30:00.000Z');
        expect(new Date(at('2026-03-01T09:30:00.25-0130')).toISOString()).toBe('2026-03-01T11:00:00.250Z');
    });

    it('rejects years before 1900 in every form, so no year lands in the wrong century', () => {
        for (const bad of ['0050-06-15T10:00:00Z', '0050-06-15T10:00:00+09:00', '0099-12-31', '1899-12-31T23:59:59Z', '0000-01-01 00:00']) {
            expect(parseTimestamp(bad), bad).toBeNull();
            const bytes = Buffer.from(bad);
            expect(parseTimestampBytes(bytes, 0, bytes.length) ?? null, bad).toBeNull();
        }
        expect(period('1900-01-01T00:30:00+01:00', 'month')).toEqual(['1899-12', '1899-12-01', '1900-01-01']);
        expect(period('1900-01-01T00:00:00Z', 'year')).toEqual(['1900', '1900-01-01', '1901-01-01']);
    });

    it('rejects impossible dates and other text', () => {
        for (const bad of ['2026-02-30', '2026-13-01T00:00:00Z', '2026-03-01T24:00:00Z', '01/03/2026', 'yesterday', '2026-3-1']) {
            expect(parseTimestamp(bad), bad).toBeNull();
        }
    });
});

describe('timestamp fast path', () => {
    it('agrees with Date.UTC on every day from 1900 (the earliest year read) to 2101', () => {
        for (let t = Date.UTC(1900, 0, 1); t < Date.UTC(2101, 0, 1); t += 86_400_000 + 3_723_000) {
            const iso = new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z');
            expect(parseTimestamp(iso)).toBe(Math.floor(t / 1000) * 1000);
            const bytes = Buffer.from(`x,${iso},`);
            expect(parseTimestampBytes(bytes, 2, bytes.length - 1)).toBe(Math.floor(t / 1000) * 1000);
        }
    });

    it('reads bytes as parseTimestamp reads their text, or leaves them to it', () => {
        const char = fc.constantFrom('0', '1', '2', '3', '5', '9', '-', ':', 'T', 'Z', ' ', 'x', '+');
        const shaped = fc.array(char, { minLength: 20, maxLength: 20 }).map(cs => cs.join(''));
        const nearCanonical = fc.tuple(fc.integer({ min: 0, max: 19 }), char).map(([i, c]) => {
            const base = '2026-02-28T23:59:59Z';
            return base.slice(0, i) + c + base.slice(i + 1);
        });
        fc.assert(fc.property(fc.oneof(shaped, nearCanonical, fc.string({ maxLength: 24 })), text => {
            const bytes = Buffer.from(text);
            const fromBytes = parseTimestampBytes(bytes, 0, bytes.length);
            if (fromBytes !== undefined) expect(fromBytes).toBe(parseTimestamp(text));
        }), { numRuns: propertyRuns(3000) });
    });
});
