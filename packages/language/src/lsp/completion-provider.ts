import {
    AstUtils, GrammarAST, type AstNode, type AstNodeDescription, type AstNodeLocator, type LangiumDocument, type LangiumDocuments,
    type MaybePromise, type ReferenceInfo
} from 'langium';
import {
    DefaultCompletionProvider, type CompletionAcceptor, type CompletionContext, type CompletionValueItem, type NextFeature
} from 'langium/lsp';
import { CompletionItemKind, type CancellationToken, type CompletionList, type CompletionParams } from 'vscode-languageserver';
import type { CxSpecLspServices } from './cxspec-lsp-module.js';
import { isColumn, isDataset, isDocument, isEnumValue, isOption, isQuestion, isSurvey, isTouchpoint } from '../generated/ast.js';
import { localeSettings, type SpecMembership } from '../references/spec-membership.js';
import { guarded } from './guard.js';
import { questionKindText } from './spec-facts.js';

/**
 * Langium completes keywords and references (touchpoints after `about`, option ids after a
 * comparison, names from other files of the spec) through the scope provider; this adds the
 * locale codes the spec declares where a text starts, drops `true`/`false` where only option ids
 * fit, and describes each referenced declaration.
 */
export class CxSpecCompletionProvider extends DefaultCompletionProvider {
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
        return guarded('completion', () => super.getCompletion(document, params, cancelToken));
    }

    protected override completionFor(context: CompletionContext, next: NextFeature, acceptor: CompletionAcceptor): MaybePromise<void> {
        if (isLocalePart(next)) {
            // In `locales ja, en` a new code is declared; everywhere else a text starts with a declared
            // one (offered whole, so the parts after `-` need no items of their own).
            if (!/(\blocales|,|-)\s*$/.test(textBefore(context))) this.completeLocales(context, acceptor);
            return;
        }
        if (GrammarAST.isKeyword(next.feature) && BOOLEAN_KEYWORDS.has(next.feature.value) && this.comparesSymbols(context)) return;
        return super.completionFor(context, next, acceptor);
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
        const node = description.node ?? this.documents.getDocument(description.documentUri)?.parseResult.value;
        const target = node && !description.node ? this.locator.getAstNode(node, description.path) : node;
        const detail = target && completionDetail(target);
        return detail ? { ...item, detail } : item;
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
    return AstUtils.getContainerOfType(next.feature, GrammarAST.isParserRule)?.name === 'LocaleCode';
}

/** Text of the current line up to the start of the word being completed. */
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
