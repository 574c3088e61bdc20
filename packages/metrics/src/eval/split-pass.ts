/**
 * Scores a large CSV (UTF-8 or Shift_JIS) or NDJSON file on two threads: the main thread checks
 * and accumulates the rows before the split point, a worker thread (score-worker.mjs) those after
 * it, and the worker's sums are merged after the main thread's, so the result is that of one pass in row order: counts are
 * exact, and with integer answers (every scale) so are the sums of means and cross-products.
 * The worker's exclusions get row numbers counted on from the main thread's last row. Both threads
 * put ids in one shared table (SharedIds); when an id is in both parts, or either thread fails (a
 * CSV error, an undecodable byte), null is returned and the caller scores the file on one thread,
 * which reports it exactly. A survey that joins a dataset sends the worker a copy of the table.
 */
import fs from 'node:fs';
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import type { CxModel, Survey } from '@cxspec/model';
import type { Exclusion } from '../result.js';
import { toPortable, type DatasetTable, type PortableTable } from '../check/dataset-table.js';
import { ExclusionLog } from '../check/exclusions.js';
import { DEFAULT_SLOTS, IdSet, SharedIds } from '../check/id-set.js';
import { SurveyRowChecker } from '../check/survey-rows.js';
import type { TextEncoding } from '../input/decode.js';
import type { ColumnMapping } from '../input/mapping.js';
import type { ReadInfo } from '../input/read-records.js';
import { formatOf } from '../input/read-records.js';
import { findLineSplitPoint, findSplitPoint, type SplitPoint } from '../input/split-point.js';
import type { EvaluateOptions } from '../evaluate.js';
import { SurveyAccumulation, scoreFile, type AccumulationState } from './survey-accumulation.js';

/** Files from this size on are split (smaller ones take less time than starting a worker saves). */
export const SPLIT_BYTES = 32 << 20;

export interface WorkerJob {
    survey: Survey;
    model: CxModel;
    file: string;
    mapping: ColumnMapping;
    /** The dataset the survey joins (its key column, its table), null when it joins none. */
    joinKey: string | null;
    joined: PortableTable | null;
    /** The file's encoding: the worker's first bytes are the header alone, too few to tell it from. */
    encoding: TextEncoding;
    ranges: Array<[number, number]>;
    /** The shared id table (SharedIds) and its control words. */
    idTable: SharedArrayBuffer;
    idControl: SharedArrayBuffer;
}

export interface WorkerResult {
    rows: number;
    used: number;
    state: AccumulationState;
    exclusions: Exclusion[];
}

export interface SplitPass {
    acc: SurveyAccumulation;
    ids: IdSet;
    log: ExclusionLog;
    info: ReadInfo;
    used: number;
}

export interface SplitPlan {
    point: SplitPoint;
    workerFile: string;
}

/** Formats a file can be cut in for two threads (JSON arrays are not). */
function splittable(file: string): boolean {
    const format = formatOf(file);
    return format === 'csv' || format === 'ndjson';
}

/** The score worker file: next to the CLI bundle, which this module is part of once built. */
function workerFileOf(options: EvaluateOptions): string {
    const parallel = options.parallel || {};
    return parallel.workerFile ?? fileURLToPath(new URL('./score-worker.mjs', import.meta.url));
}

/** The smallest file split: `parallel.minBytes`, else CXSPEC_SPLIT_BYTES, else SPLIT_BYTES. */
function minBytesOf(options: EvaluateOptions): number {
    const parallel = options.parallel || {};
    const env = process.env.CXSPEC_SPLIT_BYTES;
    return parallel.minBytes ?? (env !== undefined && env !== '' ? Number(env) : SPLIT_BYTES);
}

// A young generation this small keeps the worker's peak memory down: its records die young, and
// the default one (16 MB) put peak RSS ~8 MB higher.
const WORKER_OPTIONS = { resourceLimits: { maxYoungGenerationSizeMb: 2 } };

/** A worker started before the spec was loaded, waiting for its job; taken by the first split. */
let spare: { worker: Worker; file: string } | null = null;

/**
 * Starts the score worker now when a response file looks like it will be split (a CSV or NDJSON
 * file of the split size on a machine with two CPUs), so its isolate boots (~50 ms) while the caller
 * loads the spec. Unused, it is stopped by releaseSpareWorker (evaluate calls it).
 */
