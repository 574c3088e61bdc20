import { expect, it } from 'vitest';
import { formatDiagnostic, oneLine } from '../src/index.js';

it('writes line breaks, controls and bidi controls as escapes, and leaves other text alone', () => {
    expect(oneLine('a\nb\r\tc\u0000\u001b[31m\u0007\u007f\u0085\u2028\u2029\u202e\u2066')).toBe(
        'a\\nb\\r\\tc\\u0000\\u001b[31m\\u0007\\u007f\\u0085\\u2028\\u2029\\u202e\\u2066');
    expect(oneLine('受け取り "棚" 😀 ::x')).toBe('受け取り "棚" 😀 ::x');
});

it('keeps a diagnostic on one line whatever its file name and message hold', () => {
    expect(formatDiagnostic({
        file: 'a\n::error::x.cx', line: 1, column: 2, endLine: 1, endColumn: 3, severity: 'error', code: 'CX401', message: "shown when x = \"\n::add-mask::y\""
    })).toBe('a\\n::error::x.cx:1:2 error CX401 shown when x = "\\n::add-mask::y"');
});
