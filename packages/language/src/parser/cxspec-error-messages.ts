/**
 * Syntax errors as one short line each. Chevrotain's defaults list every alternative token path
 * over many lines, which breaks the `file:line:col severity CODE message` output the CLI, CI
 * annotations and SARIF rely on.
 */
import { LangiumParserErrorMessageProvider, type LangiumCoreServices } from 'langium';

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

export class CxSpecParserErrorMessageProvider extends LangiumParserErrorMessageProvider {
    override buildMismatchTokenMessage(options: MismatchOptions): string {
        return `Expected ${describeToken(options.expected)} but found ${found(options.actual)}.`;
    }

    override buildNotAllInputParsedMessage(options: Parameters<Messages['buildNotAllInputParsedMessage']>[0]): string {
        return `Expected a declaration (segment, journey, survey, dataset, metric, drivers) but found ${found(options.firstRedundant)}.`;
    }

    override buildNoViableAltMessage(options: Parameters<Messages['buildNoViableAltMessage']>[0]): string {
        return `Expected ${expectedTokens(options.expectedPathsPerAlt.flat())} but found ${found(options.actual[0])}.`;
    }

    override buildEarlyExitMessage(options: Parameters<Messages['buildEarlyExitMessage']>[0]): string {
        return `Expected ${expectedTokens(options.expectedIterationPaths)} but found ${found(options.actual[0])}.`;
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
