/**
 * The evaluator: reads datasets, streams each response file once through the row checker into the
 * metrics' and driver analyses' accumulators, and assembles the EvaluationResult. Memory holds the
 * datasets and the accumulators (per metric, segment and period), never the responses.
 */
import { InputError, type CxModel, type Metric } from '@cxspec/model';
import type { DriverAnalysisResult, EvaluationResult, InputFile, MetricResult, TextAnswers, VerdictCounts } from './result.js';
import { RESULT_SCHEMA_ID, RESULT_SCHEMA_VERSION } from './result.js';
import { loadDataset, type DatasetTable } from './check/dataset-table.js';
import { ExclusionLog } from './check/exclusions.js';
import type { ColumnMapping } from './input/mapping.js';
import type { TextEncoding } from './input/decode.js';
import { datasetsRead } from './eval/conditions.js';
import { datasetMetricResult } from './eval/dataset-metric.js';
import type { DriverPlan } from './eval/drivers.js';
import { datasetOf, surveyOf } from './eval/metric-source.js';
import { releaseSpareWorker } from './eval/split-pass.js';
import { scoreSurvey } from './eval/survey-pass.js';
import type { SurveyMetric } from './eval/survey-metric.js';

export interface EvaluateOptions {
    /** Response files, each for a named survey; several files of one survey are read as one. */
    responses: Array<{ survey: string; file: string }>;
    datasets: Array<{ dataset: string; file: string }>;
    /** Column mapping per survey name. */
    mappings?: Map<string, ColumnMapping>;
    /** Forced encoding of every data file; detected per file when absent. */
    encoding?: TextEncoding;
    onProgress?: (file: string, bytesRead: number, totalBytes: number) => void;
    /**
     * Scoring a large CSV file on two threads (eval/split-pass.ts): `workerFile` is the built
     * score-worker.mjs (default: next to the CLI bundle), `minBytes` the smallest file split.
     * false keeps one thread.
     */
    parallel?: false | { workerFile?: string; minBytes?: number };
}

/** Datasets a metric needs a file for: its own source, and those its condition and segments read. */
function datasetsNeeded(metric: Metric, model: CxModel): Set<string> {
    const out = new Set<string>();
    const own = datasetOf(metric);
    if (own) out.add(own);
    if (metric.expr.kind === 'rate') for (const d of datasetsRead(metric.expr.condition)) out.add(d);
    for (const name of metric.segments) for (const d of datasetsRead(model.segments.find(s => s.name === name)!.condition)) out.add(d);
    return out;
}

export async function evaluate(model: CxModel, options: EvaluateOptions): Promise<EvaluationResult> {
    try {
        return await evaluateFiles(model, options);
    } finally {
        // A worker started early (prestartScoreWorker) for a file that was not split.
        await releaseSpareWorker();
    }
}

async function evaluateFiles(model: CxModel, options: EvaluateOptions): Promise<EvaluationResult> {
    const log = new ExclusionLog();
    const inputs: InputFile[] = [];
    const tables = new Map<string, DatasetTable>();
    for (const r of options.responses) {
        if (!model.surveys.some(s => s.name === r.survey)) {
            throw new InputError(r.file, `spec ${model.spec.name} has no survey ${r.survey} (surveys: ${model.surveys.map(s => s.name).join(', ')})`);
        }
    }
    for (const metric of model.metrics) {
        const survey = surveyOf(metric);
        if (survey && !options.responses.some(r => r.survey === survey)) {
            throw new InputError(metric.loc.file, `metric ${metric.name} is computed from survey ${survey}; pass --responses ${survey}=<file>`);
        }
        for (const d of datasetsNeeded(metric, model)) {
            if (!options.datasets.some(x => x.dataset === d)) {
                throw new InputError(metric.loc.file, `metric ${metric.name} reads dataset ${d}; pass --dataset ${d}=<file>`);
            }
        }
    }
    for (const { dataset: name, file } of options.datasets) {
        const dataset = model.datasets.find(d => d.name === name);
        if (!dataset) throw new InputError(file, `spec ${model.spec.name} has no dataset ${name} (datasets: ${model.datasets.map(d => d.name).join(', ') || 'none'})`);
        log.registerFile(file);
        const table = await loadDataset(dataset, file, {
            encoding: options.encoding, onProgress: (read, total) => options.onProgress?.(file, read, total)
        }, log);
        tables.set(name, table);
        inputs.push({ path: file, role: 'dataset', dataset: name, format: table.info.format, encoding: table.info.encoding, rowsRead: table.info.rowsRead, rowsUsed: table.records.length });
    }

    const surveyMetrics = new Map<string, SurveyMetric>();
    const driverPlans = new Map<string, DriverPlan>();
    const textAnswers: TextAnswers[] = [];
    for (const survey of model.surveys) {
        const files = options.responses.filter(r => r.survey === survey.name).map(r => r.file);
        if (files.length === 0) continue;
        const pass = await scoreSurvey(survey, files, model, tables, options, log);
        for (const m of pass.metrics) surveyMetrics.set(m.metric.name, m);
        for (const d of pass.drivers) driverPlans.set(d.analysis.name, d);
        inputs.push(...pass.files);
        textAnswers.push(...pass.texts);
    }

    const metrics: Record<string, MetricResult> = {};
    const summary: VerdictCounts = { met: 0, missed: 0, inconclusive: 0, insufficient: 0, none: 0 };
    for (const metric of model.metrics) {
        const sm = surveyMetrics.get(metric.name);
        const result = sm ? sm.result(model) : datasetMetricResult(metric, tables.get(datasetOf(metric)!)!, model);
        metrics[metric.name] = result;
        summary[result.verdict ?? 'none']++;
    }
    const drivers: Record<string, DriverAnalysisResult> = {};
    for (const d of model.drivers) {
        const plan = driverPlans.get(d.name);
        if (plan) drivers[d.name] = plan.result();
    }
    return {
        $schema: RESULT_SCHEMA_ID,
        schemaVersion: RESULT_SCHEMA_VERSION,
        spec: { name: model.spec.name, title: model.spec.title, locales: model.spec.locales, defaultLocale: model.spec.defaultLocale },
        input: {
            files: inputs,
            rowsRead: inputs.reduce((s, f) => s + f.rowsRead, 0),
            rowsUsed: inputs.reduce((s, f) => s + f.rowsUsed, 0),
            exclusions: log.list(),
            textAnswers
        },
        metrics,
        drivers,
        summary
    };
}
