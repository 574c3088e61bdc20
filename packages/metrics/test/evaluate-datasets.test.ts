/**
 * Dataset metrics and joins on examples/b2b-saas with a ten-customer CRM file worked by hand.
 * As of 2025-12-31 (the latest lifecycle date), the latest complete quarter is 2025-Q4.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CxModel } from '@cxspec/model';
import { evaluate, type EvaluationResult } from '../src/index.js';
import { csv, exampleModel, tempDir } from './support/files.js';

const tmp = tempDir('cx-eval-ds-');
afterAll(() => tmp.remove());

const CUSTOMERS = [
    ['customer_id', 'plan', 'mrr', 'signed_up', 'churned_on', 'region'],
    ['c0', 'growth', 60000, '2024-06-01', '', 'JP'],
    ['c9', 'starter', 30000, '2024-03-01', '2025-06-15', 'JP'],
    ['c1', 'starter', 50000, '2025-01-10', '2025-05-01', 'JP'],
    ['c2', 'growth', 100000, '2025-02-01', '', 'SG'],
    ['c3', 'enterprise', 300000, '2025-03-15', '2025-08-20', 'JP'],
    ['c4', 'enterprise', 250000, '2025-04-05', '', 'JP'],
    ['c5', 'growth', 80000, '2025-07-01', '2025-09-30', 'US'],
    ['c6', 'starter', 40000, '2025-09-10', '', 'JP'],
    ['c7', 'growth', 120000, '2025-10-01', '', 'JP'],
    ['c8', 'enterprise', 400000, '2025-12-31', '', 'JP']
];

let model: CxModel;
let result: EvaluationResult;
let files: { onboarding: string; relationship: string; renewal: string; customers: string };

beforeAll(async () => {
    model = await exampleModel('b2b-saas');
    files = {
        customers: tmp.write('customers.csv', csv(CUSTOMERS)),
        onboarding: tmp.write('onboarding.csv', csv([
            ['respondent_id', 'submitted_at', 'customer_id', 'role', 'recommend', 'blockers'],
            ['o1', '2026-01-10T00:00:00Z', 'c8', 'admin', 9, 'integrations;user_training'],
            ['o2', '2026-01-11T00:00:00Z', 'c2', 'manager', 3, '']
        ])),
        relationship: tmp.write('relationship.csv', csv([
            ['respondent_id', 'submitted_at', 'customer_id', 'recommend', 'renewal_intent'],
            ['q1', '2025-11-01T00:00:00Z', 'c4', 10, 'unlikely'],
            ['q2', '2025-11-02T00:00:00Z', 'c2', 5, 'undecided'],
            ['q3', '2025-11-03T00:00:00Z', 'c99', 9, 'certain'],
            ['q4', '2025-11-04T00:00:00Z', '', 8, 'unlikely']
        ])),
        renewal: tmp.write('renewal.csv', csv([['respondent_id', 'submitted_at', 'customer_id', 'renewal_process']]))
    };
    result = await evaluate(model, {
        responses: [
            { survey: 'OnboardingSurvey', file: files.onboarding },
            { survey: 'RelationshipSurvey', file: files.relationship },
            { survey: 'RenewalSurvey', file: files.renewal }
        ],
        datasets: [{ dataset: 'Customers', file: files.customers }]
    });
});

describe('churn and retention from lifecycle dates', () => {
    it('churn per quarter: lost during the quarter over those active at its start', () => {
        const m = result.metrics.churn_rate;
        // 2024-Q2: c9 only; from 2024-Q3 also c0. 2025-Q2: active at Apr 1 = c0 c9 c1 c2 c3, lost c1 c9.
        // 2025-Q3: c0 c2 c3 c4, lost c3. 2025-Q4: c0 c2 c4 c6, none lost.
        expect(m.periods.map(p => [p.period, p.value, p.n])).toEqual([
            ['2024-Q1', null, 0], ['2024-Q2', 0, 1], ['2024-Q3', 0, 2], ['2024-Q4', 0, 2], ['2025-Q1', 0, 2],
            ['2025-Q2', 40, 5], ['2025-Q3', 25, 4], ['2025-Q4', 0, 4]
        ]);
        expect([m.value, m.n, m.details]).toEqual([0, 4, { customersAtStart: 4, lost: 0, added: 2, customersAtEnd: 6 }]);
        expect(m.formula).toContain('headline: 2025-Q4, the latest complete quarter as of 2025-12-31');
        // Segments read the dataset's own columns: Enterprise active at Oct 1 = c4; starter/growth = c0 c2 c6.
        expect(m.segments.map(s => [s.segment, s.value, s.n])).toEqual([['Enterprise', 0, 1], ['SelfServe', 0, 3]]);
    });

    it('retention CRR = (E − N)/S over the latest complete year', () => {
        const m = result.metrics.retention_rate;
        // 2025: S = c0 c9; E = c0 c2 c4 c6 c7 c8; N = c2 c4 c6 c7 c8 (acquired, still active) → (6 − 5)/2.
        expect([m.value, m.n, m.details]).toEqual([50, 2, { customersAtStart: 2, lost: 1, added: 5, customersAtEnd: 6 }]);
        expect(m.verdict).toBe('insufficient');
    });

    it('CLV simple perpetuity from the annual margin and retention', () => {
        const m = result.metrics.customer_clv;
        // Active on 2025-12-31: c0 c2 c4 c6 c7 c8, mean MRR 970000/6; m = 12 × that × 70%; r = 0.5, d = 0.1.
        const margin = 12 * (970000 / 6) * 0.7;
        expect(m.value).toBeCloseTo(margin * 0.5 / (1.1 - 0.5), 6);
        expect(m.details.annualMargin).toBeCloseTo(margin, 6);
        expect(m.details.retention).toBe(0.5);
        expect(m.formula).toBe('CLV simple perpetuity m·r/(1 + d − r): m = 12 × mean monthly Customers.mrr of active customers × 70% margin, r = annual retention CRR (2025), d = 10%');
        expect(m.ci![0]).toBeLessThan(m.value!);
        expect(m.ci![1]).toBeGreaterThan(m.value!);
    });

    it('CLV of a yearly value column (per year) is not multiplied by 12: ARR = 12 × MRR gives the same CLV', async () => {
        // The same customers with an arr column of 12 × their MRR, read by `clv(Customers.arr per year)`.
        const yearlyModel = structuredClone(model);
        const customers = yearlyModel.datasets.find(d => d.name === 'Customers')!;
        const mrr = customers.columns.find(c => c.name === 'mrr')!;
        customers.columns.push({ ...mrr, name: 'arr' });
        const monthly = yearlyModel.metrics.find(m => m.name === 'customer_clv')!;
        if (monthly.expr.kind !== 'clv') throw new Error('customer_clv is not a clv metric');
        yearlyModel.metrics = [monthly, { ...monthly, name: 'customer_clv_yearly', expr: { ...monthly.expr, value: 'arr', valuePeriod: 'year' } }];
        const rows = CUSTOMERS.map((row, i) => [...row, i === 0 ? 'arr' : 12 * (row[2] as number)]);
        const yearly = await evaluate(yearlyModel, { responses: [], datasets: [{ dataset: 'Customers', file: tmp.write('customers-arr.csv', csv(rows)) }] });
        const [a, b] = [yearly.metrics.customer_clv, yearly.metrics.customer_clv_yearly];
        // Active on 2025-12-31: mean ARR 12 × 970000/6 = 1940000; m = 1940000 × 70% = 1358000; r = 0.5, d = 0.1.
        expect(b.details.meanValue).toBe(1940000);
        expect(b.details.annualMargin).toBeCloseTo(1358000, 6);
        expect(b.value).toBeCloseTo(1358000 * 0.5 / (1.1 - 0.5), 6);
        expect(b.value).toBeCloseTo(a.value!, 6);
        expect(b.ci![0]).toBeCloseTo(a.ci![0], 6);
        expect(b.ci![1]).toBeCloseTo(a.ci![1], 6);
        expect([b.n, b.details.retention, b.details.customers]).toEqual([a.n, a.details.retention, a.details.customers]);
        expect(b.formula).toBe('CLV simple perpetuity m·r/(1 + d − r): m = mean yearly Customers.arr of active customers × 70% margin, r = annual retention CRR (2025), d = 10%');
    });

    it('means and rates over active customers, per quarter end', () => {
        expect(result.metrics.arpa.value).toBeCloseTo(970000 / 6, 9);
        expect(result.metrics.upper_plan_mix.value).toBeCloseTo(500 / 6, 12);
        expect(result.metrics.upper_plan_mix.n).toBe(6);
        // Active on Sep 30 (end of Q3): c0 c2 c4 c6 → mean MRR 112500.
        expect(result.metrics.arpa.periods.find(p => p.period === '2025-Q3')!.value).toBe(112500);
    });
});

describe('responses joined to the dataset', () => {
    it('segments responses by joined columns; unknown and missing keys are left out of segments only', () => {
        const m = result.metrics.relationship_nps;
        expect([m.value, m.n]).toEqual([25, 4]);
        expect(m.segments.map(s => [s.segment, s.value, s.n])).toEqual([['Enterprise', 100, 1], ['SelfServe', -100, 1], ['Overseas', -100, 1]]);
        expect(result.input.exclusions.filter(x => x.file === files.relationship).map(x => [x.reason, x.column, x.rows, x.message])).toEqual([
            ['missing_key', 'customer_id', [4], 'row has no customer_id; it is left out of metrics and segments that read Customers'],
            ['unknown_key', 'customer_id', [3], `customer_id 'c99' is not in ${files.customers}; the row is left out of metrics and segments that read Customers`]
        ]);
    });

    it('rates with a joined condition use three-valued logic', () => {
        // q1 true; q2 false (growth); q3 false (certain, whatever the plan); q4 unknown (no customer).
        const m = result.metrics.enterprise_at_risk;
        expect(m.n).toBe(3);
        expect(m.value).toBeCloseTo(100 / 3, 12);
    });

    it('compares date columns with date literals', () => {
        // RecentCohort: signed_up >= 2025-04-01 → o1 (c8) only; Admins → o1.
        expect(result.metrics.onboarding_nps.segments.map(s => [s.segment, s.value, s.n])).toEqual([['Admins', 100, 1], ['RecentCohort', 100, 1]]);
    });
});

describe('dataset checks', () => {
    it('logs bad dataset values and repeated keys, and needs the file when a metric reads it', async () => {
        const bad = tmp.write('bad-customers.csv', csv([...CUSTOMERS, ['c2', 'growth', 1, '2025-01-01', '', 'JP'], ['c10', 'gold', 'abc', '2025-13-01', '', 'JP'], ['', 'growth', 1, '2025-01-01', '', 'JP']]));
        const r = await evaluate(model, {
            responses: [{ survey: 'OnboardingSurvey', file: files.onboarding }, { survey: 'RelationshipSurvey', file: files.relationship }, { survey: 'RenewalSurvey', file: files.renewal }],
            datasets: [{ dataset: 'Customers', file: bad }]
        });
        expect(r.input.exclusions.filter(x => x.file === bad).map(x => [x.reason, x.column, x.rows])).toEqual([
            ['duplicate_id', 'customer_id', [11]],
            ['wrong_type', 'mrr', [12]],
            ['wrong_type', 'signed_up', [12]],
            ['unknown_value', 'plan', [12]],
            ['missing_key', 'customer_id', [13]]
        ]);
        // c10's start date is invalid: churn cannot place it in time and says so.
        expect(r.metrics.churn_rate.formula).toMatch(/; 1 customer\(s\) without a valid signed_up date are not counted$/);
        expect(result.metrics.churn_rate.formula).not.toContain('without a valid');
        await expect(evaluate(model, { responses: [{ survey: 'OnboardingSurvey', file: files.onboarding }, { survey: 'RelationshipSurvey', file: files.relationship }, { survey: 'RenewalSurvey', file: files.renewal }], datasets: [] }))
            .rejects.toThrow('metric onboarding_nps reads dataset Customers; pass --dataset Customers=<file>');
    });
});
