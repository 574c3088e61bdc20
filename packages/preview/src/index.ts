export * from './preview-data.js';
export * from './html-page.js';
export * from './metric-text.js';
export * from './results.js';
export type * from './messages.js';
