/**
 * Properties of the report's number formatting, axis scales and escaping, over generated inputs.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { fixed, formatDelta, formatValue } from '../src/report/format.js';
import { escapeHtml as esc } from '@cxspec/model';
import { mdText } from '../src/report/markdown-escape.js';
import { niceDomain, tickText } from '../src/report/svg.js';
import { propertyRuns } from '../../../test/support/property-runs.js';

const finite = fc.double({ min: -1e9, max: 1e9, noNaN: true, noDefaultInfinity: true });

describe('number formatting', () => {
    test('fixed() groups thousands like en-US and never prints -0', () => {
        fc.assert(fc.property(finite, fc.integer({ min: 0, max: 4 }), (v, d) => {
            const intl = v.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d, useGrouping: true });
            expect(fixed(v, d)).toBe(intl.replace(/^-(0(\.0+)?)$/, '$1'));
        }), { seed: 4, numRuns: propertyRuns(2000) });
    });

    test('exact cases', () => {
        expect(formatValue(-0.04, 'points')).toBe('0.0 pts');
        expect(formatValue(3780000, 'number')).toBe('3,780,000');
        expect(formatValue(4.5, 'number')).toBe('4.50');
        expect(formatValue(null, 'percent')).toBe('–');
        expect(formatDelta(2.34, 'percent')).toBe('+2.3 pp');
        expect(formatDelta(0.01, 'points')).toBe('0.0 pts');
        expect(formatDelta(-10.4, 'points')).toBe('-10.4 pts');
        expect(tickText(2.5, 2.5, false)).toBe('2.5');
        expect(tickText(40, 10, true)).toBe('40%');
        expect(tickText(0.45, 0.05, false)).toBe('0.45');
    });
});

describe('axis domains', () => {
    test('exact cases', () => {
        expect(niceDomain([0], null)).toEqual({ domain: [0, 1.25], ticks: [0, 0.25, 0.5, 0.75, 1, 1.25], step: 0.25 });
        expect(niceDomain([-7.2, -13.6, -0.8, -10, 0], [-100, 100])).toEqual({ domain: [-15, 0], ticks: [-15, -10, -5, 0], step: 5 });
        expect(niceDomain([-3, -1], null)).toEqual({ domain: [-3.5, -0.5], ticks: [-3.5, -3, -2.5, -2, -1.5, -1, -0.5], step: 0.5 });
    });

    test('cover every value, stay within bounds, ticks ascend inside the domain, never cross zero needlessly', () => {
        fc.assert(fc.property(fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 1, maxLength: 12 }), values => {
            const { domain, ticks, step } = niceDomain(values, [0, 100]);
            expect(domain[0]).toBeGreaterThanOrEqual(0);
            expect(domain[1]).toBeLessThanOrEqual(100);
            for (const v of values) {
                expect(v).toBeGreaterThanOrEqual(domain[0]);
                expect(v).toBeLessThanOrEqual(domain[1]);
            }
            expect(niceDomain(values, null).domain[0]).toBeGreaterThanOrEqual(0);
            expect(ticks.length).toBeGreaterThanOrEqual(2);
            ticks.forEach((t, i) => {
                expect(t).toBeGreaterThanOrEqual(domain[0] - 1e-9);
                expect(t).toBeLessThanOrEqual(domain[1] + 1e-9);
                if (i > 0) expect(t - ticks[i - 1]).toBeCloseTo(step, 9);
            });
        }), { seed: 7, numRuns: propertyRuns(500) });
    });
});

describe('escaping', () => {
    test('HTML text carries no markup character', () => {
        fc.assert(fc.property(fc.string({ unit: 'binary' }), s => {
            expect(esc(s)).not.toMatch(/[<>"']/);
            expect(esc(s).replace(/&(amp|lt|gt|quot|#39);/g, '')).not.toContain('&');
        }), { seed: 1, numRuns: propertyRuns(500) });
    });

    test('Markdown text has no raw HTML, no unescaped pipe and no line break', () => {
        fc.assert(fc.property(fc.string({ unit: 'binary' }), s => {
            const md = mdText(s);
            expect(md).not.toMatch(/[<>\n\r]/);
            expect(md.replace(/\\\\/g, '').replace(/\\\|/g, '')).not.toContain('|');
        }), { seed: 2, numRuns: propertyRuns(500) });
    });
});
