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
        this.onUpdate((changed, deleted) => this.revalidateSpecsOf([...changed, ...deleted]));
    }

    /**
     * A build cancelled while linking leaves references resolved against syntax trees that the next
     * edit may replace, and the index does not know them yet; relinking such documents keeps a
     * reference from pointing into an old tree.
     */
    protected override shouldRelink(document: LangiumDocument, changedUris: Set<string>): boolean {
        return document.state < DocumentState.IndexedReferences || super.shouldRelink(document, changedUris);
    }

    private revalidateSpecsOf(uris: URI[]): void {
        const changed = new Set(uris.map(uri => uri.toString()));
        const specs = new Set<string>();
        let unknownSpec = false;
        for (const uri of uris) {
            // A changed document still holds its previous tree here, which names its spec; a new one does not.
            const root = this.langiumDocuments.getDocument(uri)?.parseResult.value;
            if (isDocument(root)) specs.add(root.name);
            else unknownSpec = true;
        }
        for (const document of this.langiumDocuments.all) {
            if (changed.has(document.uri.toString())) continue;
            const root = document.parseResult.value;
            if (unknownSpec || (isDocument(root) && specs.has(root.name))) {
                this.resetToState(document, DocumentState.IndexedReferences);
            }
        }
    }
}
