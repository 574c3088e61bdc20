/**
 * The evaluator: reads datasets, streams each response file once through the row checker into the
 * metrics' and driver analyses' accumulators, and assembles the EvaluationResult. Memory holds the
 * datasets and the accumulators (per metric, segment and period), never the responses.
 */
import { InputError, datasetOf, metricDatasets, surveyOf, type CxModel } from '@cxspec/model';
import type { DriverAnalysisResult, EvaluationResult, InputFile, MetricResult, TextAnswers, VerdictCounts } from './result.js';
import { RESULT_SCHEMA_ID, RESULT_SCHEMA_VERSION } from './result.js';
import { loadDataset, type DatasetTable } from './check/dataset-table.js';
import { ExclusionLog } from './check/exclusions.js';
import type { EvaluateOptions } from './evaluate-options.js';
import { datasetMetricResult } from './eval/dataset-metric.js';
import type { DriverPlan } from './eval/drivers.js';
import { openScoring, type ScoringSession } from './eval/scoring-session.js';
import { scoreSurvey } from './eval/survey-pass.js';
import type { SurveyMetric } from './eval/survey-metric.js';

/**
 * Scores the files of `options` against the model. `session` is the run's files and worker threads
 * (openScoring, opened before the spec was loaded), closed here; without one the files are opened
 * as they are reached, with the options' encoding and parallelism.
 */
export async function evaluate(model: CxModel, options: EvaluateOptions,
    session: ScoringSession = openScoring([], { encoding: options.encoding, parallel: options.parallel })): Promise<EvaluationResult> {
    try {
        return await evaluateFiles(model, options, session);
    } finally {
        await session.close();
    }
}

async function evaluateFiles(model: CxModel, options: EvaluateOptions, session: ScoringSession): Promise<EvaluationResult> {
    // An observer takes every file on one thread: a worker started early has nothing to do.
    if (options.observer) await session.close();
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
        for (const d of metricDatasets(model, metric)) {
            if (!options.datasets.some(x => x.dataset === d)) {
                throw new InputError(metric.loc.file, `metric ${metric.name} reads dataset ${d}; pass --dataset ${d}=<file>`);
            }
        }
    }
    for (const { dataset: name, file } of options.datasets) {
        const dataset = model.datasets.find(d => d.name === name);
        if (!dataset) throw new InputError(file, `spec ${model.spec.name} has no dataset ${name} (datasets: ${model.datasets.map(d => d.name).join(', ') || 'none'})`);
        log.registerFile(file);
        const table = await loadDataset(dataset, session.file(file), { onProgress: (read, total) => options.onProgress?.(file, read, total) }, log);
        tables.set(name, table);
        await options.observer?.dataset(table);
        inputs.push({ path: file, role: 'dataset', dataset: name, format: table.info.format, encoding: table.info.encoding, rowsRead: table.info.rowsRead, rowsUsed: table.records.length });
    }

    const surveyMetrics = new Map<string, SurveyMetric>();
    const driverPlans = new Map<string, DriverPlan>();
    const textAnswers: TextAnswers[] = [];
    for (const survey of model.surveys) {
        const files = options.responses.filter(r => r.survey === survey.name).map(r => r.file);
        if (files.length === 0) continue;
        const pass = await scoreSurvey(survey, files, model, tables, options, session, log);
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
