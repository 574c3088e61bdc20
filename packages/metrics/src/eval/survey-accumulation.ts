/**
 * The accumulators of one survey's pass: every metric's breakdown and every driver analysis, fed
 * row by row (each row judged against the segments once). The same code runs on the main thread
 * and in the score worker, whose sums come back as plain data and are merged after the main
 * thread's rows.
 */
import { surveyOf, type CxModel, type Survey } from '@cxspec/model';
import type { SurveyRow, SurveyRowChecker } from '../check/survey-rows.js';
import { readCsv } from '../input/csv-byte-reader.js';
import type { DataFile } from '../input/data-file.js';
import { readRecords, type ReadInfo, type ReadOptions } from '../input/read-records.js';
import type { Acc } from '../stats/accumulator.js';
import { Breakdown, type BreakdownState } from './breakdown.js';
import { compileCondition, type Predicate } from './conditions.js';
import { DriverPlan, type DriverState } from './drivers.js';
import { periodStart } from './periods.js';
import type { RowSink } from './row-sink.js';
import { SurveyMetric } from './survey-metric.js';

export interface AccumulationState {
    metrics: BreakdownState[];
    drivers: DriverState[];
    texts: number[];
}

/** Each metric's period start for one day, and its period accumulator once it has one. */
interface DayPeriods {
    starts: number[];
    accs: (Acc | undefined)[];
}

export class SurveyAccumulation implements RowSink {
    readonly metrics: SurveyMetric[];
    readonly drivers: DriverPlan[];
    private readonly segmentTests: Predicate[];
    private readonly inSegment: (boolean | null)[];
    private readonly segmentSlots: number[][];
    // Per day number: the calendar work and the period lookup are done once per distinct day.
    private readonly days = new Map<number, DayPeriods>();
    private lastDay = NaN;
    private day: DayPeriods = { starts: [], accs: [] };
    /** Indexes of the survey's free-text questions, and how many checked rows answered each. */
    readonly textQuestions: number[];
    readonly textAnswers: number[];

    constructor(survey: Survey, model: CxModel) {
        this.metrics = model.metrics.filter(m => surveyOf(m) === survey.name).map(m => new SurveyMetric(m, survey, model));
        const touchpointTitles = new Map(model.journeys.flatMap(j => j.stages.flatMap(s => s.touchpoints.map(t => [t.name, t.title] as const))));
        this.drivers = model.drivers.filter(d => d.survey === survey.name).map(d => new DriverPlan(d, survey, touchpointTitles));
        const segmentNames = [...new Set(this.metrics.flatMap(m => m.metric.segments))];
        this.segmentTests = segmentNames.map(name => compileCondition(model.segments.find(s => s.name === name)!.condition, { survey, datasets: model.datasets }));
        this.inSegment = new Array(segmentNames.length);
        this.segmentSlots = this.metrics.map(m => m.metric.segments.map(name => segmentNames.indexOf(name)));
        this.textQuestions = survey.questions.flatMap((q, i) => (q.kind === 'text' ? [i] : []));
        this.textAnswers = this.textQuestions.map(() => 0);
    }

    /** Adds a checked row; true when it counted in a metric or driver analysis. */
    add(row: SurveyRow): boolean {
        const { metrics, segmentTests, inSegment, segmentSlots } = this;
        for (let s = 0; s < segmentTests.length; s++) inSegment[s] = segmentTests[s](row);
        if (row.time !== null) {
            const day = Math.floor(row.time / 86_400_000);
            if (day !== this.lastDay) {
                this.lastDay = day;
                let known = this.days.get(day);
                if (!known) {
                    known = { starts: metrics.map(m => (m.metric.period ? periodStart(row.time!, m.metric.period) : NaN)), accs: metrics.map(() => undefined) };
                    this.days.set(day, known);
                }
                this.day = known;
            }
        }
        const { starts, accs } = this.day;
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
            if (m.metric.period && row.time !== null) Breakdown.add((accs[i] ??= b.periodAcc(starts[i])), est, x);
        }
        for (const d of this.drivers) if (d.add(row)) counted = true;
        // Free text feeds no metric; the report still counts its answers, over every checked row.
        for (let t = 0; t < this.textQuestions.length; t++) {
            const a = row.answers[this.textQuestions[t]];
            if (typeof a === 'string' && a.trim() !== '') this.textAnswers[t]++;
        }
        return counted;
    }

    state(): AccumulationState {
        return { metrics: this.metrics.map(m => m.breakdown.state()), drivers: this.drivers.map(d => d.state()), texts: this.textAnswers.slice() };
    }

    /** Adds the sums of rows that come after this accumulation's rows. */
    merge(other: AccumulationState): void {
        other.metrics.forEach((b, i) => this.metrics[i].breakdown.merge(b));
        other.drivers.forEach((d, i) => this.drivers[i].merge(d));
        other.texts.forEach((n, t) => { this.textAnswers[t] += n; });
    }
}

/** Reads one response file (or the byte ranges in `read`) through the checker into `sink`. */
export async function scoreFile(sink: RowSink, checker: SurveyRowChecker, file: DataFile, read: ReadOptions): Promise<{ info: ReadInfo; used: number }> {
    let used = 0;
    const add = (row: SurveyRow | null) => {
        if (row && sink.add(row)) used++;
    };
    const info = file.format === 'csv'
        ? await readCsv(file, read, {
            header: columns => checker.checkHeader(columns),
            batch: records => checker.checkBatch(records, add),
            record: record => add(checker.check(record))
        })
        : await readRecords(file, read, record => add(checker.check(record)));
    return { info, used };
}
