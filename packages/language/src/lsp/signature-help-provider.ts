import type { LangiumDocument, MaybePromise } from 'langium';
import type { SignatureHelpProvider } from 'langium/lsp';
import type { CancellationToken, SignatureHelp, SignatureHelpOptions, SignatureHelpParams, SignatureInformation } from 'vscode-languageserver';
import { guarded } from './guard.js';
import { KEYWORD_DOCS } from './keyword-docs.js';

/** The parameters of each metric function, as written in the language reference. */
const SIGNATURES: Readonly<Record<string, { label: string; parameters: string[] }>> = {
    nps: { label: 'nps(Survey.question)', parameters: ['Survey.question'] },
    csat: { label: 'csat(Survey.question)', parameters: ['Survey.question'] },
    top: { label: 'top(Survey.question, k)', parameters: ['Survey.question', 'k'] },
    bottom: { label: 'bottom(Survey.question, k)', parameters: ['Survey.question', 'k'] },
    mean: { label: 'mean(Survey.question | Dataset.column)', parameters: ['Survey.question | Dataset.column'] },
    rate: { label: 'rate(Source where condition)', parameters: ['Source', 'where condition'] },
    churn: { label: 'churn(Dataset)', parameters: ['Dataset'] },
    retention: { label: 'retention(Dataset)', parameters: ['Dataset'] },
    clv: { label: 'clv(Dataset.column per year) margin m% discount d%', parameters: ['Dataset.column', 'per year', 'margin m%', 'discount d%'] }
};

/**
 * Signature help inside a metric function's parentheses (and, for clv, up to its discount): the
 * function is found in the text before the caret, which is what is being typed.
 */
export class CxSpecSignatureHelpProvider implements SignatureHelpProvider {
    readonly signatureHelpOptions: SignatureHelpOptions = { triggerCharacters: ['(', ','], retriggerCharacters: [' '] };

    provideSignatureHelp(document: LangiumDocument, params: SignatureHelpParams, _cancelToken?: CancellationToken): MaybePromise<SignatureHelp | undefined> {
        return guarded('signature help', () => {
            const text = document.textDocument.getText();
            const offset = document.textDocument.offsetAt(params.position);
            const call = openCall(text.slice(Math.max(0, offset - 400), offset));
            if (!call) return undefined;
            const signature = SIGNATURES[call.fn];
            const information: SignatureInformation = {
                label: signature.label,
                documentation: KEYWORD_DOCS[call.fn],
                parameters: signature.parameters.map(label => ({ label }))
            };
            return { signatures: [information], activeSignature: 0, activeParameter: Math.min(call.parameter, signature.parameters.length - 1) };
        });
    }
}

/** The metric function whose call the text ends in, and which of its parameters the caret is at. */
function openCall(before: string): { fn: string; parameter: number } | undefined {
    const match = /\b(nps|csat|top|bottom|mean|rate|churn|retention|clv)\s*\(([^()]*)(\)[^=\n]*)?$/.exec(before);
    if (!match) return undefined;
    const [, fn, inside, after] = match;
    if (after !== undefined) {
        // Past the parentheses only clv takes more (`margin m% discount d%`).
        if (fn !== 'clv' || /\bdiscount\s+[\d.]+\s*%/.test(after)) return undefined;
        return { fn, parameter: /\bmargin\b/.test(after) ? 3 : 2 };
    }
    if (fn === 'rate') return { fn, parameter: /\bwhere\b/.test(inside) ? 1 : 0 };
    if (fn === 'clv') return { fn, parameter: /\bper\b/.test(inside) ? 1 : 0 };
    return { fn, parameter: inside.split(',').length - 1 };
}
