/**
 * Bounds how deep a condition may nest before the parser sees it. Conditions are the grammar's only
 * recursion: each `(` costs the recursive-descent parser five rule calls and each `not` one, so about
 * 115 nested parentheses (or ~1,000 `not`) overflowed the stack, leaving the shared parser in a broken
 * state; about 3,500 operands joined by `and`/`or` parse fine but give a tree so deep that Langium's
 * own tree walks overflow. The limits sit far above anything a person writes and far below both.
 *
 * The scan runs on the tokens: a construct past the limit is reported (CX007) and left out of the
 * token stream, so the parser only ever sees a bounded condition and the rest of the file parses
 * as usual.
 */
import { DefaultLexer, type LexerResult, type LexingReport, type TokenizeOptions } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';

/** Levels of `(` and `not` a condition may nest. */
export const MAX_CONDITION_DEPTH = 64;
/** `and` / `or` operators in one condition. */
export const MAX_CONDITION_OPERATORS = 1000;

type Token = LexerResult['tokens'][number];

/** A construct past a limit: where it starts and what to say. */
export interface NestingExcess {
    token: Token;
    message: string;
}

/** The lexer's report with the constructs the scan left out. */
export interface NestingLexingReport extends LexingReport {
    nestingExcesses: NestingExcess[];
}

const DEPTH_MESSAGE = `A condition nests at most ${MAX_CONDITION_DEPTH} levels deep (each '(' and 'not' opens one); remove redundant parentheses and double 'not's.`;
const OPERATORS_MESSAGE = `A condition joins at most ${MAX_CONDITION_OPERATORS} comparisons with 'and'/'or'; use 'in [...]' for a list of values, or split it.`;

/**
 * Tokens that cannot occur inside a condition, so a condition (or an unclosed one, while typing)
 * ends before them: braces, the words that start a condition, and the declaration keywords,
 * which are never names.
 */
const CONDITION_BOUNDARIES = new Set([
    '{', '}', 'where', 'when', 'spec', 'segment', 'journey', 'stage', 'touchpoint', 'survey', 'question',
    'dataset', 'column', 'metric', 'drivers'
]);

/** One open parenthesis (the first entry: the condition itself). */
interface Level {
    /** `not`s counted at this level since its last `and`/`or`: they enclose what follows. */
    nots: number;
    /** The `(` was left out, so its `)` is too. */
    dropped: boolean;
}

/**
 * The tokens with every construct past a limit left out. Past the depth limit a `(` goes with its
 * `)` and a `not` alone, so what remains is still a well-formed condition; past the operator
 * limit the rest of the condition goes, except the `)` that close parentheses kept before it.
 */
export function limitNesting(tokens: Token[]): { tokens: Token[]; excesses: NestingExcess[] } {
    const kept: Token[] = [];
    const excesses: NestingExcess[] = [];
    let levels: Level[] = [{ nots: 0, dropped: false }];
    /** The sum of `levels[i].nots`, kept as it changes: files may hold many thousands of levels. */
    let nots = 0;
    let operators = 0;
    let depthReported = false;
    /** While set, the condition is past the operator limit; `levels.length` at that point. */
    let cutAtLevels: number | undefined;
    for (const token of tokens) {
        const name = token.tokenType.name;
        // A `)` at the outermost level closes `rate(...)` (or is a syntax error): the condition ends.
        if (CONDITION_BOUNDARIES.has(name) || (name === ')' && levels.length === 1)) {
            levels = [{ nots: 0, dropped: false }];
            nots = 0;
            operators = 0;
            depthReported = false;
            cutAtLevels = undefined;
            kept.push(token);
            continue;
        }
        if (cutAtLevels !== undefined) {
            // The `not`s are not counted here: past the cut nothing is kept but closing parentheses.
            if (name === '(') levels.push({ nots: 0, dropped: true });
            else if (name === ')') {
                const closed = levels.pop()!;
                nots -= closed.nots;
                if (!closed.dropped && levels.length < cutAtLevels) kept.push(token);
            }
            continue;
        }
        let drop = false;
        switch (name) {
            case '(':
            case 'not': {
                if (name === '(') levels.push({ nots: 0, dropped: false });
                else {
                    levels[levels.length - 1].nots++;
                    nots++;
                }
                drop = levels.length - 1 + nots > MAX_CONDITION_DEPTH;
                if (drop && name === '(') levels[levels.length - 1].dropped = true;
                if (drop && !depthReported) {
                    excesses.push({ token, message: DEPTH_MESSAGE });
                    depthReported = true;
                }
                break;
            }
            case ')': {
                const closed = levels.pop()!;
                nots -= closed.nots;
                drop = closed.dropped;
                break;
            }
            case 'and':
            case 'or':
                nots -= levels[levels.length - 1].nots;
                levels[levels.length - 1].nots = 0;
                if (++operators > MAX_CONDITION_OPERATORS) {
                    excesses.push({ token, message: OPERATORS_MESSAGE });
                    cutAtLevels = levels.length;
                    drop = true;
                }
                break;
        }
        if (!drop) kept.push(token);
    }
    return { tokens: kept, excesses };
}

/** The default lexer followed by the nesting scan; the parser reads only the tokens the scan keeps. */
export class NestingLimitLexer extends DefaultLexer {
    override tokenize(text: string, options?: TokenizeOptions): LexerResult {
        const result = super.tokenize(text, options);
        const { tokens, excesses } = limitNesting(result.tokens);
        if (excesses.length === 0) return result;
        const report: NestingLexingReport = { diagnostics: result.report?.diagnostics ?? [], nestingExcesses: excesses };
        return { ...result, tokens, report };
    }
}

/** CX007 for each construct the scan left out of a document's tokens. */
export function nestingDiagnostics(report: LexingReport | undefined): Diagnostic[] {
    if (!report || !('nestingExcesses' in report)) return [];
    return (report as NestingLexingReport).nestingExcesses.map(({ token, message }) => ({
        severity: 1,
        range: {
            start: { line: token.startLine! - 1, character: token.startColumn! - 1 },
            end: { line: token.endLine! - 1, character: token.endColumn! }
        },
        message,
        code: 'CX007',
        data: { code: 'CX007' },
        source: 'cxspec'
    }));
}
