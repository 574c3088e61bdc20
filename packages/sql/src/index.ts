export * from './dialect.js';
export * from './tables.js';
export { generateMetricsSql, RESULT_COLUMNS, type GenerateOptions } from './generate.js';
export { SpecShapeError } from './metric-context.js';
export { loadIntoDuckDb, openTableAppender, type Cell, type Row, type SpecData, type TableAppender } from './load-duckdb.js';
export { queryMetrics, runMetricsOnDuckDb, withDuckDb } from './run-duckdb.js';
export { normaliseRow, type Breakdown, type SqlResultRow } from './result-rows.js';
export { evaluateWithDuckDb } from './duckdb-engine.js';
