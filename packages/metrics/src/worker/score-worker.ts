/**
 * Worker thread entry (bundled alone as score-worker.mjs, without Langium): checks and accumulates
 * the second part of a CSV file that the main thread splits (see eval/split-pass.ts) and posts back
 * its sums and exclusions (row numbers counted from its first row); its ids go into the shared
 * id table. The job comes as workerData, or as the first message to a worker started early.
 */
import { once } from 'node:events';
import { parentPort, workerData } from 'node:worker_threads';
import { fromPortable } from '../check/dataset-table.js';
import { ExclusionLog } from '../check/exclusions.js';
import { DEFAULT_SLOTS, SharedIds } from '../check/id-set.js';
import { SurveyRowChecker } from '../check/survey-rows.js';
import { SurveyAccumulation, scoreFile } from '../eval/survey-accumulation.js';
import type { WorkerJob, WorkerResult } from '../eval/split-pass.js';

// A worker started ahead of need (see ScoringSession) gets its job as its first message.
const job = (workerData ?? (await once(parentPort!, 'message'))[0]) as WorkerJob;
const acc = new SurveyAccumulation(job.survey, job.model);
const log = new ExclusionLog();
const ids = new SharedIds(DEFAULT_SLOTS, job.idTable, job.idControl, 1);
const checker = new SurveyRowChecker(job.survey, job.joinKey, job.joined && fromPortable(job.joined), job.mapping, job.file.path, log, ids);
const { info, used } = await scoreFile(acc, checker, job.file, { ranges: job.ranges });
const result: WorkerResult = { rows: info.rowsRead, used, state: acc.state(), exclusions: log.list() };
parentPort!.postMessage(result);
