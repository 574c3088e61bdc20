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
import type { Worker } from 'node:worker_threads';
import type { CxModel, Survey } from '@cxspec/model';
import type { Exclusion } from '../result.js';
import { toPortable, type DatasetTable, type PortableTable } from '../check/dataset-table.js';
import { ExclusionLog } from '../check/exclusions.js';
import { DEFAULT_SLOTS, IdSet, SharedIds } from '../check/id-set.js';
import { SurveyRowChecker } from '../check/survey-rows.js';
import type { DataFile } from '../input/data-file.js';
import type { ColumnMapping } from '../input/mapping.js';
import type { ReadInfo } from '../input/read-records.js';
import { findLineSplitPoint, findSplitPoint, type SplitPoint } from '../input/split-point.js';
import type { EvaluateOptions } from '../evaluate-options.js';
import type { ScoringSession } from './scoring-session.js';
import { SurveyAccumulation, scoreFile, type AccumulationState } from './survey-accumulation.js';

export interface WorkerJob {
    survey: Survey;
    model: CxModel;
    /** The file as the main thread opened it: the worker's first bytes are the header alone, too few to tell its encoding from. */
    file: DataFile;
    mapping: ColumnMapping;
    /** The dataset the survey joins (its key column, its table), null when it joins none. */
    joinKey: string | null;
    joined: PortableTable | null;
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

/**
 * Where to split the file, or null when it is scored on one thread: a JSON array, one CPU, a file
 * below the session's minBytes (default SPLIT_BYTES, or the CXSPEC_SPLIT_BYTES environment
 * variable, which tests set low), an encoding that cannot be told, or no worker bundle.
 */
export function splitPlanFor(data: DataFile, session: ScoringSession): SplitPoint | null {
    if (!session.splits(data)) return null;
    return data.format === 'csv' ? findSplitPoint(data) : findLineSplitPoint(data);
}

/** `joined` is the table of the dataset the survey joins (null when it joins none or its file was not given). */
export async function scoreSplit(survey: Survey, model: CxModel, data: DataFile, mapping: ColumnMapping, point: SplitPoint,
    options: EvaluateOptions, session: ScoringSession, joined: DatasetTable | null = null): Promise<SplitPass | null> {
    const { table, control } = SharedIds.create();
    const joinKey = survey.joins ? model.datasets.find(d => d.name === survey.joins)!.key : null;
    const file = data.path;
    const job: WorkerJob = {
        survey, model, file: data, mapping, joinKey, joined: joined && toPortable(joined),
        // A CSV worker reads the header line first; an NDJSON file has none (headerEnd 0).
        ranges: [[0, point.headerEnd], [point.split, data.size]], idTable: table, idControl: control
    };
    const worker: Worker = session.startWorker(job);
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
        first = await scoreFile(acc, checker, data, {
            ranges: [[0, point.split]],
            onProgress: read => options.onProgress?.(file, Math.round(read * data.size / point.split), data.size)
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
