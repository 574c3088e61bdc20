export * from './cxspec-module.js';
export * from './model/ast-to-model.js';
export * from './workspace/cx-workspace.js';
export * as ast from './generated/ast.js';
export { CxSpecLanguageMetaData } from './generated/module.js';
