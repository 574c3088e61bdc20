/**
 * Metrics computed from a dataset (CRM export): churn, retention (CRR), CLV, and means and rates
 * over customers. Churn and retention are measured over complete calendar periods of the
 * customers' lifecycles (lifecycle.ts), the headline over the latest complete one.
 */
import { datasetMetricExpr, type CxModel, type Metric, type Segment } from '@cxspec/model';
import type { MetricResult, PeriodEstimate, SegmentEstimate } from '../result.js';
import type { DatasetRecord, DatasetTable } from '../check/dataset-table.js';
import { Acc } from '../stats/accumulator.js';
import { changeTest, estimate, tEstimate, wilsonEstimate, type PointEstimate } from '../stats/estimates.js';
import { compileCondition, type Predicate } from './conditions.js';
import { conditionText } from '@cxspec/model';
import { toEstimate } from './estimate.js';
import { activeAt, countWindow, lifecycleOf, undated, windowsOf, type Window } from './lifecycle.js';
import { isoDate, periodLabel } from './periods.js';

const DAY_MS = 86_400_000;

export function datasetMetricResult(metric: Metric, table: DatasetTable, model: CxModel): MetricResult {
    const datasets = model.datasets;
    const segments = metric.segments.map(name => model.segments.find(s => s.name === name)!);
    const segmentPredicates = segments.map(s => compileCondition(s.condition, { survey: null, datasets }));
    const inSegment = (p: Predicate) => table.records.filter(r => p({ answers: [], joined: r }) === true);
    const groups = [table.records, ...segmentPredicates.map(inSegment)];
    const lc = lifecycleOf(table);
    const expr = datasetMetricExpr(metric.expr);
    const name = table.dataset.name;

    let formula: string;
    let interval: string;
    let details: Record<string, number> = {};
    /** Headline point for each group (overall, then segments), and period accumulators of the overall group. */
    let points: PointEstimate[];
    let periodAccs: Array<{ start: number; acc: Acc }> = [];
    let estimator: 'share' | 'mean' = 'share';

    switch (expr.kind) {
        case 'churn': case 'retention': {
            const unit = metric.period ?? 'year';
            const windows = windowsOf(lc!, unit);
            const last = windows[windows.length - 1];
            const accOf = (records: DatasetRecord[], w: Window) => {
                const c = countWindow(records, lc!, w);
                return { c, acc: Acc.ofShare(c.atStart, expr.kind === 'churn' ? c.lost : c.atEnd - c.added) };
            };
            const heads = groups.map(g => (last ? accOf(g, last) : null));
            points = heads.map(h => (h ? estimate('share', h.acc) : wilsonEstimate(0, 0)));
            if (metric.period) periodAccs = windows.map(w => ({ start: w.start, acc: accOf(table.records, w).acc }));
            const c = heads[0]?.c ?? { atStart: 0, lost: 0, added: 0, atEnd: 0 };
            details = { customersAtStart: c.atStart, lost: c.lost, added: c.added, customersAtEnd: c.atEnd };
            const when = last ? `${periodLabel(last.start, unit)}, the latest complete ${unit} as of ${isoDate(lc!.asOf)}` : 'no dated customers';
            formula = expr.kind === 'churn'
                ? `churn = customers lost during the ${unit} / customers active at its start (${name} lifecycle ${lc!.names.start}..${lc!.names.end}); headline: ${when}`
                : `retention CRR = (E − N) / S: customers active at the end of the ${unit} minus those acquired during it (and still active), over those active at its start (${name} lifecycle ${lc!.names.start}..${lc!.names.end}); headline: ${when}`;
            interval = 'wilson';
            break;
        }
        case 'clv': {
            const margin = expr.marginPercent / 100, d = expr.discountPercent / 100;
            // A monthly amount per customer (MRR) ×12 makes it yearly; a yearly one (ARR) is kept.
            const perYear = expr.valuePeriod === 'year' ? 1 : 12;
            const year = windowsOf(lc!, 'year');
            const last = year[year.length - 1];
            const vi = table.columnIndex.get(expr.value)!;
            points = groups.map((g, gi) => {
                const active = activeAt(g, lc, lc!.asOf + DAY_MS);
                const value = new Acc();
                for (const r of active) if (typeof r.values[vi] === 'number') value.addValue(r.values[vi] as number);
                const c = last ? countWindow(g, lc!, last) : { atStart: 0, lost: 0, added: 0, atEnd: 0 };
                const ret = wilsonEstimate(c.atStart, c.atEnd - c.added);
                const mean = tEstimate(value.n, value.n > 0 ? value.mean : 0, value.n > 1 ? value.variance : 0);
                if (mean.value === null || ret.value === null) return { value: null, ci: null, n: value.n, sd: null };
                const f = (meanValue: number, r: number) => perYear * meanValue * margin * r / (1 + d - r);
                const r = ret.value / 100;
                if (gi === 0) details = { meanValue: mean.value, annualMargin: perYear * mean.value * margin, retention: r, discount: d, customers: value.n, retentionBase: c.atStart };
                return {
                    value: f(mean.value, r),
                    ci: mean.ci && ret.ci ? [f(mean.ci[0], ret.ci[0] / 100), f(mean.ci[1], ret.ci[1] / 100)] : null,
                    n: value.n,
                    sd: null
                };
            });
            formula = `CLV simple perpetuity m·r/(1 + d − r): m = ${expr.valuePeriod === 'year' ? 'mean yearly' : '12 × mean monthly'} ${name}.${expr.value} of active customers × ${expr.marginPercent}% margin, r = annual retention CRR (${last ? periodLabel(last.start, 'year') : 'no complete year'}), d = ${expr.discountPercent}%`
                + (metric.period ? '; no period breakdown (CLV uses annual retention)' : '');
            interval = 'bounds: m at its t interval ends with r at its Wilson interval ends';
            break;
        }
        case 'mean': case 'rate': {
            estimator = expr.kind === 'mean' ? 'mean' : 'share';
            let observe: (r: DatasetRecord) => number | null;
            if (expr.kind === 'mean') {
                if (expr.field.source !== 'column') throw new Error(`metric ${metric.name} reads a question`);
                const vi = table.columnIndex.get(expr.field.column)!;
                observe = r => (typeof r.values[vi] === 'number' ? r.values[vi] as number : null);
                formula = `mean of ${name}.${expr.field.column} over ${lc ? 'customers active at the as-of date' : 'all rows'}`;
            } else {
                const p = compileCondition(expr.condition, { survey: null, datasets });
                observe = r => {
                    const v = p({ answers: [], joined: r });
                    return v === null ? null : v ? 1 : 0;
                };
                formula = `share of ${lc ? 'active ' : ''}${name} rows where ${conditionText(expr.condition)}, in percent`;
            }
            const accumulate = (records: DatasetRecord[]) => {
                const acc = new Acc();
                for (const r of records) {
                    const x = observe(r);
                    if (x === null) continue;
                    if (estimator === 'mean') acc.addValue(x); else acc.addHit(x === 1);
                }
                return acc;
            };
            const asOf = lc && Number.isFinite(lc.asOf) ? lc.asOf + DAY_MS : Infinity;
            points = groups.map(g => estimate(estimator, accumulate(activeAt(g, lc, asOf))));
            if (metric.period && lc) {
                periodAccs = windowsOf(lc, metric.period).map(w => ({ start: w.start, acc: accumulate(activeAt(table.records, lc, w.end)) }));
                formula += `; each ${metric.period} over customers active at its end`;
            } else if (metric.period) {
                formula += `; no period breakdown: dataset ${name} declares no lifecycle`;
            }
            if (lc) formula += ` (as of ${isoDate(lc.asOf)})`;
            interval = estimator === 'mean' ? 't' : 'wilson';
            break;
        }
    }

    if (lc && (expr.kind === 'churn' || expr.kind === 'retention' || expr.kind === 'clv')) {
        const count = undated(table.records, lc);
        if (count > 0) formula += `; ${count} customer(s) without a valid ${lc.names.start} date are not counted`;
    }
    const scale = null;
    const [head, ...segPoints] = points;
    const segmentResults: SegmentEstimate[] = segments.map((s: Segment, i) => ({ segment: s.name, title: s.title, ...toEstimate(segPoints[i], metric, scale) }));
    const periodUnit = expr.kind === 'clv' ? null : metric.period;
    const periods: PeriodEstimate[] = periodUnit ? periodAccs.map(({ start, acc }, i) => ({
        period: periodLabel(start, periodUnit),
        start: isoDate(start),
        ...toEstimate(estimate(estimator, acc), metric, scale),
        change: i === 0 ? null : changeTest(estimator, periodAccs[i - 1].acc, acc)
    })) : [];
    return {
        name: metric.name,
        title: metric.title,
        kind: expr.kind,
        unit: metric.unit,
        formula,
        interval,
        source: `dataset:${name}`,
        details,
        ...toEstimate(head, metric, scale),
        segments: segmentResults,
        period: metric.period,
        periods
    };
}
