import type { Module } from 'langium';
import type { LangiumSharedServices, PartialLangiumServices, PartialLangiumSharedServices } from 'langium/lsp';
import type { CxSpecServices } from '../cxspec-module.js';
import { CxSpecCodeActionProvider } from './code-action-provider.js';
import { CxSpecCodeLensProvider } from './code-lens-provider.js';
import { CxSpecCompletionProvider } from './completion-provider.js';
import { CxSpecDefinitionProvider } from './definition-provider.js';
import { CxSpecDocumentHighlightProvider } from './document-highlight-provider.js';
import { CxSpecDocumentSymbolProvider } from './document-symbol-provider.js';
import { CxSpecFoldingRangeProvider } from './folding-range-provider.js';
import { CxSpecFormatter } from './formatter.js';
import { CxSpecHoverProvider } from './hover-provider.js';
import { CxSpecInlayHintProvider } from './inlay-hint-provider.js';
import { CxSpecNodeKindProvider } from './node-kinds.js';
import { CxSpecReferencesProvider } from './references-provider.js';
import { CxSpecRenameProvider } from './rename-provider.js';
import { CxSpecSemanticTokenProvider } from './semantic-token-provider.js';
import { CxSpecWorkspaceSymbolProvider } from './workspace-symbol-provider.js';

/** The editor features of the language server, added to the language services by main.ts. */
export const CxSpecLspModule: Module<CxSpecServices, PartialLangiumServices> = {
    lsp: {
        CompletionProvider: services => new CxSpecCompletionProvider(services),
        HoverProvider: services => new CxSpecHoverProvider(services),
        DefinitionProvider: services => new CxSpecDefinitionProvider(services),
        ReferencesProvider: services => new CxSpecReferencesProvider(services),
        RenameProvider: services => new CxSpecRenameProvider(services),
        DocumentHighlightProvider: services => new CxSpecDocumentHighlightProvider(services),
        DocumentSymbolProvider: services => new CxSpecDocumentSymbolProvider(services),
        FoldingRangeProvider: services => new CxSpecFoldingRangeProvider(services),
        Formatter: () => new CxSpecFormatter(),
        SemanticTokenProvider: services => new CxSpecSemanticTokenProvider(services),
        CodeActionProvider: services => new CxSpecCodeActionProvider(services),
        CodeLensProvider: () => new CxSpecCodeLensProvider(),
        InlayHintProvider: () => new CxSpecInlayHintProvider()
    }
};

/** Shared editor services: symbol kinds for outline and completion icons, workspace symbols. */
export const CxSpecSharedLspModule: Module<LangiumSharedServices, PartialLangiumSharedServices> = {
    lsp: {
        NodeKindProvider: () => new CxSpecNodeKindProvider(),
        WorkspaceSymbolProvider: services => new CxSpecWorkspaceSymbolProvider(services)
    }
};
