import { WorkspaceCache, type LangiumDocuments, type LangiumSharedCoreServices } from 'langium';
import { isDocument, type Document, type SpecHeader } from '../generated/ast.js';

/**
 * Knows which files belong to which spec. Names are resolved within one spec only, so several
 * specs (e.g. all the examples) can share a workspace without clashing.
 */
export class SpecMembership {
    private readonly documents: LangiumDocuments;
    private readonly cache: WorkspaceCache<string, Document[]>;
    private readonly headers: WorkspaceCache<string, SpecHeader[]>;

    constructor(shared: LangiumSharedCoreServices) {
        this.documents = shared.workspace.LangiumDocuments;
        this.cache = new WorkspaceCache(shared);
        this.headers = new WorkspaceCache(shared);
    }

    /** Root nodes of the files of a spec, in URI order so results do not depend on load order. */
    documentsOf(specName: string): Document[] {
        return this.cache.get(specName, () => {
            const roots: Document[] = [];
            for (const doc of this.documents.all) {
                const root = doc.parseResult.value;
                if (isDocument(root) && root.name === specName) roots.push(root);
            }
            return roots.sort((a, b) => uriOf(a).localeCompare(uriOf(b)));
        });
    }

    urisOf(specName: string): Set<string> {
        return new Set(this.documentsOf(specName).map(uriOf));
    }

    /** Asked for every text of every file, so cached like the documents. */
    headersOf(specName: string): SpecHeader[] {
        return this.headers.get(specName, () => this.documentsOf(specName).flatMap(root => (root.header ? [root.header] : [])));
    }
}

function uriOf(root: Document): string {
    return root.$document?.uri.toString() ?? '';
}

export interface LocaleSettings { locales: string[]; defaultLocale: string }

/** Declared locales of a header; the first one is the default when none is marked. */
export function localeSettings(header: SpecHeader): LocaleSettings {
    const locales = header.locales.map(l => l.code);
    const marked = header.locales.find(l => l.isDefault);
    return { locales, defaultLocale: marked?.code ?? locales[0] ?? 'en' };
}
