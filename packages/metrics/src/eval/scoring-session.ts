/**
 * One scoring run's files and worker threads. Opened before the spec is loaded (the CLI passes
 * the paths it was given), it opens each data file once (format, size, encoding: data-file.ts)
 * and, when a response file will be split, starts the score worker then, so its isolate boots
 * (~50 ms) while the spec loads. `evaluate` takes the session and closes it, which stops a worker
 * no split took. Nothing outside this object starts or holds a worker.
 */
import fs from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { openDataFile, type DataFile } from '../input/data-file.js';
import type { TextEncoding } from '../input/decode.js';
import type { ParallelOptions } from '../evaluate-options.js';

/** Files from this size on are split (smaller ones take less time than starting a worker saves). */
export const SPLIT_BYTES = 32 << 20;

// A young generation this small keeps the worker's peak memory down: its records die young, and
// the default one (16 MB) put peak RSS ~8 MB higher.
const WORKER_OPTIONS = { resourceLimits: { maxYoungGenerationSizeMb: 2 } };

export interface SessionOptions {
    encoding?: TextEncoding;
    /** false: every file on one thread (and no worker is started). */
    parallel?: false | ParallelOptions;
}

export class ScoringSession {
    private readonly files = new Map<string, DataFile>();
    private spare: Worker | null = null;
    /** The score worker bundle, null when files are read on one thread. */
    readonly workerFile: string | null;
    /** The smallest file split: `parallel.minBytes`, else CXSPEC_SPLIT_BYTES, else SPLIT_BYTES. */
    readonly minBytes: number;

    constructor(private readonly options: SessionOptions) {
        const parallel = options.parallel === false ? null : options.parallel ?? {};
        const env = process.env.CXSPEC_SPLIT_BYTES;
        this.minBytes = parallel?.minBytes ?? (env !== undefined && env !== '' ? Number(env) : SPLIT_BYTES);
        // The worker bundle sits next to the CLI bundle, which this module is part of once built;
        // under vitest the sources run and tests pass the built one.
        const workerFile = parallel && (parallel.workerFile ?? fileURLToPath(new URL('./score-worker.mjs', import.meta.url)));
        this.workerFile = workerFile && os.availableParallelism() >= 2 && fs.existsSync(workerFile) ? workerFile : null;
    }

    /** The data file at `path`, opened on first use (throws DataFileError when it cannot be). */
    file(path: string): DataFile {
        let data = this.files.get(path);
        if (!data) {
            data = openDataFile(path, this.options.encoding);
            this.files.set(path, data);
        }
        return data;
    }

    /** Whether a file is large enough, and of a format that can be cut, to be split across two threads. */
    splits(data: DataFile): boolean {
        return this.workerFile !== null && (data.format === 'csv' || data.format === 'ndjson') && data.size >= this.minBytes;
    }

    /** Opens the files now and starts the worker when one of them will be split; a file that fails to open is left for evaluate to report. */
    prepare(paths: string[]): void {
        let large = false;
        for (const path of paths) {
            try {
                if (this.splits(this.file(path))) large = true;
            } catch {
                // evaluate opens it again and reports the error in its place among the checks.
            }
        }
        if (!large || this.spare || !this.workerFile) return;
        const worker = new Worker(this.workerFile, WORKER_OPTIONS);
        // Waiting for a job must not keep the process alive.
        worker.unref();
        worker.once('exit', () => {
            if (this.spare === worker) this.spare = null;
        });
        this.spare = worker;
    }

    /** A worker running `job`: the one started early, else a new one. */
    startWorker(job: unknown): Worker {
        const spare = this.spare;
        if (spare) {
            this.spare = null;
            spare.ref();
            spare.postMessage(job);
            return spare;
        }
        return new Worker(this.workerFile!, { ...WORKER_OPTIONS, workerData: job });
    }

    /** Stops a worker started early that no split took. */
    async close(): Promise<void> {
        const unused = this.spare;
        this.spare = null;
        await unused?.terminate();
    }
}

/**
 * A session for the files at `paths`, prepared now: the CLI opens it before loading the spec.
 * Files not named here are opened when evaluate reaches them.
 */
export function openScoring(paths: string[], options: SessionOptions = {}): ScoringSession {
    const session = new ScoringSession(options);
    session.prepare(paths);
    return session;
}
