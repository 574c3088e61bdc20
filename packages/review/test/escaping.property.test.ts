/**
 * Property tests of the escaping that keeps user text from breaking an output format: GitHub
 * workflow commands (the runner's unescaping gives back the text, separators never appear raw)
 * Mermaid labels (one quoted string, no raw quote, markup or line break inside) and Markdown
 * table cells (one line, no raw pipe or HTML).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cell, escapeData, escapeProperty, mermaidLabel } from '@cxspec/review';
import { propertyRuns } from '../../../test/support/property-runs.js';

/** The runner's reading of an escaped value (the inverse of @actions/core's escaping). */
function unescape(text: string): string {
    return text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
}

const tricky = fc.string({ unit: fc.constantFrom('%', '\r', '\n', ':', ',', '=', 'a', 'あ', '0', 'D', 'A', '"', '#', '<', '>', '&', '`', ' ', ';') });

describe('escaping properties', () => {
    it('github properties and data round-trip through the runner and hide their separators', () => {
        fc.assert(fc.property(tricky, text => {
            const property = escapeProperty(text);
            expect(property).not.toMatch(/[\r\n:,]/);
            expect(unescape(property)).toBe(text);
            const data = escapeData(text);
            expect(data).not.toMatch(/[\r\n]/);
            expect(unescape(data)).toBe(text);
        }), { numRuns: propertyRuns(500) });
    });

    it('a Mermaid label is one quoted string without raw quotes, markup, entities or line breaks', () => {
        fc.assert(fc.property(tricky, text => {
            const label = mermaidLabel(text);
            expect(label.startsWith('"') && label.endsWith('"')).toBe(true);
            const inner = label.slice(1, -1).replace(/<br\/>/g, '');
            expect(inner).not.toMatch(/["<>&`\r\n]/);
            // Every # starts one of the entities the label writes.
            expect(inner.replace(/#(35|quot|lt|gt|amp|96);/g, '')).not.toContain('#');
        }), { numRuns: propertyRuns(500) });
    });

    it('a Markdown table cell stays one cell on one line without HTML', () => {
        fc.assert(fc.property(fc.string({ unit: fc.constantFrom('|', '\\', '\r', '\n', '<', '>', '&', '*', '_', '`', '[', ']', 'a', ' ') }), text => {
            const escaped = cell(text).replace(/<br>/g, '');
            expect(escaped).not.toMatch(/[\r\n<>]/);
            // Pipes and Markdown markup only ever appear backslash-escaped.
            expect(escaped.replace(/\\./g, '')).not.toMatch(/[|`*_[\]]/);
        }), { numRuns: propertyRuns(500) });
    });
});
