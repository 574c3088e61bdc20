import type { DiagnosticCase } from '../support/diagnostic-case.js';
import { NPS, surveySpec } from './base.js';

/** Questions q (nps), s (csat), why (text), e (ces) on lines 6-9; dataset on 11-19; metrics from 20. */
const QUESTIONS = `${NPS}
    question s: csat { en "S?" }
    question why: text { en "Why?" }
    question e: ces { en "E?" }`;

const CUSTOMERS = `dataset Customers {
    key id
    column plan: basic | pro
    column mrr: number
    column since: date
    column until: date
    column note: text
    lifecycle start since end until
}
`;

function withMetrics(lines: string): string {
    return surveySpec(QUESTIONS, `${CUSTOMERS}${lines}\n`);
}

/** Segments, datasets, metrics, targets and drivers (CX501-CX802). */
export const METRIC_CASES: DiagnosticCase[] = [
    {
        code: 'CX501', title: 'segment reads a whole survey',
        files: withMetrics('segment Answered { where Sv is answered }'),
        expected: [
            "spec.cx:20:26 error CX501 Segment 'Answered' must read a field as `Survey.question` or `Dataset.column`, not 'Sv'."
        ],
        fix: { from: 'Sv is answered', to: 'Sv.q is answered' }
    },
    {
        code: 'CX502', title: 'metric broken down by a segment its rows do not carry',
        files: withMetrics('segment Pro { where Customers.plan = pro }\nmetric loyalty = nps(Sv.q) by [Pro]'),
        expected: [
            "spec.cx:21:32 error CX502 Segment 'Pro' reads 'Customers.plan', which responses to 'Sv' do not carry; break metric 'loyalty' down by a segment of its own source, or add `joins Customers` to survey 'Sv'."
        ],
        fix: { from: 'trigger after Tp', to: 'trigger after Tp\n    joins Customers' }
    },
    {
        code: 'CX601', title: 'lifecycle bounded by a text column',
        files: withMetrics('').replace('lifecycle start since', 'lifecycle start note'),
        expected: [
            "spec.cx:18:21 error CX601 Lifecycle start 'note' of dataset 'Customers' must be a date column; declare it as `column note: date`."
        ],
        fix: { from: 'lifecycle start note', to: 'lifecycle start since' }
    },
    {
        code: 'CX602', title: 'enum value listed twice',
        files: withMetrics('').replace('basic | pro', 'basic | pro | basic'),
        expected: [
            "spec.cx:13:32 error CX602 Column 'plan' lists value 'basic' twice; remove one."
        ],
        fix: { from: 'basic | pro | basic', to: 'basic | pro | team' }
    },
    {
        code: 'CX701', title: 'metric on a free-text question',
        files: withMetrics('metric reasons = mean(Sv.why)'),
        expected: [
            "spec.cx:20:23 error CX701 mean() cannot score question 'why': it is free text, which has no score; measure a rating, or use rate(Sv where ...) for choices."
        ],
        fix: { from: 'mean(Sv.why)', to: 'mean(Sv.e)' }
    },
    {
        code: 'CX701', title: 'nps() of a CSAT question',
        files: withMetrics('metric loyalty = nps(Sv.s)'),
        expected: [
            "spec.cx:20:22 error CX701 nps() needs an NPS question (0..10), and 's' is csat; use csat(), top() or mean() for it."
        ],
        fix: { from: 'nps(Sv.s)', to: 'nps(Sv.q)' }
    },
    {
        code: 'CX701', title: 'top() of a number question',
        files: surveySpec(`${NPS}
    question wait: number unit "min" { en "Minutes?" }`, 'metric quick = top(Sv.wait, 2)\n'),
        expected: [
            "spec.cx:9:20 error CX701 top() cannot score question 'wait': it is a typed number, which has no scale to count boxes on; use mean(), median() or percentile() for it."
        ],
        fix: { from: 'top(Sv.wait, 2)', to: 'percentile(Sv.wait, 90)' }
    },
    {
        code: 'CX701', title: 'nps() of a number question',
        files: surveySpec(`${NPS}
    question wait: number { en "Minutes?" }`, 'metric loyalty = nps(Sv.wait)\n'),
        expected: [
            "spec.cx:9:22 error CX701 nps() needs an NPS question (0..10), and 'wait' is number; use mean(), median() or percentile() for it."
        ],
        fix: { from: 'nps(Sv.wait)', to: 'median(Sv.wait)' }
    },
    {
        code: 'CX702', title: 'NPS target beyond 100 points',
        files: withMetrics('metric loyalty = nps(Sv.q) target >= 120'),
        expected: [
            "spec.cx:20:38 error CX702 Target 120 of metric 'loyalty' is outside the metric's range -100..100; choose a value inside it."
        ],
        fix: { from: '>= 120', to: '>= 30' }
    },
    {
        code: 'CX702', title: 'CSAT target beyond 100 %',
        files: withMetrics('metric sat = csat(Sv.s) target >= 120%'),
        expected: [
            "spec.cx:20:35 error CX702 Target 120 of metric 'sat' is outside the metric's range 0..100 %; choose a value inside it."
        ],
        fix: { from: '>= 120%', to: '>= 80%' }
    },
    {
        code: 'CX702', title: 'mean target outside the CES scale',
        files: withMetrics('metric effort = mean(Sv.e) target <= 9'),
        expected: [
            "spec.cx:20:38 error CX702 Target 9 of metric 'effort' is outside the metric's range 1..7; choose a value inside it."
        ],
        fix: { from: '<= 9', to: '<= 3' }
    },
    {
        code: 'CX702', title: 'NPS target below -100 points',
        files: withMetrics('metric loyalty = nps(Sv.q) target > -150'),
        expected: [
            "spec.cx:20:37 error CX702 Target -150 of metric 'loyalty' is outside the metric's range -100..100; choose a value inside it."
        ],
        fix: { from: '> -150', to: '> -10' }
    },
    {
        code: 'CX703', title: 'NPS target in %',
        files: withMetrics('metric loyalty = nps(Sv.q) target >= 30%'),
        expected: [
            "spec.cx:20:40 error CX703 Target of metric 'loyalty' is in points, not '%'; NPS is in points from -100 to 100, write `30` without %."
        ],
        fix: { from: '>= 30%', to: '>= 30' }
    },
    {
        code: 'CX703', title: 'CSAT target as a fraction without %',
        files: withMetrics('metric sat = csat(Sv.s) target >= 0.8'),
        expected: [
            "spec.cx:20:35 error CX703 Target of metric 'sat' is in %, but is written without a unit; write `80%`."
        ],
        fix: { from: '>= 0.8', to: '>= 80%' }
    },
    {
        code: 'CX703', title: 'mean target in points',
        files: withMetrics('metric effort = mean(Sv.e) target <= 3 pts'),
        expected: [
            "spec.cx:20:40 error CX703 Target of metric 'effort' is in scale units, not 'pts'; write the value in scale units, without a unit."
        ],
        fix: { from: '<= 3 pts', to: '<= 3' }
    },
    {
        code: 'CX704', title: 'warning below a minimum target',
        files: withMetrics('metric loyalty = nps(Sv.q) target >= 30 warn 20'),
        expected: [
            "spec.cx:20:46 warning CX704 Warning 20 of metric 'loyalty' must be above its target 30 so it fires before the target is missed."
        ],
        fix: { from: 'warn 20', to: 'warn 40' }
    },
    {
        code: 'CX704', title: 'warning above a maximum target',
        files: withMetrics('metric lost = churn(Customers) per month target <= 5% warn 6%'),
        expected: [
            "spec.cx:20:60 warning CX704 Warning 6 of metric 'lost' must be below its target 5 so it fires before the target is missed."
        ],
        fix: { from: 'warn 6%', to: 'warn 4%' }
    },
    {
        code: 'CX705', title: 'planned sample cannot resolve the target',
        files: withMetrics('metric loyalty = nps(Sv.q) per month target >= 30').replace('trigger after Tp', 'trigger after Tp expect 50 per month'),
        expected: [
            "spec.cx:20:48 hint CX705 With about 50 responses per month, metric 'loyalty' is known only to ±27.7 points (95%), wider than the 10 points it must resolve; plan at least 385 responses per month or widen the gap."
        ],
        fix: { from: 'expect 50 per month', to: 'expect 500 per month' }
    },
    {
        code: 'CX705', title: 'planned sample cannot resolve the warning band',
        files: withMetrics('metric sat = csat(Sv.s) per quarter target >= 80% warn 82%').replace('trigger after Tp', 'trigger after Tp expect 400 per month'),
        expected: [
            "spec.cx:20:47 hint CX705 With about 1200 responses per quarter, metric 'sat' is known only to ±2.8 percentage points (95%), wider than the 2 percentage points it must resolve; plan at least 2401 responses per quarter or widen the gap."
        ],
        fix: { from: 'warn 82%', to: 'warn 85%' }
    },
    {
        code: 'CX705', title: 'planned sample cannot resolve a target without a period breakdown',
        files: withMetrics('metric loyalty = nps(Sv.q) target >= 30').replace('trigger after Tp', 'trigger after Tp expect 50 per month'),
        expected: [
            "spec.cx:20:38 hint CX705 Metric 'loyalty' has no period breakdown, so it is scored over all the responses given; the planned 50 per month tell it only to ±27.7 points (95%) after one month, wider than the 10 points it must resolve; score it on at least 385 responses (about 8 months at that rate) or widen the gap."
        ],
        fix: { from: 'expect 50 per month', to: 'expect 400 per month' }
    },
    {
        code: 'CX705', title: 'planned sample cannot resolve a target on a question asked under a condition',
        files: withMetrics('metric effort = mean(Sv.e) per month target <= 3').replace('question e: ces {', 'question e: ces when q <= 6 {').replace('trigger after Tp', 'trigger after Tp expect 30 per month'),
        expected: [
            "spec.cx:20:48 hint CX705 With about 30 responses per month, if every respondent answers 'e' (it is asked only when q <= 6, so fewer will), metric 'effort' is known only to ±1.1 (95%), wider than the 0.3 it must resolve; plan at least 385 answers to 'e' per month or widen the gap."
        ],
        fix: { from: 'expect 30 per month', to: 'expect 400 per month' }
    },
    {
        code: 'CX706', title: 'churn of a dataset without lifecycle',
        files: withMetrics('dataset Leads { key id column opened: date column closed: date }\nmetric lost = churn(Leads)'),
        expected: [
            "spec.cx:21:21 error CX706 churn() needs the start and end date of each customer; add `lifecycle start <date column> end <date column>` to dataset 'Leads'."
        ],
        fix: { from: 'column closed: date }', to: 'column closed: date lifecycle start opened end closed }' }
    },
    {
        code: 'CX707', title: 'metric reads a whole survey',
        files: withMetrics('metric loyalty = nps(Sv)'),
        expected: [
            "spec.cx:20:22 error CX707 Metric 'loyalty' must read `Survey.question`, not 'Sv'."
        ],
        fix: { from: 'nps(Sv)', to: 'nps(Sv.q)' }
    },
    {
        code: 'CX707', title: 'mean of a text column',
        files: withMetrics('metric notes = mean(Customers.note)'),
        expected: [
            "spec.cx:20:21 error CX707 mean() of a dataset column needs a number column, and 'note' is a text column; average a number column or a rating question."
        ],
        fix: { from: 'mean(Customers.note)', to: 'mean(Customers.mrr)' }
    },
    {
        code: 'CX707', title: 'rate over survey rows tests a dataset column it does not join',
        files: withMetrics('metric pros = rate(Sv where Customers.plan = pro)'),
        expected: [
            "spec.cx:20:29 error CX707 rate(Sv where ...) counts rows of 'Sv', which do not carry 'Customers.plan'; test a field of 'Sv'."
        ],
        fix: { from: 'trigger after Tp', to: 'trigger after Tp\n    joins Customers' }
    },
    {
        code: 'CX707', title: 'CLV of a text column',
        files: withMetrics('metric value = clv(Customers.note) margin 60% discount 8%'),
        expected: [
            "spec.cx:20:30 error CX707 clv() needs a number column for the value per customer, and 'note' is not one."
        ],
        fix: { from: 'clv(Customers.note)', to: 'clv(Customers.mrr)' }
    },
    {
        code: 'CX708', title: 'as many boxes as scale points',
        files: withMetrics('metric sat = top(Sv.s, 5)'),
        expected: [
            "spec.cx:20:24 error CX708 top() counts 5 boxes of a 5-point scale; use 1 to 4."
        ],
        fix: { from: 'top(Sv.s, 5)', to: 'top(Sv.s, 3)' }
    },
    {
        code: 'CX708', title: 'zero boxes',
        files: withMetrics('metric unhappy = bottom(Sv.e, 0)'),
        expected: [
            "spec.cx:20:31 error CX708 bottom() counts 0 boxes of a 7-point scale; use 1 to 6."
        ],
        fix: { from: 'bottom(Sv.e, 0)', to: 'bottom(Sv.e, 2)' }
    },
    {
        code: 'CX710', title: 'a percentile above 100',
        files: withMetrics('metric slow = percentile(Sv.e, 120)'),
        expected: [
            "spec.cx:20:32 error CX710 percentile() takes a percentile from 0 to 100, not 120; write e.g. percentile(Sv.e, 90), or median(...) for 50."
        ],
        fix: { from: 'percentile(Sv.e, 120)', to: 'percentile(Sv.e, 90)' }
    },
    {
        code: 'CX709', title: 'CLV margin above 100 %',
        files: withMetrics('metric value = clv(Customers.mrr) margin 170% discount 8%'),
        expected: [
            "spec.cx:20:42 error CX709 CLV margin 170% is outside (0, 100] %; give the share of revenue kept as profit, e.g. `margin 30%`."
        ],
        fix: { from: 'margin 170%', to: 'margin 70%' }
    },
    {
        code: 'CX709', title: 'CLV discount rate of 100 %',
        files: withMetrics('metric value = clv(Customers.mrr) margin 60% discount 100%'),
        expected: [
            "spec.cx:20:55 error CX709 CLV discount rate 100% is outside [0, 100) %; give the yearly rate future value is discounted by, e.g. `discount 10%`."
        ],
        fix: { from: 'discount 100%', to: 'discount 10%' }
    },
    {
        code: 'CX002', title: 'duplicate column in a dataset',
        files: withMetrics('').replace('column note: text', 'column mrr: text'),
        expected: [
            "spec.cx:17:12 error CX002 Duplicate column 'mrr' in dataset 'Customers'; rename one of them."
        ],
        fix: { from: 'column mrr: text', to: 'column note: text' }
    },
    {
        code: 'CX801', title: 'driver analysis of a free-text outcome',
        files: withMetrics('drivers loyalty = Sv.why by [s, e]'),
        expected: [
            "spec.cx:20:19 error CX801 The outcome of driver analysis 'loyalty' must be a scaled question (nps, csat, ces, rating) written `Survey.question`."
        ],
        fix: { from: 'Sv.why by', to: 'Sv.q by' }
    },
    {
        code: 'CX801', title: 'free-text driver',
        files: withMetrics('drivers loyalty = Sv.q by [s, why] method correlation'),
        expected: [
            "spec.cx:20:31 error CX801 Driver 'why' is a text question; drivers are scaled ratings (csat, ces, rating, nps)."
        ],
        fix: { from: '[s, why]', to: '[s, e]' }
    },
    {
        code: 'CX802', title: 'driver listed twice',
        files: withMetrics('drivers loyalty = Sv.q by [s, s]'),
        expected: [
            "spec.cx:20:31 error CX802 Driver 's' is listed twice in 'loyalty'; remove one."
        ],
        fix: { from: '[s, s]', to: '[s, e]' }
    },
    {
        code: 'CX802', title: 'outcome listed as its own driver',
        files: withMetrics('drivers loyalty = Sv.q by [q, e] method relative_weights'),
        expected: [
            "spec.cx:20:28 error CX802 'q' is the outcome of 'loyalty' and cannot also drive it; remove it from the drivers."
        ],
        fix: { from: '[q, e]', to: '[s, e]' }
    }
];
