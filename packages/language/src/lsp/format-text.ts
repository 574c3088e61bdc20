/**
 * The CXSpec layout, as a pure function from text to text: two-space indentation per open
 * bracket, one space between tokens (none around `.` and `..`, before `,` `:` `%` and closing
 * brackets, or after opening ones and a metric function's name), no trailing whitespace.
 * Line breaks, blank lines and comments are kept as written, so formatting never moves a
 * comment and line N of the output is line N of the input; strings and block comments that
 * span lines are left untouched. Fixed rather than configurable, like gofmt, so every editor
 * and CI produce the same bytes.
 */
import { METRIC_FUNCTIONS } from '@cxspec/model';

interface Token {
    kind: 'word' | 'string' | 'line-comment' | 'block-comment' | 'punct';
    text: string;
    line: number;
    /** Whitespace before the token on its line, or -1 at the start of the line. */
    gap: number;
    /** Last line the token touches (strings and block comments may span lines). */
    endLine: number;
}

const INDENT = '  ';
const PUNCT = ['..', '>=', '<=', '!=', '{', '}', '[', ']', '(', ')', ',', ':', '.', '%', '|', '=', '<', '>', '-'];
const OPENERS = new Set(['{', '[', '(']);
const CLOSERS = new Set(['}', ']', ')']);
const NO_SPACE_BEFORE = new Set([',', ':', ')', ']', '%', '.', '..']);
const NO_SPACE_AFTER = new Set(['(', '[', '.', '..', '-']);
/** The metric functions, written `fn(` with no space. */
const CALLS: ReadonlySet<string> = new Set(Object.keys(METRIC_FUNCTIONS));

/** Splits the text into tokens; undefined when a string or block comment is never closed. */
function scan(text: string): Token[] | undefined {
    const tokens: Token[] = [];
    let line = 0;
    let gap = -1;
    let i = 0;
    const push = (kind: Token['kind'], value: string) => {
        const newlines = value.split('\n').length - 1;
        tokens.push({ kind, text: value, line, gap, endLine: line + newlines });
        line += newlines;
        gap = 0;
        i += value.length;
    };
    while (i < text.length) {
        const ch = text[i];
        if (ch === '\n') { line++; gap = -1; i++; continue; }
        if (ch === ' ' || ch === '\t' || ch === '\r' || ch === '\f' || ch === '\v') {
            if (gap >= 0) gap++;
            i++;
            continue;
        }
        const rest = text.slice(i);
        if (rest.startsWith('//')) { push('line-comment', /^\/\/[^\n\r]*/.exec(rest)![0]); continue; }
        if (rest.startsWith('/*')) {
            const end = rest.indexOf('*/', 2);
            if (end < 0) return undefined;
            push('block-comment', rest.slice(0, end + 2));
            continue;
        }
        if (ch === '"') {
            const match = /^"(\\[\s\S]|[^"\\])*"/.exec(rest);
            if (!match) return undefined;
            push('string', match[0]);
            continue;
        }
        const word = /^([0-9]+\.[0-9]+|\w+)/.exec(rest);
        if (word) { push('word', word[0]); continue; }
        push('punct', PUNCT.find(p => rest.startsWith(p)) ?? ch);
    }
    return tokens;
}

function spaceBetween(prev: Token, next: Token): string {
    if (next.kind === 'line-comment' || next.kind === 'block-comment') return ' '.repeat(Math.max(1, next.gap));
    if (NO_SPACE_BEFORE.has(next.text) && next.kind === 'punct') return '';
    if (prev.kind === 'punct' && NO_SPACE_AFTER.has(prev.text)) return '';
    // `zh-Hant` is one locale code, `warn -5` a negative number: keep the author's choice before `-`.
    if (next.kind === 'punct' && next.text === '-') return next.gap > 0 ? ' ' : '';
    if (next.kind === 'punct' && next.text === '(' && prev.kind === 'word' && CALLS.has(prev.text)) return '';
    return ' ';
}

/** Formats CXSpec text; returns undefined when it cannot be tokenized (an unclosed string or comment). */
export function formatCxText(text: string): string | undefined {
    const tokens = scan(text);
    if (!tokens) return undefined;
    const lines = text.split('\n');
    const out = lines.map(l => l.replace(/\r$/, ''));
    const byLine = new Map<number, Token[]>();
    for (const token of tokens) {
        const list = byLine.get(token.line) ?? [];
        list.push(token);
        byLine.set(token.line, list);
    }
    // Lines inside a multi-line string or comment are content, not layout.
    const verbatim = new Set<number>();
    for (const token of tokens) for (let l = token.line + 1; l <= token.endLine; l++) verbatim.add(l);
    let depth = 0;
    for (let l = 0; l < out.length; l++) {
        const lineTokens = (byLine.get(l) ?? []).filter(t => t.line === l);
        if (verbatim.has(l)) {
            for (const t of lineTokens) depth += delta(t);
            continue;
        }
        if (lineTokens.length === 0) { out[l] = ''; continue; }
        let leadingClosers = 0;
        while (leadingClosers < lineTokens.length && lineTokens[leadingClosers].kind === 'punct' && CLOSERS.has(lineTokens[leadingClosers].text)) leadingClosers++;
        let rendered = INDENT.repeat(Math.max(0, depth - leadingClosers));
        lineTokens.forEach((token, index) => {
            if (index > 0) rendered += spaceBetween(lineTokens[index - 1], token);
            rendered += token.text.split('\n')[0].replace(/\r$/, '');
            depth += delta(token);
        });
        const last = lineTokens[lineTokens.length - 1];
        // A token running onto the next lines keeps its text there; trailing spaces here are its own.
        out[l] = last.endLine > l ? rendered : rendered.replace(/\s+$/, '');
    }
    const result = out.join('\n');
    return text.endsWith('\n') ? result : `${result}\n`;
}

function delta(token: Token): number {
    if (token.kind !== 'punct') return 0;
    if (OPENERS.has(token.text)) return 1;
    if (CLOSERS.has(token.text)) return -1;
    return 0;
}
