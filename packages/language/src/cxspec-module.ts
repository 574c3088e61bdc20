import { inject, type Module } from 'langium';
import {
    createDefaultModule, createDefaultSharedModule,
    type DefaultSharedModuleContext, type LangiumServices, type LangiumSharedServices, type PartialLangiumServices, type PartialLangiumSharedServices
} from 'langium/lsp';
import { CxSpecGeneratedModule, CxSpecGeneratedSharedModule } from './generated/module.js';
import { CxSpecScopeComputation } from './references/cxspec-scope-computation.js';
import { CxSpecScopeProvider } from './references/cxspec-scope-provider.js';
import { CxSpecLinker } from './references/cxspec-linker.js';
import { SpecMembership } from './references/spec-membership.js';
import { CxSpecDocumentBuilder } from './workspace/cxspec-document-builder.js';
import { CxSpecDocumentValidator, registerValidationChecks } from './validation/cxspec-validator.js';
import { CxSpecLexerErrorMessageProvider, CxSpecParserErrorMessageProvider } from './parser/cxspec-error-messages.js';

/** Services the CXSpec language adds to Langium's. */
export type CxSpecAddedServices = {
    references: {
        SpecMembership: SpecMembership;
    };
};

export type CxSpecServices = LangiumServices & CxSpecAddedServices;

export const CxSpecModule: Module<CxSpecServices, PartialLangiumServices & CxSpecAddedServices> = {
    parser: {
        ParserErrorMessageProvider: () => new CxSpecParserErrorMessageProvider(),
        LexerErrorMessageProvider: () => new CxSpecLexerErrorMessageProvider()
    },
    references: {
        ScopeComputation: (services) => new CxSpecScopeComputation(services),
        ScopeProvider: (services) => new CxSpecScopeProvider(services),
        Linker: (services) => new CxSpecLinker(services),
        SpecMembership: (services) => new SpecMembership(services.shared)
    },
    validation: {
        DocumentValidator: (services) => new CxSpecDocumentValidator(services)
    }
};

/** Shared services the CXSpec language replaces. */
export const CxSpecSharedModule: Module<LangiumSharedServices, PartialLangiumSharedServices> = {
    workspace: {
        DocumentBuilder: (services) => new CxSpecDocumentBuilder(services)
    }
};

/**
 * Creates the shared and language services. `lspModules` (and `context.sharedLspModule` for the
 * shared ones) let the language server add its editor features without the CLI and tests paying for them.
 */
export function createCxSpecServices(
    context: DefaultSharedModuleContext & { sharedLspModule?: Module<LangiumSharedServices, PartialLangiumSharedServices> },
    ...lspModules: Array<Module<CxSpecServices, PartialLangiumServices>>
): { shared: LangiumSharedServices; CxSpec: CxSpecServices } {
    const shared = inject(createDefaultSharedModule(context), CxSpecGeneratedSharedModule, CxSpecSharedModule, context.sharedLspModule ?? {});
    const CxSpec = inject(createDefaultModule({ shared }), CxSpecGeneratedModule, CxSpecModule, ...lspModules) as CxSpecServices;
    shared.ServiceRegistry.register(CxSpec);
    registerValidationChecks(CxSpec);
    if (!context.connection) {
        // Without a language client nothing configures the workspace, so start it empty.
        shared.workspace.ConfigurationProvider.initialized({});
    }
    return { shared, CxSpec };
}
