import {
    DefaultDocumentBuilder, DocumentState, isOperationCancelled, URI, type Cancellation,
    type LangiumDocument, type LangiumSharedCoreServices, type MaybePromise
} from 'langium';
import { isDocument, type Document } from '../generated/ast.js';

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

    /**
     * A document whose build fails (a bug, or input no check foresaw) is logged and left behind, and
     * the build goes on: otherwise the builder never reaches the state that requests about every
     * other document wait for, and the server stops answering.
     */
    protected override runCancelable(documents: LangiumDocument[], targetState: DocumentState, cancelToken: Cancellation.CancellationToken,
        callback: (document: LangiumDocument) => MaybePromise<unknown>): Promise<void> {
        return super.runCancelable(documents, targetState, cancelToken, async document => {
            try {
                await callback(document);
            } catch (error) {
                if (isOperationCancelled(error)) throw error;
                console.error(`CXSpec could not build ${document.uri.toString()} (${DocumentState[targetState]}): ${error instanceof Error ? error.stack : String(error)}`);
                if (targetState === DocumentState.Parsed) this.leaveUnparsed(document, error);
            }
        });
    }

    /**
     * A parse that threw leaves the shared parser's node stack half full (Langium empties it only
     * after a parse that returns), which corrupts the next tree it builds, of any file. The stack is
     * emptied, and the document gets an empty tree and an error that says why it has no other.
     */
    private leaveUnparsed(document: LangiumDocument, error: unknown): void {
        const parser = this.serviceRegistry.getServices(document.uri).parser.LangiumParser;
        // Private in Langium's typings; element access is TypeScript's escape hatch for exactly this.
        parser['stack'] = [];
        const root: Document = { $type: 'Document', $document: document, name: '', elements: [] };
        const message = `CXSpec could not read this file (${error instanceof Error ? error.message : String(error)}); please report it with the file.`;
        document.parseResult = { value: root, parserErrors: [], lexerErrors: [{ offset: 0, line: 1, column: 1, length: 0, message }] };
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
