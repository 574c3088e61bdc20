import { DefaultWorkspaceSymbolProvider } from 'langium/lsp';
import type { CancellationToken, WorkspaceSymbol, WorkspaceSymbolParams } from 'vscode-languageserver';
import { guarded } from './guard.js';

/** Every exported declaration of the workspace (top-level names and touchpoints), fuzzy-matched. */
export class CxSpecWorkspaceSymbolProvider extends DefaultWorkspaceSymbolProvider {
    override getSymbols(params: WorkspaceSymbolParams, cancelToken?: CancellationToken): Promise<WorkspaceSymbol[]> {
        return guarded('workspace symbols', () => super.getSymbols(params, cancelToken));
    }
}
