/**
 * Quick fixes for the common diagnostics, keyed by the stable code in `diagnostic.data.code`:
 * CX101/CX102 add the missing locale text, CX001, CX201 and CX000 (a misspelt keyword) offer the closest names (preferred:
 * Auto Fix corrects a misspelling), CX001 on a touchpoint also creates it in the spec's journey,
 * CX703 rewrites a target in its metric's unit, CX702 moves a target into its metric's range.
 */
import { AstUtils, CstUtils, GrammarUtils, type AstNode, type LangiumDocument, type MaybePromise, type ScopeProvider } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import {
    CodeActionKind, type CancellationToken, type CodeAction, type CodeActionParams, type Command, type Diagnostic, type TextEdit
} from 'vscode-languageserver';
import type { CxSpecLspServices } from './cxspec-lsp-module.js';
import {
    isJourney, isMeanExpr, isQuestion, isTarget, type Document, type LocalizedText, type Metric, type Target
} from '../generated/ast.js';
import type { MetricUnit, QuestionKind } from '@cxspec/model';
import { rangeOf, unitOf, type MetricFunction } from '@cxspec/model';
import { scaleOf } from '@cxspec/model';
import { referenceSuggestions } from '../references/cxspec-linker.js';
import { resolveField } from '../references/field-resolution.js';
import type { SpecMembership } from '../references/spec-membership.js';
import { guarded } from './guard.js';

type Texted = AstNode & { texts: LocalizedText[] };

export class CxSpecCodeActionProvider implements CodeActionProvider {
    private readonly membership: SpecMembership;
    private readonly scopes: ScopeProvider;

    constructor(services: CxSpecLspServices) {
        this.membership = services.references.SpecMembership;
        this.scopes = services.references.ScopeProvider;
    }

    getCodeActions(document: LangiumDocument, params: CodeActionParams, _cancelToken?: CancellationToken): MaybePromise<Array<Command | CodeAction>> {
        return guarded('code actions', () => params.context.diagnostics.flatMap(diagnostic => this.actionsFor(document, diagnostic)));
    }

    private actionsFor(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
        const data = diagnostic.data as { code?: string; locale?: string; containerType?: string; property?: string; refText?: string; suggestions?: string[] } | undefined;
        // A syntax error's token may lie outside the recovered tree.
        if (data?.code === 'CX000') return replacements(document, diagnostic, suggestedInMessage(diagnostic), 'Change to');
        const node = nodeAt(document, diagnostic);
        if (!data?.code || !node) return [];
        const some = (action: CodeAction | undefined) => (action ? [action] : []);
        switch (data.code) {
            case 'CX101': case 'CX102':
                return some(data.locale ? addLocaleText(document, diagnostic, node, data.locale) : undefined);
            case 'CX001': {
                const corrections = replacements(document, diagnostic, this.referenceSuggestions(document, diagnostic), 'Change to');
                const create = isTouchpointReference(data) && data.refText ? this.createTouchpoint(document, diagnostic, data.refText, corrections.length === 0) : undefined;
                return [...corrections, ...some(create)];
            }
            case 'CX201':
                return replacements(document, diagnostic, data.suggestions ?? [], 'Change the channel to');
            case 'CX703': case 'CX702': {
                const target = AstUtils.getContainerOfType(node, isTarget);
                return some(target ? fixTarget(document, diagnostic, target) : undefined);
            }
            default:
                return [];
        }
    }

    /** The names closest to the unresolved reference the diagnostic covers. */
    private referenceSuggestions(document: LangiumDocument, diagnostic: Diagnostic): string[] {
        const start = document.textDocument.offsetAt(diagnostic.range.start);
        const reference = document.references.find(r => r.error && r.$refNode?.offset === start);
        return reference?.error ? referenceSuggestions(this.scopes, reference.error.info) : [];
    }

    /**
     * Appends `touchpoint Name` to the last stage of the spec's first journey (files in URI order);
     * preferred only when no existing name is close, since a misspelling is likelier than a new touchpoint.
     */
    private createTouchpoint(document: LangiumDocument, diagnostic: Diagnostic, name: string, preferred: boolean): CodeAction | undefined {
        const root = document.parseResult.value as Document;
        const journey = this.membership.documentsOf(root.name).flatMap(r => r.elements).find(isJourney);
        const stage = journey?.stages.at(-1);
        const stageDocument = stage && AstUtils.getDocument(stage);
        const close = stage?.$cstNode && [...GrammarUtils.findNodesForKeyword(stage.$cstNode, '}')].at(-1);
        if (!journey || !stage || !stageDocument || !close) return undefined;
        const lineStart = { line: close.range.start.line, character: 0 };
        const before = stageDocument.textDocument.getText({ start: lineStart, end: close.range.start });
        const edit: TextEdit = /^\s*$/.test(before)
            ? { range: { start: lineStart, end: lineStart }, newText: `${before}  touchpoint ${name}\n` }
            : { range: { start: close.range.start, end: close.range.start }, newText: `touchpoint ${name} ` };
        return {
            title: `Create touchpoint '${name}' in stage '${journey.name}.${stage.name}'`,
            kind: CodeActionKind.QuickFix,
            diagnostics: [diagnostic],
            isPreferred: preferred,
            edit: { changes: { [stageDocument.uri.toString()]: [edit] } }
        };
    }
}

/** The keywords a syntax error's message suggests (`...; did you mean 'question'?`). */
function suggestedInMessage(diagnostic: Diagnostic): string[] {
    const clause = /did you mean (.+)\?$/.exec(typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value)?.[1];
    return clause ? [...clause.matchAll(/'([^']+)'/g)].map(m => m[1]) : [];
}

