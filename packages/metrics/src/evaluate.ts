/**
 * The evaluator: reads datasets, streams each response file once through the row checker into the
 * metrics' and driver analyses' accumulators, and assembles the EvaluationResult. Memory holds the
 * datasets and the accumulators (per metric, segment and period), never the responses.
 */
import { InputError, type CxModel, type Metric, type Period } from '@cxspec/language';
import type { DriverAnalysisResult, EvaluationResult, InputFile, MetricResult, VerdictCounts } from './result.js';
import { RESULT_SCHEMA_ID, RESULT_SCHEMA_VERSION } from './result.js';
import { loadDataset, type DatasetTable } from './check/dataset-table.js';
import { ExclusionLog } from './check/exclusions.js';
import { IdSet } from './check/id-set.js';
import { SurveyRowChecker } from './check/survey-rows.js';
import { emptyMapping, type ColumnMapping } from './input/mapping.js';
import { formatOf, readRecords } from './input/read-records.js';
import type { TextEncoding } from './input/decode.js';
import { Breakdown } from './eval/breakdown.js';
import { compileCondition, datasetsRead } from './eval/conditions.js';
import { datasetMetricResult } from './eval/dataset-metric.js';
import { DriverPlan } from './eval/drivers.js';
import { periodStart } from './eval/periods.js';
import { SurveyMetric } from './eval/survey-metric.js';

export interface EvaluateOptions {
    /** Response files, each for a named survey; several files of one survey are read as one. */
    responses: Array<{ survey: string; file: string }>;
    datasets: Array<{ dataset: string; file: string }>;
    /** Column mapping per survey name. */
    mappings?: Map<string, ColumnMapping>;
    /** Forced encoding of every data file; detected per file when absent. */
    encoding?: TextEncoding;
    onProgress?: (file: string, bytesRead: number, totalBytes: number) => void;
}

function surveyOf(metric: Metric): string | null {
    const e = metric.expr;
    switch (e.kind) {
        case 'nps': case 'topBox': case 'bottomBox': return e.survey;
        case 'mean': return e.field.source === 'question' ? e.field.survey : null;
        case 'rate': return e.source.type === 'survey' ? e.source.survey : null;
        default: return null;
    }
}

function datasetOf(metric: Metric): string | null {
    const e = metric.expr;
    switch (e.kind) {
        case 'churn': case 'retention': case 'clv': return e.dataset;
        case 'mean': return e.field.source === 'column' ? e.field.dataset : null;
        case 'rate': return e.source.type === 'dataset' ? e.source.dataset : null;
        default: return null;
    }
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
    const log = new ExclusionLog();
    const files: InputFile[] = [];
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
        files.push({ path: file, role: 'dataset', dataset: name, format: table.info.format, encoding: table.info.encoding, rowsRead: table.info.rowsRead, rowsUsed: table.records.length });
    }

    const surveyMetrics = new Map<string, SurveyMetric>();
    const driverPlans = new Map<string, DriverPlan>();
    for (const survey of model.surveys) {
        if (!options.responses.some(r => r.survey === survey.name)) continue;
        const metrics = model.metrics.filter(m => surveyOf(m) === survey.name).map(m => new SurveyMetric(m, survey, model));
        for (const m of metrics) surveyMetrics.set(m.metric.name, m);
        const drivers = model.drivers.filter(d => d.survey === survey.name).map(d => new DriverPlan(d, survey));
        for (const d of drivers) driverPlans.set(d.analysis.name, d);
        const ids = new IdSet();
        // Each segment is judged once per row, whichever metrics break down by it.
        const segmentNames = [...new Set(metrics.flatMap(m => m.metric.segments))];
        const segmentTests = segmentNames.map(name => compileCondition(model.segments.find(s => s.name === name)!.condition, { survey, datasets: model.datasets }));
        const inSegment: (boolean | null)[] = new Array(segmentNames.length);
        const segmentSlots = metrics.map(m => m.metric.segments.map(name => segmentNames.indexOf(name)));
        const units = [...new Set(metrics.map(m => m.metric.period).filter((p): p is Period => p !== null))];
        const unitStart = new Map<Period, number>();
        // Period starts by day number: the calendar work is done once per distinct day.
        const dayStarts = new Map<number, number[]>();
        let lastDay = NaN;
        const joinKey = survey.joins ? model.datasets.find(d => d.name === survey.joins)!.key : null;
        for (const { file } of options.responses.filter(r => r.survey === survey.name)) {
            log.registerFile(file);
            const mapping = options.mappings?.get(survey.name) ?? emptyMapping();
            const checker = new SurveyRowChecker(survey, joinKey, survey.joins ? tables.get(survey.joins) ?? null : null, mapping, file, log, ids);
            const csv = formatOf(file) === 'csv';
            let header: string[] | null = null;
            let used = 0;
            const info = await readRecords(file, {
                encoding: options.encoding, onProgress: (read, total) => options.onProgress?.(file, read, total)
            }, rec => {
                if (csv && rec.columns !== header) { header = rec.columns; checker.checkHeader(header); }
                const row = checker.check(rec);
                if (!row) return;
                for (let s = 0; s < segmentTests.length; s++) inSegment[s] = segmentTests[s](row);
                if (row.time !== null) {
                    const day = Math.floor(row.time / 86_400_000);
                    if (day !== lastDay) {
                        lastDay = day;
                        let starts = dayStarts.get(day);
                        if (!starts) dayStarts.set(day, (starts = units.map(u => periodStart(row.time!, u))));
                        units.forEach((u, i) => unitStart.set(u, starts[i]));
                    }
                }
                let counted = false;
                for (let i = 0; i < metrics.length; i++) {
                    const m = metrics[i];
                    const x = m.observe(row);
                    if (x === null) continue;
                    counted = true;
                    const b = m.breakdown, est = b.estimator;
                    Breakdown.add(b.overall, est, x);
                    const slots = segmentSlots[i];
                    for (let j = 0; j < slots.length; j++) if (inSegment[slots[j]] === true) Breakdown.add(b.segments[j], est, x);
                    const unit = m.metric.period;
                    if (unit && row.time !== null) Breakdown.add(b.periodAcc(unitStart.get(unit)!), est, x);
                }
                for (const d of drivers) if (d.add(row)) counted = true;
                if (counted) used++;
            });
            files.push({ path: file, role: 'responses', dataset: null, format: info.format, encoding: info.encoding, rowsRead: info.rowsRead, rowsUsed: used });
        }
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
            files,
            rowsRead: files.reduce((s, f) => s + f.rowsRead, 0),
            rowsUsed: files.reduce((s, f) => s + f.rowsUsed, 0),
            exclusions: log.list()
        },
        metrics,
        drivers,
        summary
    };
}
