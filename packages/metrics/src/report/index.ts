/** Markdown and HTML renderings of an evaluation result (the JSON report is the result itself). */
export { renderMarkdown } from './markdown.js';
export { renderHtml } from './html.js';
export type { ReportOptions } from './format.js';
