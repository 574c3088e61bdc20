import {
    DefaultDocumentBuilder, DocumentState, URI,
    type LangiumDocument, type LangiumSharedCoreServices
} from 'langium';
import { isDocument } from '../generated/ast.js';

/**
 * A spec spans several files and many checks read the spec as a whole (coverage of touchpoints,
 * duplicate names, which rows a segment reads), so an edit of one file re-validates every file of
 * its spec, not only the files whose references point into it.
 */
export class CxSpecDocumentBuilder extends DefaultDocumentBuilder {
    constructor(services: LangiumSharedCoreServices) {
        super(services);
        this.onUpdate((changed, deleted) => this.revalidateSpecsOf([...changed, ...deleted], changed));
        this.fileSystem = services.workspace.FileSystemProvider;
    }

    private readonly fileSystem: LangiumSharedCoreServices['workspace']['FileSystemProvider'];

    /**
     * A build cancelled while linking leaves references resolved against syntax trees that the next
     * edit may replace, and the index does not know them yet; relinking such documents keeps a
     * reference from pointing into an old tree.
     */
    protected override shouldRelink(document: LangiumDocument, changedUris: Set<string>): boolean {
        return document.state < DocumentState.IndexedReferences || super.shouldRelink(document, changedUris);
    }

    private revalidateSpecsOf(uris: URI[], changedUris: URI[]): void {
        const changed = new Set(uris.map(uri => uri.toString()));
        const specs = new Set<string>();
        let unknownSpec = false;
        for (const uri of uris) {
            // A changed document still holds its previous tree here, which names its spec; a new one does not.
            const root = this.langiumDocuments.getDocument(uri)?.parseResult.value;
            if (isDocument(root)) specs.add(root.name);
            else unknownSpec = true;
        }
        // A file that moves to another spec (a spec renamed file by file) changes that spec too,
        // whose files were not changed and would keep their errors (no header, unknown names).
        for (const uri of changedUris) {
            const name = this.newSpecName(uri);
            if (name) specs.add(name);
        }
        for (const document of this.langiumDocuments.all) {
            if (changed.has(document.uri.toString())) continue;
            const root = document.parseResult.value;
            if (unknownSpec || (isDocument(root) && specs.has(root.name))) {
                this.resetToState(document, DocumentState.IndexedReferences);
            }
        }
    }

    /** The spec the new text of a changed file names, read before it is parsed. */
    private newSpecName(uri: URI): string | undefined {
        let text = this.textDocuments?.get(uri.toString())?.getText();
        if (text === undefined) {
            try {
                text = this.fileSystem.readFileSync(uri);
            } catch {
                return undefined;
            }
        }
        return SPEC_NAME.exec(text)?.[1];
    }
}

/** `spec Name` after any leading comments: how every file starts. */
const SPEC_NAME = /^(?:\s+|\/\/[^\n]*|\/\*[\s\S]*?\*\/)*spec\s+([_a-zA-Z]\w*)/;
