import { AstUtils, CstUtils, GrammarAST, GrammarUtils, type AstNode, type LangiumDocument, type LangiumDocuments, type MaybePromise } from 'langium';
import { DefaultRenameProvider } from 'langium/lsp';
import { LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import type { CancellationToken, Range, RenameParams, TextDocumentPositionParams, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import type { CxSpecLspServices } from './cxspec-lsp-module.js';
import {
    isColumn, isDataset, isDocument, isEnumValue, isGroup, isJourney, isLocalizedText, isMatrixItem, isOption, isPage, isQuestion, isStage, isSurvey, isTouchpoint,
    type Document, type Question
} from '../generated/ast.js';
import { pipesOf } from '../validation/piping-validation.js';
import type { SpecMembership } from '../references/spec-membership.js';
import { guarded } from './guard.js';

const NAME = /^[_a-zA-Z]\w*$/;

type Named = AstNode & { name: string };

/**
 * Renames a declaration and every reference to it in all files of its spec; a spec is renamed in
 * every file that names it. A name already taken where the declaration lives is refused, since
 * accepting it would merge two declarations into a duplicate.
 */
export class CxSpecRenameProvider extends DefaultRenameProvider {
    /** Keywords that cannot serve as names (the `Name` rule admits a few, e.g. `text`, `low`). */
    private readonly reserved: Set<string>;
    private readonly membership: SpecMembership;
    private readonly langiumDocuments: LangiumDocuments;

    constructor(services: CxSpecLspServices) {
        super(services);
        this.membership = services.references.SpecMembership;
        this.langiumDocuments = services.shared.workspace.LangiumDocuments;
        const grammar = services.Grammar;
        const nameRule = grammar.rules.find(r => r.name === 'Name');
        const allowed = new Set(nameRule ? AstUtils.streamAllContents(nameRule).filter(GrammarAST.isKeyword).map(k => k.value) : []);
        this.reserved = new Set(AstUtils.streamAllContents(grammar).filter(GrammarAST.isKeyword)
            .map(k => k.value).filter(v => NAME.test(v) && !allowed.has(v)));
    }

    override rename(document: LangiumDocument, params: RenameParams, cancelToken?: CancellationToken): Promise<WorkspaceEdit | undefined> {
        return guarded('rename', async () => {
            if (!NAME.test(params.newName) || this.reserved.has(params.newName)) {
                throw refusal(`'${params.newName}' cannot be a CXSpec name; use letters, digits and _, start with a letter or _, and avoid keywords.`);
            }
            const target = this.declarationAt(document, params);
            if (target && target.name !== params.newName) {
                const taken = this.namesakes(target).find(n => n !== target && n.name === params.newName);
                if (taken) {
                    throw refusal(`'${params.newName}' is already the name of ${describe(taken)}; choose a name that is not taken.`);
                }
                if (isDocument(target)) return this.renameSpec(target.name, params.newName);
            }
            const edit = await super.rename(document, params, cancelToken);
            if (edit && target && isQuestion(target) && target.name !== params.newName) addPipeEdits(edit, target, params.newName);
            return edit;
        });
    }

    override prepareRename(document: LangiumDocument, params: TextDocumentPositionParams, cancelToken?: CancellationToken): MaybePromise<Range | undefined> {
        return guarded('prepare rename', () => super.prepareRename(document, params, cancelToken));
    }

    /** The declaration the caret names, directly or through a reference. */
    private declarationAt(document: LangiumDocument, params: TextDocumentPositionParams): Named | undefined {
        const root = document.parseResult.value.$cstNode;
        if (!root) return undefined;
        const leaf = CstUtils.findDeclarationNodeAtOffset(root, document.textDocument.offsetAt(params.position), this.grammarConfig.nameRegexp);
        const target = leaf && this.references.findDeclarations(leaf)[0];
        return target && typeof (target as Partial<Named>).name === 'string' ? target as Named : undefined;
    }

    /** The declarations whose names must differ from the target's, as the CX002 checks see them. */
    private namesakes(target: Named): Named[] {
        if (isDocument(target)) return this.specs();
        const spec = (AstUtils.findRootNode(target) as Document).name;
        const elements = this.membership.documentsOf(spec).flatMap(root => root.elements);
        if (isTouchpoint(target)) return elements.filter(isJourney).flatMap(j => j.stages.flatMap(s => s.touchpoints));
        if (isDocument(target.$container)) return elements;
        if (isStage(target)) return target.$container.stages;
        // SurveyJS keeps questions and panels (groups) in one namespace of element names.
        if (isQuestion(target) && isSurvey(target.$container)) return [...target.$container.questions, ...target.$container.groups];
        if (isGroup(target)) return [...target.$container.questions, ...target.$container.groups];
        if (isPage(target)) return target.$container.pages;
        if (isOption(target)) return target.$container.options;
        if (isMatrixItem(target)) return target.$container.items;
        if (isColumn(target) && isDataset(target.$container)) return target.$container.columns;
        if (isEnumValue(target)) return target.$container.values;
        return [];
    }

    /** One document per spec name: the first file (in URI order) of each spec in the workspace. */
    private specs(): Document[] {
        const names = new Set<string>();
        for (const doc of this.langiumDocuments.all) {
            const root = doc.parseResult.value;
            if (isDocument(root) && root.name) names.add(root.name);
        }
        return [...names].map(name => this.membership.documentsOf(name)[0]!);
    }

    private renameSpec(oldName: string, newName: string): WorkspaceEdit {
        const changes: Record<string, TextEdit[]> = {};
        for (const root of this.membership.documentsOf(oldName)) {
            const nameNode = this.nameProvider.getNameNode(root);
            if (nameNode && root.$document) changes[root.$document.uri.toString()] = [{ range: nameNode.range, newText: newName }];
        }
        return { changes };
    }
}

/** A renamed question's `{name}` pipes in the texts of its survey follow the new name. */
function addPipeEdits(edit: WorkspaceEdit, question: Question, newName: string): void {
    const uri = AstUtils.getDocument(question).uri.toString();
    const edits = (edit.changes ??= {})[uri] ??= [];
    for (const node of AstUtils.streamAllContents(question.$container)) {
        if (!isLocalizedText(node)) continue;
        for (const pipe of pipesOf(node).filter(p => p.name === question.name)) {
            edits.push({ range: pipe.range, newText: `{${newName}}` });
        }
    }
}

function refusal(message: string): ResponseError<void> {
    return new ResponseError(LSPErrorCodes.RequestFailed, message);
}

/** `touchpoint 'MenuBrowse' (journey.cx:12)`. */
function describe(node: Named): string {
    const kind = isDocument(node) ? 'spec' : node.$type === 'DriverAnalysis' ? 'driver analysis' : node.$type.replace(/[A-Z]/g, (c, i) => (i ? ' ' : '') + c.toLowerCase());
    const line = GrammarUtils.findNodeForProperty(node.$cstNode, 'name')?.range.start.line;
    const file = AstUtils.getDocument(node).uri.path.split('/').at(-1);
    return `${kind} '${node.name}' (${file}${line === undefined ? '' : `:${line + 1}`})`;
}
