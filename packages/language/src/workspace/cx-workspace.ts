/**
 * Loads `.cx` files and folders into one Langium workspace, builds (parse, link, validate) them,
 * and hands out diagnostics and CX models. The CLI, compiler, evaluator and tests all start here.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { URI, type LangiumDocument } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { createCxSpecServices, type CxSpecServices } from '../cxspec-module.js';
import { isDocument, type Document } from '../generated/ast.js';
import { buildCxModel } from '../model/ast-to-model.js';
import type { CxModel } from '@cxspec/model';
import { InputError, type Severity, type SpecDiagnostic } from '@cxspec/model';

export interface CxWorkspace {
    services: CxSpecServices;
    documents: LangiumDocument[];
    diagnostics: SpecDiagnostic[];
    /** Names of the specs the files belong to, sorted. */
    specNames: string[];
    hasErrors: boolean;
    /** The CX model of a spec; meaningful only when that spec has no errors. */
    model(specName: string): CxModel;
    /** The files of a spec, written as in `diagnostics[].file`. */
    diagnosticFilesOf(specName: string): string[];
}

export interface LoadOptions {
    /**
     * Directory that file paths in diagnostics and models are written relative to. Without it,
     * diagnostics are relative to the working directory (as a person typed the paths) and each
     * model to its spec's root (specRoot), so a model does not depend on where it was built.
     */
    root?: string;
}

/** Expands folders to the `.cx` files below them, sorted, so output does not depend on the OS. */
export async function collectSpecFiles(inputs: string[]): Promise<string[]> {
    const files = new Set<string>();
    const walk = async (p: string): Promise<void> => {
        const stat = await statOrFail(p);
        if (stat.isDirectory()) {
            let entries: string[];
            try {
                entries = (await fs.readdir(p)).sort();
            } catch (error) {
                throw new InputError(p, `folder cannot be read (${errorCode(error)})`);
            }
            for (const entry of entries) {
                if (entry === 'node_modules' || entry.startsWith('.')) continue;
                const child = path.join(p, entry);
                if (entry.endsWith('.cx') || (await statOrFail(child)).isDirectory()) await walk(child);
            }
        } else if (stat.isFile()) {
            files.add(path.resolve(p));
        } else {
            // Reading a named pipe blocks until something writes to it: refuse it (and devices, sockets) up front.
            throw new InputError(p, `is ${stat.isFIFO() ? 'a named pipe' : 'not a regular file'}, not a .cx file; give the spec's files or folder`);
        }
    };
    for (const input of inputs) await walk(input);
    return [...files].sort();
}

async function statOrFail(p: string) {
    try {
        return await fs.stat(p);
    } catch (error) {
        const code = errorCode(error);
        throw new InputError(p, code === 'ENOENT' ? 'no such file or folder' : `cannot be read (${code})`);
    }
}

function errorCode(error: unknown): string {
    return (error as NodeJS.ErrnoException).code ?? String(error);
}

export async function loadWorkspace(inputs: string[], options: LoadOptions = {}): Promise<CxWorkspace> {
    const files = await collectSpecFiles(inputs);
    const texts = await Promise.all(files.map(async file => {
        try {
            return await fs.readFile(file, 'utf8');
        } catch (error) {
            throw new InputError(file, `cannot be read (${errorCode(error)})`);
        }
    }));
    return buildWorkspace(files.map((file, i) => ({ uri: URI.file(file), text: texts[i] })), options);
}

/** Builds a workspace from in-memory texts (tests, benchmarks). */
export async function buildWorkspace(sources: Array<{ uri: URI; text: string }>, options: LoadOptions = {}): Promise<CxWorkspace> {
    const root = options.root ?? process.cwd();
    const { shared, CxSpec } = createCxSpecServices(NodeFileSystem);
    const factory = shared.workspace.LangiumDocumentFactory;
    const documents = sources.map(s => {
        const doc = factory.fromString(s.text.replace(/^\uFEFF/, ''), s.uri);
        shared.workspace.LangiumDocuments.addDocument(doc);
        return doc;
    });
    await shared.workspace.DocumentBuilder.build(documents, { validation: true });
    const diagnostics = collectDiagnostics(documents, root);
    const roots = documents.map(d => d.parseResult.value).filter(isDocument);
    const specNames = [...new Set(roots.map(r => r.name).filter(Boolean))].sort();
    return {
        services: CxSpec,
        documents,
        diagnostics,
        specNames,
        hasErrors: diagnostics.some(d => d.severity === 'error'),
        model: (specName: string) => buildCxModel(CxSpec.references.SpecMembership.documentsOf(specName) as Document[], { root: options.root }),
        diagnosticFilesOf: (specName: string) => documents
            .filter(doc => isDocument(doc.parseResult.value) && doc.parseResult.value.name === specName)
            .map(doc => relativeFile(root, doc))
    };
}

/**
 * The diagnostics of built documents, sorted by file, position and code so output is stable;
 * syntax errors (CX000) first, since the others may follow from them.
 */
export function collectDiagnostics(documents: LangiumDocument[], root: string): SpecDiagnostic[] {
    const diagnostics = documents.flatMap(doc => (doc.diagnostics ?? []).map(d => toSpecDiagnostic(doc, d, root)));
    const syntaxFirst = (d: SpecDiagnostic) => (d.code === 'CX000' ? 0 : 1);
    return diagnostics.sort((a, b) => syntaxFirst(a) - syntaxFirst(b) || a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.code.localeCompare(b.code));
}

const SEVERITIES: Record<number, Severity> = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };

function relativeFile(root: string, doc: LangiumDocument): string {
    return path.relative(root, doc.uri.fsPath).split(path.sep).join('/');
}

function toSpecDiagnostic(doc: LangiumDocument, d: NonNullable<LangiumDocument['diagnostics']>[number], root: string): SpecDiagnostic {
    return {
        file: relativeFile(root, doc),
        line: d.range.start.line + 1,
        column: d.range.start.character + 1,
        endLine: d.range.end.line + 1,
        endColumn: d.range.end.character + 1,
        severity: SEVERITIES[d.severity ?? 1],
        code: String(d.code ?? (d.data as { code?: string } | undefined)?.code ?? 'CX000'),
        message: typeof d.message === 'string' ? d.message : d.message.value
    };
}
