import { AstUtils, type AstNode, type ValidationAcceptor } from 'langium';
import type { Document, LocalizedText } from '../generated/ast.js';
import { localeSettings, type SpecMembership } from '../references/spec-membership.js';
import { report } from './validation-utils.js';

type Texted = AstNode & { texts: LocalizedText[] };

/** Node types whose texts respondents read: a default-locale text is mandatory. */
const TEXT_REQUIRED = new Set(['Question', 'Option', 'MatrixItem', 'ScaleLabel', 'Survey', 'Thanks', 'Description']);

const WHAT: Record<string, string> = {
    Question: 'question', Option: 'option', MatrixItem: 'matrix item', ScaleLabel: 'scale label', Survey: 'survey title',
    Thanks: 'completion text', Description: 'description', SpecHeader: 'spec title', Journey: 'journey title',
    Stage: 'stage title', Touchpoint: 'touchpoint title', Segment: 'segment title', Dataset: 'dataset title',
    Metric: 'metric title', DriverAnalysis: 'driver analysis title'
};

export class LocaleValidator {
    constructor(private readonly membership: SpecMembership) {}

    checkTexts(node: Texted, accept: ValidationAcceptor): void {
        const root = AstUtils.findRootNode(node) as Document;
        const header = this.membership.headersOf(root.name)[0];
        if (!header) return; // CX003 reports the missing header once
        const { locales, defaultLocale } = localeSettings(header);
        const label = describe(node);
        const given = new Set<string>();
        node.texts.forEach((text, index) => {
            if (!locales.includes(text.locale)) {
                report(accept, 'CX005', `Locale '${text.locale}' is not declared by spec '${root.name}'; add it to \`locales\` or use one of ${locales.join(', ')}.`, text, { property: 'locale' });
            } else if (given.has(text.locale)) {
                report(accept, 'CX103', `The ${label} has two '${text.locale}' texts; keep one.`, node, { property: 'texts', index });
            }
            given.add(text.locale);
        });
        if (node.texts.length === 0 && !TEXT_REQUIRED.has(node.$type)) return;
        const anchor = anchorOf(node);
        for (const locale of locales) {
            if (given.has(locale)) continue;
            if (locale === defaultLocale) {
                report(accept, 'CX101', `The ${label} has no text in the default locale '${locale}'; add \`${locale} "..."\`.`, node, anchor, { locale });
            } else {
                report(accept, 'CX102', `The ${label} has no '${locale}' text; add \`${locale} "..."\` or respondents in '${locale}' see the default text.`, node, anchor, { locale });
            }
        }
    }
}

/** Names the node and, for unnamed parts, what they belong to: "'low' label of question 'q'". */
function describe(node: AstNode): string {
    const name = (node as { name?: string }).name;
    const what = WHAT[node.$type] ?? node.$type;
    if (name) return `${what} '${name}'`;
    const owner = node.$container && node.$container.$type !== 'Document' ? ` of ${describeOwner(node.$container)}` : '';
    if (node.$type === 'ScaleLabel') return `'${(node as { end?: string }).end}' label${owner}`;
    return `${what}${owner}`;
}

function describeOwner(node: AstNode): string {
    const name = (node as { name?: string }).name;
    const kind = node.$type.replace(/[A-Z]/g, (c, i: number) => (i > 0 ? ' ' : '') + c.toLowerCase());
    return name ? `${kind} '${name}'` : describe(node);
}

function anchorOf(node: Texted): { property?: never; keyword?: string } {
    if ('name' in node) return { property: 'name' as never };
    if (node.$type === 'ScaleLabel') return { property: 'end' as never };
    const keyword = { Thanks: 'thanks', Description: 'description', SpecHeader: 'locales' }[node.$type as string];
    return keyword ? { keyword } : {};
}
