import { inject, type Module } from 'langium';
import {
    createDefaultModule, createDefaultSharedModule,
    type DefaultSharedModuleContext, type LangiumServices, type LangiumSharedServices, type PartialLangiumServices, type PartialLangiumSharedServices
} from 'langium/lsp';
import { CxSpecModule, CxSpecSharedModule, type CxSpecAddedServices } from '../cxspec-module.js';
import { CxSpecGeneratedModule, CxSpecGeneratedSharedModule } from '../generated/module.js';
import { registerValidationChecks } from '../validation/cxspec-validator.js';
import { CxSpecCodeActionProvider } from './code-action-provider.js';
import { CxSpecCodeLensProvider } from './code-lens-provider.js';
import { CxSpecCompletionProvider } from './completion-provider.js';
import { CxSpecDefinitionProvider } from './definition-provider.js';
import { CxSpecDocumentHighlightProvider } from './document-highlight-provider.js';
import { CxSpecDocumentSymbolProvider } from './document-symbol-provider.js';
import { CxSpecDocumentUpdateHandler } from './document-update-handler.js';
import { CxSpecFoldingRangeProvider } from './folding-range-provider.js';
import { CxSpecFormatter } from './formatter.js';
import { CxSpecHoverProvider } from './hover-provider.js';
import { CxSpecInlayHintProvider } from './inlay-hint-provider.js';
import { CxSpecNodeKindProvider } from './node-kinds.js';
import { CxSpecReferencesProvider } from './references-provider.js';
import { CxSpecRenameProvider } from './rename-provider.js';
import { CxSpecLanguageServer } from './selection-range.js';
import { CxSpecSemanticTokenProvider } from './semantic-token-provider.js';
import { CxSpecSignatureHelpProvider } from './signature-help-provider.js';
import { CxSpecWorkspaceManager } from './workspace-manager.js';
import { CxSpecWorkspaceSymbolProvider } from './workspace-symbol-provider.js';

/** The language services with Langium's editor features, as the language server runs them. */
export type CxSpecLspServices = LangiumServices & CxSpecAddedServices;

/** The editor features of the language server. */
export const CxSpecLspModule: Module<CxSpecLspServices, PartialLangiumServices> = {
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
        CodeLensProvider: services => new CxSpecCodeLensProvider(services),
        InlayHintProvider: () => new CxSpecInlayHintProvider(),
        SignatureHelp: () => new CxSpecSignatureHelpProvider()
    }
};

/** Shared editor services: which folders load, symbol kinds for outline and completion icons, workspace symbols, closing a buffer. */
export const CxSpecSharedLspModule: Module<LangiumSharedServices, PartialLangiumSharedServices> = {
    workspace: {
        WorkspaceManager: services => new CxSpecWorkspaceManager(services)
    },
    lsp: {
        LanguageServer: services => new CxSpecLanguageServer(services),
        DocumentUpdateHandler: services => new CxSpecDocumentUpdateHandler(services),
        NodeKindProvider: () => new CxSpecNodeKindProvider(),
        WorkspaceSymbolProvider: services => new CxSpecWorkspaceSymbolProvider(services)
    }
};

/**
 * Creates the language server's services: the language of cxspec-module.ts on Langium's LSP
 * modules, with the editor features above. `modules` override services (tests).
 */
export function createCxSpecLspServices(
    context: DefaultSharedModuleContext,
    ...modules: Array<Module<CxSpecLspServices, PartialLangiumServices>>
): { shared: LangiumSharedServices; CxSpec: CxSpecLspServices } {
    const shared = inject(createDefaultSharedModule(context), CxSpecGeneratedSharedModule, CxSpecSharedModule, CxSpecSharedLspModule);
    const CxSpec = inject(createDefaultModule({ shared }), CxSpecGeneratedModule, CxSpecModule, CxSpecLspModule, ...modules) as CxSpecLspServices;
    shared.ServiceRegistry.register(CxSpec);
    registerValidationChecks(CxSpec);
    if (!context.connection) {
        // Without a language client nothing configures the workspace, so start it empty.
        shared.workspace.ConfigurationProvider.initialized({});
    }
    return { shared, CxSpec };
}
