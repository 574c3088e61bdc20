import {
    AstUtils, GrammarAST, type AstNode, type AstNodeDescription, type AstNodeLocator, type LangiumDocument, type LangiumDocuments,
    type MaybePromise, type ReferenceInfo, type Stream
} from 'langium';
import {
    DefaultCompletionProvider, type CompletionAcceptor, type CompletionContext, type CompletionProviderOptions, type CompletionValueItem,
    type NextFeature
} from 'langium/lsp';
import { CompletionItemKind, CompletionList, InsertTextFormat, type CancellationToken, type CompletionParams } from 'vscode-languageserver';
import { KNOWN_CHANNELS } from '@cxspec/model';
import type { CxSpecLspServices } from './cxspec-lsp-module.js';
import { isColumn, isDataset, isDocument, isEnumValue, isOption, isQuestion, isSurvey, isTouchpoint } from '../generated/ast.js';
import { localeSettings, type SpecMembership } from '../references/spec-membership.js';
import { offered } from './completion-rules.js';
import { expandSnippet, FALLBACK_LOCALES, SNIPPET_TEMPLATES, type SnippetLocales } from './snippets.js';
import { guarded } from './guard.js';
import { questionKindText } from './spec-facts.js';

/**
 * Langium completes keywords and references (touchpoints after `about`, option ids after a
 * comparison, names from other files of the spec) through the scope provider; this keeps to the
 * names the rules accept there (completion-rules.ts), adds the locale codes the spec declares
 * where a text starts, the channels after `channel` and the operators of a target or comparison,
 * drops `true`/`false` where only option ids fit and keywords where a new name is typed, offers
 * nothing inside a comment, and describes each referenced declaration.
 */
export class CxSpecCompletionProvider extends DefaultCompletionProvider {
    /** `Survey.` and `Dataset.` open the list of their members. */
    override readonly completionOptions: CompletionProviderOptions = { triggerCharacters: ['.'] };

    private readonly membership: SpecMembership;
    private readonly documents: LangiumDocuments;
    private readonly locator: AstNodeLocator;

    constructor(services: CxSpecLspServices) {
        super(services);
        this.membership = services.references.SpecMembership;
        this.documents = services.shared.workspace.LangiumDocuments;
        this.locator = services.workspace.AstNodeLocator;
    }

    override getCompletion(document: LangiumDocument, params: CompletionParams, cancelToken?: CancellationToken): Promise<CompletionList | undefined> {
        return guarded('completion', () => inComment(document.textDocument.getText(), document.textDocument.offsetAt(params.position))
            ? CompletionList.create([], false)
            : super.getCompletion(document, params, cancelToken));
    }

    protected override completionFor(context: CompletionContext, next: NextFeature, acceptor: CompletionAcceptor): MaybePromise<void> {
        // The `Name` rule admits some keywords as names; offered where a name is typed, Enter would
        // turn `segment C` into `segment channel`.
        if (GrammarAST.isKeyword(next.feature) && isInRule(next.feature, 'Name')) return;
        // `channel` takes a ChannelName: an identifier, or `email` (also a keyword of text formats).
        if (isAssignmentTo(next.feature, 'channel') || isInRule(next.feature, 'ChannelName')) {
            KNOWN_CHANNELS.forEach((channel, index) => acceptor(context, {
                label: channel, kind: CompletionItemKind.EnumMember, detail: 'channel', sortText: String(index).padStart(3, '0')
            }));
            return;
        }
        if (isLocalePart(next)) {
            // In `locales ja, en` a new code is declared; everywhere else a text starts with a declared
            // one (offered whole, so the parts after `-` need no items of their own).
            if (!/(\blocales|,|-)\s*$/.test(textBefore(context))) this.completeLocales(context, acceptor);
            return;
        }
        if (GrammarAST.isKeyword(next.feature) && BOOLEAN_KEYWORDS.has(next.feature.value) && this.comparesSymbols(context)) return;
        if (GrammarAST.isKeyword(next.feature) && SNIPPET_KEYWORDS.has(next.feature.value)) {
            // The keyword first (Langium offers it at once), then its snippets.
            const keyword = super.completionFor(context, next, acceptor);
            this.completeSnippets(context, next.feature.value, acceptor);
            return keyword;
        }
        return super.completionFor(context, next, acceptor);
    }

    /** The snippets starting with `keyword`, written in the locales the spec declares. */
    private completeSnippets(context: CompletionContext, keyword: string, acceptor: CompletionAcceptor): void {
        const locales = this.snippetLocales(context);
        const indent = /^\s*/.exec(textBefore(context))![0];
        SNIPPET_TEMPLATES.filter(t => t.keyword === keyword).forEach((template, index) => acceptor(context, {
            label: template.label, kind: CompletionItemKind.Snippet, detail: template.description,
            insertText: expandSnippet(template, locales, indent), insertTextFormat: InsertTextFormat.Snippet,
            // After the keyword itself, in the order declared.
            sortText: `~${String(index).padStart(2, '0')}`
        }));
    }

    private snippetLocales(context: CompletionContext): SnippetLocales {
        const root = context.document.parseResult.value;
        if (!isDocument(root) || !root.name) return FALLBACK_LOCALES;
        const header = this.membership.documentsOf(root.name).map(r => r.header).find(h => h !== undefined);
        if (!header || header.locales.length === 0) return FALLBACK_LOCALES;
        return localeSettings(header);
    }

