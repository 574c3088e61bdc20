import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CsvParser, CsvSyntaxError } from '../src/index.js';
import { propertyRuns } from '../../../test/support/property-runs.js';

function parse(chunks: string[]): Array<{ fields: string[]; line: number }> {
    const out: Array<{ fields: string[]; line: number }> = [];
    const parser = new CsvParser((fields, line) => out.push({ fields: [...fields], line }));
    for (const c of chunks) parser.push(c);
    parser.end();
    return out;
}

function syntaxError(text: string): CsvSyntaxError {
    try {
        parse([text]);
    } catch (error) {
        if (error instanceof CsvSyntaxError) return error;
        throw error;
    }
    throw new Error('no syntax error');
}

describe('CSV parser (RFC 4180)', () => {
    it('reads quoted fields with commas, doubled quotes and line breaks, with their start lines', () => {
        const text = 'id,text,n\r\n1,"a, b",2\r\n2,"say ""hi""",3\r\n3,"two\r\nlines",4\r\n4,,5';
        expect(parse([text])).toEqual([
            { fields: ['id', 'text', 'n'], line: 1 },
            { fields: ['1', 'a, b', '2'], line: 2 },
            { fields: ['2', 'say "hi"', '3'], line: 3 },
            { fields: ['3', 'two\r\nlines', '4'], line: 4 },
            { fields: ['4', '', '5'], line: 6 }
        ]);
    });

    it('reads LF files, skips blank lines and a final newline', () => {
        expect(parse(['a,b\n\n1,2\n'])).toEqual([{ fields: ['a', 'b'], line: 1 }, { fields: ['1', '2'], line: 3 }]);
    });

    it('gives the same records however the text is cut into chunks', () => {
        const text = 'id,q\r\n1,"x,""y""\n z"\r\n2,\r\n"3",plain\r\n';
        const whole = parse([text]);
        fc.assert(fc.property(fc.array(fc.nat(text.length), { maxLength: 6 }), cuts => {
            const points = [...new Set(cuts)].sort((a, b) => a - b);
            const chunks = [0, ...points].map((p, i) => text.slice(p, points[i] ?? text.length));
            expect(parse(chunks)).toEqual(whole);
        }), { numRuns: propertyRuns(300) });
    });

    it('gives the same records and lines however unquoted records, blank lines and CRLF are cut', () => {
        const text = 'id,a,b\r\nr1,1,2\r\n\r\nr2,,3\nr3,4,\r\nr4,"q\nq",5\nr5,6,7\r\nr6,8,9';
        const whole = parse([text]);
        expect(whole.map(r => r.line)).toEqual([1, 2, 4, 5, 6, 8, 9]);
        fc.assert(fc.property(fc.array(fc.nat(text.length), { maxLength: 8 }), cuts => {
            const points = [...new Set(cuts)].sort((a, b) => a - b);
            const chunks = [0, ...points].map((p, i) => text.slice(p, points[i] ?? text.length));
            expect(parse(chunks)).toEqual(whole);
        }), { numRuns: propertyRuns(500) });
    });

    it('round-trips any table written with RFC 4180 quoting', () => {
        const cell = fc.string({ unit: fc.constantFrom('a', 'あ', ',', '"', '\n', '\r\n', ' ', '1') , maxLength: 6 });
        fc.assert(fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 5 }), rows => {
            const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
            const text = rows.map(r => r.map(quote).join(',')).join('\r\n');
            expect(parse([text]).map(r => r.fields)).toEqual(rows);
        }), { numRuns: propertyRuns(300) });
    });

    it('reports an unterminated quote at the line and column where it opens', () => {
        const e = syntaxError('id,text\n1,ok\n2,"never closed\nstill open\n');
        expect([e.line, e.column]).toEqual([3, 3]);
        expect(e.message).toBe('quoted field is never closed (a `"` opens it here)');
    });

    it('reports text after a closing quote and a quote inside an unquoted field', () => {
        const after = syntaxError('a,b\n1,"x"y\n');
        expect([after.line, after.column]).toEqual([2, 6]);
        expect(after.message).toContain("unexpected character 'y' after a closing quote");
        const inside = syntaxError('a,b\n"multi\nline",ab"c\n');
        expect([inside.line, inside.column]).toEqual([3, 9]);
        expect(inside.message).toContain('quote inside an unquoted field');
    });
});
