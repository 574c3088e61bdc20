/**
 * Builds in-memory workspaces for tests: spec files are given as text under a fixed virtual root,
 * so diagnostics read `spec.cx:3:5 ...` whatever the machine. One set of services is reused across
 * builds (creating them costs far more than validating a small spec); each build first removes the
 * previous build's files, so tests in a file must not interleave builds.
 */
import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { formatDiagnostic, type CxModel, type SpecDiagnostic } from '@cxspec/model';
import { buildCxModel, collectDiagnostics, createCxSpecServices } from '@cxspec/language';
import type { Document } from '../../src/generated/ast.js';

export const VIRTUAL_ROOT = '/cx-test';

export interface BuiltFiles {
    documents: LangiumDocument[];
    diagnostics: SpecDiagnostic[];
    /** Diagnostics as `cxspec validate` prints them. */
    lines: string[];
    /** The CX model of a spec of this build; valid until the next build. */
    model(specName: string): CxModel;
}

const { shared, CxSpec } = createCxSpecServices(EmptyFileSystem);
let previous: URI[] = [];

/** Builds (parse, link, validate) the given files, named relative to the virtual root. */
export async function buildFiles(files: Record<string, string>): Promise<BuiltFiles> {
    await shared.workspace.DocumentBuilder.update([], previous);
    const documents = Object.entries(files).map(([name, text]) => {
        const document = shared.workspace.LangiumDocumentFactory.fromString(text, URI.file(`${VIRTUAL_ROOT}/${name}`));
        shared.workspace.LangiumDocuments.addDocument(document);
        return document;
    });
    previous = documents.map(d => d.uri);
    await shared.workspace.DocumentBuilder.build(documents, { validation: true });
    const diagnostics = collectDiagnostics(documents, VIRTUAL_ROOT);
    return {
        documents,
        diagnostics,
        lines: diagnostics.map(formatDiagnostic),
        model: specName => buildCxModel(CxSpec.references.SpecMembership.documentsOf(specName) as Document[], { root: VIRTUAL_ROOT })
    };
}
