/**
 * A metric computed from the responses of one survey (nps, top/bottom box, mean of a question,
 * rate of a condition): what each response contributes, and the metric's result at the end.
 */
import { surveyMetricExpr, type CxModel, type Metric, type Question, type Survey } from '@cxspec/model';
import type { MetricResult } from '../result.js';
import type { SurveyRow } from '../check/survey-rows.js';
import type { Estimator } from '../stats/estimates.js';
import { Breakdown } from './breakdown.js';
import { compileCondition, type Predicate } from './conditions.js';
import { conditionText } from '@cxspec/model';

export class SurveyMetric {
    readonly estimator: Estimator;
    readonly breakdown: Breakdown;
    /** The observation a row contributes (score, 0/1 or value), null when it contributes none. */
    readonly observe: (row: SurveyRow) => number | null;
    private readonly question: Question | null;
    private readonly formula: string;

    constructor(readonly metric: Metric, readonly survey: Survey, model: CxModel) {
        const expr = surveyMetricExpr(metric.expr);
        const questionOf = (name: string) => survey.questions.find(q => q.name === name)!;
        const numberAt = (index: number) => (row: SurveyRow) => {
            const a = row.answers[index];
            return typeof a === 'number' ? a : null;
        };
        switch (expr.kind) {
            case 'nps': {
                this.question = questionOf(expr.question);
                this.estimator = 'nps';
                this.observe = numberAt(survey.questions.indexOf(this.question));
                this.formula = `NPS = %promoters (9-10) − %detractors (0-6) of ${survey.name}.${expr.question}, in points`;
                break;
            }
            case 'topBox': case 'bottomBox': {
                const q = (this.question = questionOf(expr.question));
                const get = numberAt(survey.questions.indexOf(q));
                const { min, max } = q.scale!;
                const [lo, hi] = expr.kind === 'topBox' ? [max - expr.boxes + 1, max] : [min, min + expr.boxes - 1];
                this.estimator = 'share';
                this.observe = row => {
                    const v = get(row);
                    return v === null ? null : v >= lo && v <= hi ? 1 : 0;
                };
                this.formula = `${expr.kind === 'topBox' ? 'top' : 'bottom'}-${expr.boxes}-box share of ${survey.name}.${expr.question}: answers ${lo}-${hi} on ${min}-${max}, in percent`;
                break;
            }
            case 'mean': {
                if (expr.field.source !== 'question') throw new Error(`metric ${metric.name} reads a dataset column`);
                const q = (this.question = questionOf(expr.field.question));
                this.estimator = 'mean';
                this.observe = numberAt(survey.questions.indexOf(q));
                this.formula = `mean of ${survey.name}.${q.name} ${q.scale ? `on its ${q.scale.min}-${q.scale.max} scale` : 'as answered'}`;
                break;
            }
            case 'quantile': {
                if (expr.field.source !== 'question') throw new Error(`metric ${metric.name} reads a dataset column`);
                const q = (this.question = questionOf(expr.field.question));
                this.estimator = 'quantile';
                this.observe = numberAt(survey.questions.indexOf(q));
                const what = expr.percent === 50 ? 'median' : `${expr.percent}th percentile`;
                this.formula = `${what} of ${survey.name}.${q.name} (Hyndman-Fan type 7), ${q.scale ? `on its ${q.scale.min}-${q.scale.max} scale` : 'as answered'}`;
                break;
            }
            case 'rate': {
                this.question = null;
                const predicate: Predicate = compileCondition(expr.condition, { survey, datasets: model.datasets });
                this.estimator = 'share';
                this.observe = row => {
                    const v = predicate(row);
                    return v === null ? null : v ? 1 : 0;
                };
                this.formula = `share of ${survey.name} responses where ${conditionText(expr.condition)}, in percent`;
                break;
            }
        }
        this.breakdown = new Breakdown(this.estimator, metric.segments.length, expr.kind === 'quantile' ? expr.percent : undefined);
    }

    result(model: CxModel): MetricResult {
        const { metric, breakdown } = this;
        const scale = this.estimator === 'mean' || this.estimator === 'quantile' ? this.question!.scale : null;
        const segments = metric.segments.map(name => model.segments.find(s => s.name === name)!);
        const acc = breakdown.overall;
        const details: Record<string, number> = this.estimator === 'nps'
            ? { promoters: acc.promoters, passives: acc.n - acc.promoters - acc.detractors, detractors: acc.detractors }
            : this.estimator === 'share' ? { hits: acc.hits }
                : this.estimator === 'quantile' ? { percentile: breakdown.percent, distinct: acc.counts?.size ?? 0 }
                    : { sd: acc.n > 1 ? Math.sqrt(acc.variance) : 0 };
        return {
            name: metric.name,
            title: metric.title,
            kind: metric.expr.kind,
            unit: metric.unit,
            formula: this.formula,
            interval: this.estimator === 'nps' ? 'adjusted-wald' : this.estimator === 'share' ? 'wilson' : this.estimator === 'quantile' ? 'order-statistics' : 't',
            source: `survey:${this.survey.name}`,
            details,
            ...breakdown.overallEstimate(metric, scale),
            segments: breakdown.segmentEstimates(metric, segments, scale),
            period: metric.period,
            periods: breakdown.periodEstimates(metric, metric.period, scale)
        };
    }
}
