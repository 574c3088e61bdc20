export * from './cx-model.js';
export * from './catalog/question-kinds.js';
export * from './catalog/metric-kinds.js';
export * from './queries/condition-queries.js';
export * from './queries/metric-queries.js';
export * from './texts/escape.js';
export * from './texts/metric-text.js';
export * from './diagnostics.js';
