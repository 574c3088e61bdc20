/** What `evaluate` is asked to score, and how. */
import type { ColumnMapping } from './input/mapping.js';
import type { TextEncoding } from './input/decode.js';
import type { RowObserver } from './eval/row-sink.js';

export interface EvaluateOptions {
    /** Response files, each for a named survey; several files of one survey are read as one. */
    responses: Array<{ survey: string; file: string }>;
    datasets: Array<{ dataset: string; file: string }>;
    /** Column mapping per survey name. */
    mappings?: Map<string, ColumnMapping>;
    /** Forced encoding of every data file; detected per file when absent. (A session passed to evaluate has its own.) */
    encoding?: TextEncoding;
    onProgress?: (file: string, bytesRead: number, totalBytes: number) => void;
    /**
     * Scoring a large CSV file on two threads (eval/split-pass.ts): `workerFile` is the built
     * score-worker.mjs (default: next to the CLI bundle), `minBytes` the smallest file split.
     * false keeps one thread. (A session passed to evaluate has its own.)
     */
    parallel?: false | ParallelOptions;
    /** A consumer of the checked datasets and rows beside the accumulators; files are then read on one thread. */
    observer?: RowObserver;
}

export interface ParallelOptions {
    workerFile?: string;
    minBytes?: number;
}
