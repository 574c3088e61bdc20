/**
 * One streaming pass over the response files of a survey: each record is checked, judged against
 * the segments once, and added to every metric's and driver analysis's accumulators.
 */
import type { CxModel, Survey } from '@cxspec/language';
import type { InputFile } from '../result.js';
import type { DatasetTable } from '../check/dataset-table.js';
import type { ExclusionLog } from '../check/exclusions.js';
import { IdSet } from '../check/id-set.js';
import { SurveyRowChecker } from '../check/survey-rows.js';
import { emptyMapping } from '../input/mapping.js';
import { formatOf, readRecords } from '../input/read-records.js';
import type { EvaluateOptions } from '../evaluate.js';
import { Breakdown } from './breakdown.js';
import { compileCondition } from './conditions.js';
import { DriverPlan } from './drivers.js';
import { surveyOf } from './metric-source.js';
import { periodStart } from './periods.js';
import { SurveyMetric } from './survey-metric.js';

export interface SurveyPass {
    metrics: SurveyMetric[];
    drivers: DriverPlan[];
    files: InputFile[];
}

export async function scoreSurvey(survey: Survey, files: string[], model: CxModel, tables: Map<string, DatasetTable>,
    options: EvaluateOptions, log: ExclusionLog): Promise<SurveyPass> {
    const inputs: InputFile[] = [];
    const metrics = model.metrics.filter(m => surveyOf(m) === survey.name).map(m => new SurveyMetric(m, survey, model));
    const drivers = model.drivers.filter(d => d.survey === survey.name).map(d => new DriverPlan(d, survey));
    const ids = new IdSet();
    // Each segment is judged once per row, whichever metrics break down by it.
    const segmentNames = [...new Set(metrics.flatMap(m => m.metric.segments))];
    const segmentTests = segmentNames.map(name => compileCondition(model.segments.find(s => s.name === name)!.condition, { survey, datasets: model.datasets }));
    const inSegment: (boolean | null)[] = new Array(segmentNames.length);
    const segmentSlots = metrics.map(m => m.metric.segments.map(name => segmentNames.indexOf(name)));
    // Each metric's period start by day number: the calendar work is done once per distinct day.
    const dayStarts = new Map<number, number[]>();
    let lastDay = NaN;
    let starts: number[] = [];
    const joinKey = survey.joins ? model.datasets.find(d => d.name === survey.joins)!.key : null;
    for (const file of files) {
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
                    const known = dayStarts.get(day);
                    if (known) starts = known;
                    else dayStarts.set(day, (starts = metrics.map(m => (m.metric.period ? periodStart(row.time!, m.metric.period) : NaN))));
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
                if (m.metric.period && row.time !== null) Breakdown.add(b.periodAcc(starts[i]), est, x);
            }
            for (const d of drivers) if (d.add(row)) counted = true;
            if (counted) used++;
        });
        inputs.push({ path: file, role: 'responses', dataset: null, format: info.format, encoding: info.encoding, rowsRead: info.rowsRead, rowsUsed: used });
    }
    return { metrics, drivers, files: inputs };
}
