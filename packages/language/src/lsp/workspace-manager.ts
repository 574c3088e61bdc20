import { DefaultWorkspaceManager, UriUtils, type FileSystemNode } from 'langium';

/**
 * Folders the server does not load from the workspace: besides Langium's (dot folders,
 * node_modules, out), test fixture folders. Fixtures hold copies of specs (the review tests keep
 * a spec per version), and spec names are global across a workspace, so opening a repository
 * with fixtures reported every copied name as a duplicate. A fixture file opened in the editor is
 * still checked.
 */
export class CxSpecWorkspaceManager extends DefaultWorkspaceManager {
    override shouldIncludeEntry(entry: FileSystemNode): boolean {
        if (entry.isDirectory && EXCLUDED_FOLDERS.has(UriUtils.basename(entry.uri))) return false;
        return super.shouldIncludeEntry(entry);
    }
}

const EXCLUDED_FOLDERS = new Set(['fixtures', '__fixtures__', 'dist']);
