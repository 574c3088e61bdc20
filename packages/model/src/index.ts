export * from './cx-model.js';
export * from './catalog/question-kinds.js';
export * from './catalog/metric-kinds.js';
export * from './diagnostics.js';
export * from './spec-diagnostic.js';
export * from './texts/markdown-references.js';
export * from './texts/one-line.js';
