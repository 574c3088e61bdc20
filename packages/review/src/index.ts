/** @cxspec/review: diagnostics as text, JSON, SARIF 2.1.0 and GitHub annotations; the semantic diff of two spec versions and its renderings. */
export * from './check/check-report.js';
export * from './check/format-text.js';
export * from './check/format-json.js';
export * from './check/format-github.js';
export * from './check/format-sarif.js';
export * from './diff/change.js';
export * from './diff/spec-diff.js';
export * from './diff/question-match.js';
export * from './diff/text-similarity.js';
export * from './render/mermaid.js';
export * from './render/diff-markdown.js';
export * from './render/diff-text.js';
export * from './render/diff-json.js';
export * from './sides/git-revision.js';
export * from './diff/touchpoint-match.js';
