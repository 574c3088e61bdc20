export * from './check/check-report.js';
export * from './check/format-text.js';
export * from './check/format-json.js';
export * from './check/format-github.js';
export * from './check/format-sarif.js';