    protected override getReferenceCandidates(refInfo: ReferenceInfo, context: CompletionContext): Stream<AstNodeDescription> {
        return super.getReferenceCandidates(refInfo, context).filter(description => {
            const target = this.nodeOf(description);
            return !target || offered(refInfo, target);
        });
    }

    /** Operators are keywords without letters, which Langium leaves out; a target or a comparison needs them. */
    protected override filterKeyword(context: CompletionContext, keyword: GrammarAST.Keyword): boolean {
        return super.filterKeyword(context, keyword) || isAssignmentTo(keyword, 'op');
    }

    /** True after a comparison with a question that has option ids or a column with values, where true/false cannot follow. */
    private comparesSymbols(context: CompletionContext): boolean {
        const match = COMPARED.exec(textBefore(context));
        const root = context.document.parseResult.value;
        if (!match || !isDocument(root)) return false;
        const [, head, member] = match;
        let fields: Array<{ name: string; options?: unknown[]; values?: unknown[] }> = [];
        if (member) {
            const source = this.membership.documentsOf(root.name).flatMap(r => r.elements).find(e => e.name === head);
            fields = isSurvey(source) ? source.questions : isDataset(source) ? source.columns : [];
        } else {
            const survey = context.node && AstUtils.getContainerOfType(context.node, isSurvey);
            fields = survey?.questions ?? [];
        }
        const field = fields.find(f => f.name === (member ?? head));
        return (field?.options?.length ?? 0) > 0 || (field?.values?.length ?? 0) > 0;
    }

    /** Says where a touchpoint sits, what kind a question is, what an option reads. */
    protected override createReferenceCompletionItem(description: AstNodeDescription, refInfo: ReferenceInfo, context: CompletionContext): CompletionValueItem {
        const item = super.createReferenceCompletionItem(description, refInfo, context);
        const target = this.nodeOf(description);
        const detail = target && completionDetail(target);
        return detail ? { ...item, detail } : item;
    }

    private nodeOf(description: AstNodeDescription): AstNode | undefined {
        if (description.node) return description.node;
        const root = this.documents.getDocument(description.documentUri)?.parseResult.value;
        return root && this.locator.getAstNode(root, description.path);
    }

    private completeLocales(context: CompletionContext, acceptor: CompletionAcceptor): void {
        const root = context.document.parseResult.value;
        if (!isDocument(root)) return;
        const header = this.membership.headersOf(root.name)[0];
        if (!header) return;
        const { locales, defaultLocale } = localeSettings(header);
        locales.forEach((locale, index) => acceptor(context, {
            label: locale,
            kind: CompletionItemKind.Constant,
            detail: locale === defaultLocale ? 'default locale' : 'locale',
            insertText: `${locale} "$1"`,
            insertTextFormat: 2,
            // Declaration order, so the default (usually first) comes first.
            sortText: String(index).padStart(3, '0')
        }));
    }
}

const BOOLEAN_KEYWORDS = new Set(['true', 'false']);

/** Any part of a locale code (`ja`, `zh-Hant`); whatever the grammar's alternatives for it are. */
function isLocalePart(next: NextFeature): boolean {
    return isInRule(next.feature, 'LocaleCode');
}

function isInRule(feature: GrammarAST.AbstractElement, rule: string): boolean {
    return AstUtils.getContainerOfType(feature, GrammarAST.isParserRule)?.name === rule;
}

function isAssignmentTo(feature: GrammarAST.AbstractElement, property: string): boolean {
    return AstUtils.getContainerOfType(feature, GrammarAST.isAssignment)?.feature === property;
}

/** Strings, comments, and an unclosed comment or string running to the caret. */
const HIDDEN_OR_STRING = /"(?:\\.|[^"\\\n])*"?|\/\*[\s\S]*?(?:\*\/|$)|\/\/[^\n\r]*/g;

/** True when the caret sits inside a comment: the text before it ends in one (scanned as the lexer would). */
function inComment(text: string, offset: number): boolean {
    const before = text.slice(0, offset);
    HIDDEN_OR_STRING.lastIndex = 0;
    let last: RegExpExecArray | null = null;
    for (let m = HIDDEN_OR_STRING.exec(before); m; m = HIDDEN_OR_STRING.exec(before)) last = m;
    if (!last || last.index + last[0].length !== offset) return false;
    const token = last[0];
    return token.startsWith('//') || (token.startsWith('/*') && !(token.length >= 4 && token.endsWith('*/')));
}

/** Text of the current line up to the start of the word being completed. */
const SNIPPET_KEYWORDS = new Set(SNIPPET_TEMPLATES.map(t => t.keyword));

function textBefore(context: CompletionContext): string {
    const text = context.textDocument.getText();
    return text.slice(text.lastIndexOf('\n', context.tokenOffset - 1) + 1, context.tokenOffset);
}

/** `field = `, `field != ` or `field in [a, ` where the field is a choice question or an enum column. */
const COMPARED = /([_a-zA-Z]\w*)(?:\s*\.\s*([_a-zA-Z]\w*))?\s*(?:!?=|(?:not\s+)?in\s*\[[\w\s,]*)\s*$/;

function completionDetail(node: AstNode): string | undefined {
    if (isTouchpoint(node)) return `${node.$container.$container.name} > ${node.$container.name}${node.channel ? `, ${node.channel}` : ''}`;
    if (isQuestion(node)) return questionKindText(node);
    if (isOption(node)) return node.texts[0]?.text;
    if (isColumn(node)) return node.primitive ?? node.values.map(v => v.name).join(' | ');
    if (isEnumValue(node)) return `value of ${node.$container.name}`;
    return undefined;
}
