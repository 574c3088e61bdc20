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

    constructor(services: LangiumSharedServices) {
        super(services);
        this.fileSystem = services.workspace.FileSystemProvider;
    }

    didCloseDocument(event: TextDocumentChangeEvent<TextDocument>): void {
        const uri = URI.parse(event.document.uri);
        const buffer = event.document.getText();
        this.diskText(uri).then(
            // A buffer equal to its file (closed after saving) needs no rebuild.
            text => text === undefined ? this.fireDocumentUpdate([], [uri]) : text !== buffer && this.fireDocumentUpdate([uri], []),
            error => console.error(`CXSpec language server: cannot read ${uri.fsPath}: ${error instanceof Error ? error.message : String(error)}`)
        );
    }

    private async diskText(uri: URI): Promise<string | undefined> {
        return (await this.fileSystem.exists(uri)) ? this.fileSystem.readFile(uri) : undefined;
    }
}
