export * from './cx-model.js';
export * from './catalog/question-kinds.js';
export * from './catalog/metric-kinds.js';
export * from './diagnostics.js';
export * from './conditions/evaluate.js';
export * from './texts/condition-text.js';
