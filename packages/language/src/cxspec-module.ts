import {
    createDefaultCoreModule, createDefaultSharedCoreModule, inject,
    type DefaultSharedCoreModuleContext, type LangiumCoreServices, type LangiumSharedCoreServices, type Module,
    type PartialLangiumCoreServices, type PartialLangiumSharedCoreServices
} from 'langium';
import { CxSpecGeneratedModule, CxSpecGeneratedSharedModule } from './generated/module.js';
import { CxSpecScopeComputation } from './references/cxspec-scope-computation.js';
import { CxSpecScopeProvider } from './references/cxspec-scope-provider.js';
import { CxSpecLinker } from './references/cxspec-linker.js';
import { SpecMembership } from './references/spec-membership.js';
import { CxSpecDocumentBuilder } from './workspace/cxspec-document-builder.js';
import { CxSpecDocumentValidator, registerValidationChecks } from './validation/cxspec-validator.js';
import { CxSpecLexerErrorMessageProvider, CxSpecParserErrorMessageProvider, keywordWords } from './parser/cxspec-error-messages.js';
import { NestingLimitLexer } from './parser/nesting-limit.js';

/** Services the CXSpec language adds to Langium's. */
export type CxSpecAddedServices = {
    references: {
        SpecMembership: SpecMembership;
    };
};

/** The language services without editor features: parsing, linking, validation. */
export type CxSpecServices = LangiumCoreServices & CxSpecAddedServices;

export const CxSpecModule: Module<CxSpecServices, PartialLangiumCoreServices & CxSpecAddedServices> = {
    parser: {
        ParserErrorMessageProvider: services => new CxSpecParserErrorMessageProvider(keywordWords(services.Grammar)),
        LexerErrorMessageProvider: () => new CxSpecLexerErrorMessageProvider(),
        Lexer: (services) => new NestingLimitLexer(services)
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
export const CxSpecSharedModule: Module<LangiumSharedCoreServices, PartialLangiumSharedCoreServices> = {
    workspace: {
        DocumentBuilder: (services) => new CxSpecDocumentBuilder(services)
    }
};

/**
 * Creates the shared and language services from Langium's core modules, so the CLI and tests load
 * neither `langium/lsp` nor vscode-languageserver; the language server composes its own in
 * `lsp/cxspec-lsp-module.ts`. `modules` override services (tests).
 */
export function createCxSpecServices(
    context: DefaultSharedCoreModuleContext,
    ...modules: Array<Module<CxSpecServices, PartialLangiumCoreServices>>
): { shared: LangiumSharedCoreServices; CxSpec: CxSpecServices } {
    const shared = inject(createDefaultSharedCoreModule(context), CxSpecGeneratedSharedModule, CxSpecSharedModule);
    const CxSpec = inject(createDefaultCoreModule({ shared }), CxSpecGeneratedModule, CxSpecModule, ...modules) as CxSpecServices;
    shared.ServiceRegistry.register(CxSpec);
    registerValidationChecks(CxSpec);
    // Without a language client nothing configures the workspace, so start it empty.
    shared.workspace.ConfigurationProvider.initialized({});
    return { shared, CxSpec };
}
