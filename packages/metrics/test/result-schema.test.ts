import { afterAll, describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { evaluate, RESULT_SCHEMA, type EvaluationResult } from '../src/index.js';
import { coffeeCsv } from './support/generate.js';
import { exampleModel, tempDir } from './support/files.js';

const tmp = tempDir('cx-schema-');
afterAll(() => tmp.remove());

const validate = new Ajv2020({ allErrors: true, strict: true }).compile(RESULT_SCHEMA);

function finiteEverywhere(value: unknown): boolean {
    if (typeof value === 'number') return Number.isFinite(value);
    if (Array.isArray(value)) return value.every(finiteEverywhere);
    if (value && typeof value === 'object') return Object.values(value).every(finiteEverywhere);
    return true;
}

describe('the evaluation result', () => {
    it('matches RESULT_SCHEMA, has only finite numbers and the same bytes every run', async () => {
        const model = await exampleModel('coffee-mobile-order');
        const file = tmp.write('coffee.csv', coffeeCsv(3000));
        const run = () => evaluate(model, { responses: [{ survey: 'AfterPickup', file }], datasets: [] });
        const first: EvaluationResult = await run();
        expect(validate(first), JSON.stringify(validate.errors)).toBe(true);
        expect(finiteEverywhere(first)).toBe(true);
        expect(JSON.stringify(await run())).toBe(JSON.stringify(first));
        const d = first.drivers.loyalty;
        expect(d.n).toBeGreaterThan(1500);
        expect(d.drivers.reduce((s, x) => s + x.weightPercent!, 0)).toBeCloseTo(100, 10);
        expect(d.drivers.map(x => x.rank).sort()).toEqual([1, 2, 3, 4, 5, 6]);
        expect(first.metrics.nps_all.periods.map(p => p.period)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06']);
    });

    it('matches RESULT_SCHEMA for dataset metrics and exclusions (b2b example)', async () => {
        const model = await exampleModel('b2b-saas');
        const customers = tmp.write('c.csv', 'customer_id,plan,mrr,signed_up,churned_on,region\nc1,growth,100,2025-01-01,,JP\nc2,gold,x,2025-02-01,2025-05-01,JP\n');
        const empty = (name: string) => tmp.write(name, 'respondent_id,submitted_at,customer_id\n');
        const r = await evaluate(model, {
            responses: [{ survey: 'OnboardingSurvey', file: empty('o.csv') }, { survey: 'RelationshipSurvey', file: empty('r.csv') }, { survey: 'RenewalSurvey', file: empty('n.csv') }],
            datasets: [{ dataset: 'Customers', file: customers }]
        });
        expect(validate(r), JSON.stringify(validate.errors)).toBe(true);
        expect(finiteEverywhere(r)).toBe(true);
        expect(r.summary).toEqual({ met: 0, missed: 0, inconclusive: 0, insufficient: 10, none: 0 });
    });
});
