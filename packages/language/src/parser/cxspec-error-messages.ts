/**
 * Syntax errors as one short line each. Chevrotain's defaults list every alternative token path
 * over many lines, which breaks the `file:line:col severity CODE message` output the CLI, CI
 * annotations and SARIF rely on.
 */
import { AstUtils, GrammarAST, LangiumParserErrorMessageProvider, type Grammar, type LangiumCoreServices } from 'langium';
import { didYouMean, spellingSuggestions } from '../references/spelling.js';

// Chevrotain's types, taken through Langium so the package depends on Langium alone.
type Messages = LangiumParserErrorMessageProvider;
type MismatchOptions = Parameters<Messages['buildMismatchTokenMessage']>[0];
type TokenType = MismatchOptions['expected'];
type IToken = MismatchOptions['actual'];
type LexerMessages = LangiumCoreServices['parser']['LexerErrorMessageProvider'];

const TERMINALS: Record<string, string> = {
    ID: 'a name',
    INT: 'a whole number',
    DECIMAL: 'a number',
    STRING: 'a quoted text',
    DURATION: 'a duration such as 2h or 30d'
};

function describeToken(type: TokenType): string {
    return TERMINALS[type.name] ?? `'${type.name}'`;
}

function found(token: IToken): string {
    return token.tokenType.name === 'EOF' ? 'the end of the file' : `'${excerpt(token.image)}'`;
}

/** A token as it can be shown in one line: a quoted text may run over lines and pages. */
function excerpt(text: string): string {
    const firstLine = text.split(/\r?\n/)[0];
    return firstLine.length > 30 || firstLine.length < text.length ? `${firstLine.slice(0, 30)}…` : firstLine;
}

/** "a, b or c" */
function oneOf(items: string[]): string {
    return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/**
 * The tokens that could come next. Where a name may come, the keywords that are also allowed as
 * names are left out: they would only repeat "a name" twenty times.
 */
function expectedTokens(paths: TokenType[][]): string {
    const firsts = [...new Map(paths.filter(p => p.length > 0).map(p => [p[0].name, p[0]])).values()];
    const nameExpected = firsts.some(t => t.name === 'ID');
    const numberExpected = firsts.some(t => t.name === 'DECIMAL');
    const shown = firsts.filter(t => !(nameExpected && t.name !== 'ID' && /^\w+$/.test(t.name) && !(t.name in TERMINALS))
        && !(numberExpected && t.name === 'INT'));
    const described = shown.map(describeToken);
    return described.length > 12 ? `${described.slice(0, 12).join(', ')}, ...` : oneOf(described);
}

/** The words of the grammar's keywords, which a misspelt word is compared with. */
export function keywordWords(grammar: Grammar): string[] {
    const words = AstUtils.streamAllContents(grammar).filter(GrammarAST.isKeyword).map(k => k.value).filter(v => /^[a-z_]{3,}$/.test(v));
    return [...new Set(words)].sort();
}

/** A question's modifiers, which the grammar takes in this order only. */
const QUESTION_MODIFIERS = new Set(['about', 'required', 'when']);

export class CxSpecParserErrorMessageProvider extends LangiumParserErrorMessageProvider {
    /** `keywords`: the words a misspelt keyword is matched against (none: no suggestions). */
    constructor(private readonly keywords: readonly string[] = []) {
        super();
    }

    override buildMismatchTokenMessage(options: MismatchOptions): string {
        // Where a text or a number must come, a word is not a misspelt keyword.
        const hint = options.expected.name in TERMINALS ? '.' : this.hint(options.actual, options.ruleName, [options.expected]);
        return `Expected ${describeToken(options.expected)} but found ${found(options.actual)}${hint}`;
    }

    override buildNotAllInputParsedMessage(options: Parameters<Messages['buildNotAllInputParsedMessage']>[0]): string {
        return `Expected a declaration (segment, journey, survey, dataset, metric, drivers) but found ${found(options.firstRedundant)}${this.hint(options.firstRedundant, '', [])}`;
    }

    override buildNoViableAltMessage(options: Parameters<Messages['buildNoViableAltMessage']>[0]): string {
        const paths = options.expectedPathsPerAlt.flat();
        return `Expected ${expectedTokens(paths)} but found ${found(options.actual[0])}${this.hint(options.actual[0], options.ruleName, paths.map(p => p[0]))}`;
    }

    override buildEarlyExitMessage(options: Parameters<Messages['buildEarlyExitMessage']>[0]): string {
        const paths = options.expectedIterationPaths;
        return `Expected ${expectedTokens(paths)} but found ${found(options.actual[0])}${this.hint(options.actual[0], options.ruleName, paths.map(p => p[0]))}`;
    }

    /**
     * The end of the message: the keyword a misspelt word is closest to (`queston` -> `question`),
     * or the order a question's modifiers take when one comes too late. Where the parser expected
     * words (`nps`, `csat`, ...), only those are candidates; where it expected only punctuation
     * (the `}` that closes a survey), the word may start the next member, so any keyword is.
     */
    private hint(token: IToken, ruleName: string, expected: Array<TokenType | undefined>): string {
        // Langium marks its rule names with a zero-width space.
        if (ruleName.replace('\u200b', '') === 'Question' && QUESTION_MODIFIERS.has(token.image)) {
            return '; a question takes its modifiers in this order: `about Touchpoint`, then `required`, then `when condition`.';
        }
        if (token.tokenType.name !== 'ID') return '.';
        const words = expected.filter(t => t !== undefined && this.keywords.includes(t.name)).map(t => t!.name);
        const suggestions = spellingSuggestions(token.image, words.length > 0 ? words : this.keywords);
        return suggestions.length > 0 ? `; ${didYouMean(suggestions)}` : '.';
    }
}

export class CxSpecLexerErrorMessageProvider implements LexerMessages {
    buildUnexpectedCharactersMessage(fullText: string, startOffset: number, length: number): string {
        const text = excerpt(fullText.substring(startOffset, startOffset + length));
        if (text.startsWith('"')) return 'Unterminated quoted text; close it with a \'"\' (write \\" for a quote inside it).';
        return `Unexpected character${length > 1 ? 's' : ''} '${text}'; remove ${length > 1 ? 'them' : 'it'}, or put ${length > 1 ? 'them' : 'it'} inside a "quoted text" or a // comment.`;
    }

    // The grammar has no lexer modes, so this is only here to complete the interface.
    buildUnableToPopLexerModeMessage(token: IToken): string {
        return `Unexpected '${token.image}'.`;
    }
}