/** One fix per suggested name, the closest preferred, each replacing the diagnostic's range. */
function replacements(document: LangiumDocument, diagnostic: Diagnostic, names: string[], verb: string): CodeAction[] {
    return names.map((name, index) => ({
        title: `${verb} '${name}'`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: index === 0,
        edit: { changes: { [document.uri.toString()]: [{ range: diagnostic.range, newText: name }] } }
    }));
}

function isTouchpointReference(data: { containerType?: string; property?: string }): boolean {
    return (data.containerType === 'Question' && data.property === 'about') || (data.containerType === 'Trigger' && data.property === 'touchpoint');
}

/** The innermost node at the start of the diagnostic's range. */
function nodeAt(document: LangiumDocument, diagnostic: Diagnostic): AstNode | undefined {
    const cst = document.parseResult.value.$cstNode;
    if (!cst) return undefined;
    const leaf = CstUtils.findLeafNodeAtOffset(cst, document.textDocument.offsetAt(diagnostic.range.start));
    return leaf?.astNode;
}

/**
 * Adds `locale "..."` after the node's last text, copying the default (or first) text so the file
 * stays valid and a translator sees what to translate.
 */
function addLocaleText(document: LangiumDocument, diagnostic: Diagnostic, start: AstNode, locale: string): CodeAction | undefined {
    let node: AstNode | undefined = start;
    while (node && !Array.isArray((node as Partial<Texted>).texts)) node = node.$container;
    const texted = node as Texted | undefined;
    if (!texted?.$cstNode) return undefined;
    const source = texted.texts[0];
    const copy = source ? source.$cstNode?.text.slice(source.locale.length).trim() ?? '""' : '""';
    const text = document.textDocument;
    const last = texted.texts.at(-1)?.$cstNode ?? GrammarUtils.findNodeForKeyword(texted.$cstNode, '{');
    const close = [...GrammarUtils.findNodesForKeyword(texted.$cstNode, '}')].at(-1);
    if (!last || !close) return undefined;
    let newText: string;
    if (last.range.end.line === close.range.start.line) {
        newText = ` ${locale} ${copy}`;
    } else {
        const lineText = text.getText({ start: { line: last.range.start.line, character: 0 }, end: last.range.start });
        const indent = /^\s*/.exec(lineText)![0] + (texted.texts.length === 0 ? '  ' : '');
        newText = `\n${indent}${locale} ${copy}`;
    }
    return {
        title: source ? `Add the '${locale}' text (copied from '${source.locale}', to translate)` : `Add a '${locale}' text`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: true,
        edit: { changes: { [document.uri.toString()]: [{ range: { start: last.range.end, end: last.range.end }, newText }] } }
    };
}

const UNIT_SUFFIX: Partial<Record<MetricUnit, string>> = { percent: '%' };

/** Rewrites the whole target in its metric's unit, with the value inside the metric's range. */
function fixTarget(document: LangiumDocument, diagnostic: Diagnostic, target: Target): CodeAction | undefined {
    const metric = target.$container as Metric;
    const { unit, range } = metricRange(metric);
    if (!target.$cstNode) return undefined;
    const suffix = UNIT_SUFFIX[unit] ?? (unit === 'points' && target.unit === 'pts' ? ' pts' : '');
    const inUnit = (value: number, written: string | undefined): number =>
        unit === 'percent' && written !== '%' && value > 0 && value <= 1 ? Math.round(value * 1000) / 10 : value;
    // Rounded so a kept gap (95.5 - 0.1) does not print binary noise.
    const clamp = (v: number): number => Math.round((range ? Math.min(range[1], Math.max(range[0], v)) : v) * 1e6) / 1e6;
    let value = clamp(inUnit(target.value, target.unit));
    let newText = `${target.op} ${value}${suffix}`;
    if (target.warning !== undefined) {
        const written = inUnit(target.warning, target.warningUnit ?? target.unit);
        const warning = clamp(written);
        const above = target.op === '>=' || target.op === '>';
        const passing = above ? (v: number) => warning > v : (v: number) => warning < v;
        if (!passing(value)) {
            // Clamping both onto the range edge (`>= 130 warn 135` -> `>= 100 warn 100`) would put the
            // warning on the target (CX704): keep the gap the author wrote, inside the range.
            const gap = Math.abs(written - inUnit(target.value, target.unit));
            value = clamp(above ? warning - gap : warning + gap);
            newText = `${target.op} ${value}${suffix}`;
        }
        // With no gap to keep, a warning cannot fire before the target is missed, so it goes.
        if (passing(value)) newText += ` warn ${warning}${suffix}`;
    }
    const title = diagnostic.data && (diagnostic.data as { code?: string }).code === 'CX702'
        ? `Move the target into the range ${range?.[0]}..${range?.[1]}: \`${newText}\``
        : `Write the target in ${unit === 'percent' ? '%' : unit === 'points' ? 'points' : 'scale units'}: \`${newText}\``;
    return {
        title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: true,
        edit: { changes: { [document.uri.toString()]: [{ range: target.$cstNode.range, newText }] } }
    };
}

function metricRange(metric: Metric): { unit: MetricUnit; range: [number, number] | null } {
    const expr = metric.expr;
    const field = 'field' in expr ? resolveField(expr.field) : undefined;
    const question = isQuestion(field) ? field : undefined;
    const unit = unitOf(expr.fn as MetricFunction, isMeanExpr(expr) && !question);
    const scale = question ? scaleOf(question.kind as QuestionKind, question.range) ?? undefined : undefined;
    return { unit, range: rangeOf(unit, scale) };
}