export function prestartScoreWorker(files: string[], options: EvaluateOptions): void {
    if (spare || options.parallel === false || os.availableParallelism() < 2) return;
    const file = workerFileOf(options);
    const large = files.some(f => {
        try {
            return splittable(f) && fs.statSync(f).size >= minBytesOf(options);
        } catch {
            return false;
        }
    });
    if (!large || !fs.existsSync(file)) return;
    const worker = new Worker(file, WORKER_OPTIONS);
    // Waiting for a job must not keep the process alive.
    worker.unref();
    worker.once('exit', () => {
        if (spare?.worker === worker) spare = null;
    });
    spare = { worker, file };
}

/** Stops a prestarted worker no split took. */
export async function releaseSpareWorker(): Promise<void> {
    const unused = spare;
    spare = null;
    await unused?.worker.terminate();
}

/**
 * How to split the file, or null when it is scored on one thread: a JSON array, one CPU, a file
 * below `minBytes` (default SPLIT_BYTES, or the CXSPEC_SPLIT_BYTES environment variable, which
 * tests set low), an encoding that cannot be told, or no worker bundle (the sources run under
 * vitest: tests pass the built one).
 */
export function splitPlanFor(survey: Survey, file: string, options: EvaluateOptions): SplitPlan | null {
    if (options.parallel === false || !splittable(file)) return null;
    const workerFile = workerFileOf(options);
    if (os.availableParallelism() < 2 || !fs.existsSync(workerFile)) return null;
    const minBytes = minBytesOf(options);
    let size: number;
    try {
        size = fs.statSync(file).size;
    } catch {
        return null;
    }
    if (size < minBytes) return null;
    const point = formatOf(file) === 'csv' ? findSplitPoint(file, options.encoding) : findLineSplitPoint(file, options.encoding);
    return point ? { point, workerFile } : null;
}

/** `joined` is the table of the dataset the survey joins (null when it joins none or its file was not given). */
export async function scoreSplit(survey: Survey, model: CxModel, file: string, mapping: ColumnMapping, { point, workerFile }: SplitPlan,
    options: EvaluateOptions, joined: DatasetTable | null = null): Promise<SplitPass | null> {
    const { table, control } = SharedIds.create();
    const joinKey = survey.joins ? model.datasets.find(d => d.name === survey.joins)!.key : null;
    const job: WorkerJob = {
        survey, model, file, mapping, joinKey, joined: joined && toPortable(joined),
        // A CSV worker reads the header line first; an NDJSON file has none (headerEnd 0).
        encoding: point.encoding, ranges: [[0, point.headerEnd], [point.split, point.size]], idTable: table, idControl: control
    };
    let worker: Worker;
    if (spare?.file === workerFile) {
        worker = spare.worker;
        spare = null;
        worker.ref();
        worker.postMessage(job);
    } else {
        worker = new Worker(workerFile, { ...WORKER_OPTIONS, workerData: job });
    }
    const second = new Promise<WorkerResult | null>(resolve => {
        worker.once('message', (m: WorkerResult) => resolve(m));
        worker.once('error', () => resolve(null));
        worker.once('exit', () => resolve(null));
    });
    const acc = new SurveyAccumulation(survey, model);
    const ids = new SharedIds(DEFAULT_SLOTS, table, control, 0);
    const log = new ExclusionLog();
    log.registerFile(file);
    const checker = new SurveyRowChecker(survey, joinKey, joined, mapping, file, log, ids);
    let first: { info: ReadInfo; used: number };
    try {
        // The two parts are read at about the same pace, so the first part's share stands for both.
        first = await scoreFile(acc, checker, file, {
            encoding: options.encoding, ranges: [[0, point.split]],
            onProgress: read => options.onProgress?.(file, Math.round(read * point.size / point.split), point.size)
        });
    } catch {
        await worker.terminate();
        return null;
    }
    const rest = await second;
    await worker.terminate();
    if (!rest || ids.aborted) return null;
    acc.merge(rest.state);
    log.merge(rest.exclusions, first.info.rowsRead);
    return { acc, ids: IdSet.adopt(ids), log, info: { ...first.info, rowsRead: first.info.rowsRead + rest.rows }, used: first.used + rest.used };
}
