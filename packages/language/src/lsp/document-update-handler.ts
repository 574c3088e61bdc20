import { URI, type FileSystemProvider } from 'langium';
import { DefaultDocumentUpdateHandler, type LangiumSharedServices } from 'langium/lsp';
import type { TextDocumentChangeEvent } from 'vscode-languageserver';
import type { TextDocument } from 'langium';

/**
 * Langium keeps a closed buffer's last text; the file on disk is what the spec is once the user
 * closes without saving, so a close rebuilds the document from disk (or drops it when the file
 * is gone, as for an untitled buffer).
 */
export class CxSpecDocumentUpdateHandler extends DefaultDocumentUpdateHandler {
    private readonly fileSystem: FileSystemProvider;
    private readonly openDocuments: LangiumSharedServices['workspace']['TextDocuments'];

    constructor(services: LangiumSharedServices) {
        super(services);
        this.fileSystem = services.workspace.FileSystemProvider;
        this.openDocuments = services.workspace.TextDocuments;
    }

    didCloseDocument(event: TextDocumentChangeEvent<TextDocument>): void {
        const uri = URI.parse(event.document.uri);
        const buffer = event.document.getText();
        this.diskText(uri).then(text => {
            // Opened again while the file was read: the new buffer is the document now.
            if (this.openDocuments?.get(event.document.uri)) return;
            // A buffer equal to its file (closed after saving) needs no rebuild.
            if (text === undefined) this.fireDocumentUpdate([], [uri]);
            else if (text !== buffer) this.fireDocumentUpdate([uri], []);
        },
            error => console.error(`CXSpec language server: cannot read ${uri.fsPath}: ${error instanceof Error ? error.message : String(error)}`)
        );
    }

    private async diskText(uri: URI): Promise<string | undefined> {
        return (await this.fileSystem.exists(uri)) ? this.fileSystem.readFile(uri) : undefined;
    }
}
