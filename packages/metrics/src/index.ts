export * from './result.js';
export { evaluate, type EvaluateOptions } from './evaluate.js';
export { prestartScoreWorker } from './eval/split-pass.js';
export { DataFileError } from './input/data-file-error.js';
export { loadMapping, emptyMapping, type ColumnMapping } from './input/mapping.js';
export { readRecords, formatOf, type RawRecord, type FileFormat } from './input/read-records.js';
export { CsvParser, CsvSyntaxError } from './input/csv-parser.js';
export type { TextEncoding } from './input/decode.js';
export { Acc } from './stats/accumulator.js';
export { CrossAcc, relativeWeights, symmetricEigen } from './stats/relative-weights.js';
export { npsEstimate, wilsonEstimate, tEstimate, changeTest, verdictOf } from './stats/estimates.js';
export * from './report/index.js';
export { normalCdf, normalQuantile, tCdf, tQuantile, twoSidedNormalP, twoSidedTP } from './stats/distributions.js';
// The row checkers, for back ends that compute metrics elsewhere from the same checked rows (SQL).
export { SurveyRowChecker, type SurveyRow } from './check/survey-rows.js';
export { loadDataset, type DatasetRecord, type DatasetTable } from './check/dataset-table.js';
export { ExclusionLog } from './check/exclusions.js';
export { IdSet } from './check/id-set.js';
export { INVALID } from './check/values.js';
