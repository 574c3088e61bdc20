/** Metrics, targets, segments, datasets and driver analyses. */
import { describe, expect, it } from 'vitest';
import { diffWorkspaces, hasBreaking, summarizeDiff } from '@cxspec/review';
import { fixtureModels, outline } from './support.js';

describe('metric, segment, dataset and driver changes', () => {
    it('classifies every change of v1 -> v2-metrics', async () => {
        const result = diffWorkspaces(await fixtureModels('diff/v1'), await fixtureModels('diff/v2-metrics'));
        const changes = result.specs[0].changes;
        expect(outline(changes)).toEqual([
            'breaking question.removed survey AfterPickup > question pickup',
            'breaking segment.condition segment Commuter',
            'non-breaking segment.added segment Weekend',
            'cosmetic segment.title segment Gold',
            'breaking dataset.key dataset Members',
            'breaking column.type dataset Members > column tier',
            'non-breaking column.added dataset Members > column region',
            'non-breaking metric.target metric nps_all',
            'non-breaking metric.min-sample metric nps_all',
            'breaking metric.definition metric ease',
            'non-breaking metric.renamed metric member_churn',
            'non-breaking metric.breakdown metric avg_spend',
            'non-breaking metric.added metric points_mean',
            'non-breaking metric.removed metric pickup_csat',
            'non-breaking drivers.definition drivers loyalty'
        ]);
        expect(changes[0].message).toBe("Question 'pickup' was removed; it fed metric pickup_csat, drivers loyalty.");
        expect(changes[1].message).toBe("Segment 'Commuter' is now where AfterPickup.visit_reason in [commute, other] (was AfterPickup.visit_reason = commute); the breakdowns of metric nps_all are not comparable.");
        expect(changes.find(c => c.kind === 'metric.target')).toMatchObject({ before: '>= 30 pts warn 35 pts', after: '>= 35 pts warn 40 pts' });
        expect(changes.find(c => c.kind === 'metric.definition')).toMatchObject({ before: 'top(AfterPickup.menu_ease, 3)', after: 'top(AfterPickup.menu_ease, 2)' });
        expect(changes.find(c => c.kind === 'metric.renamed')).toMatchObject({ before: 'churn', after: 'member_churn' });
        expect(changes.find(c => c.kind === 'drivers.definition')?.after).toBe('AfterPickup.recommend by [menu_ease, payment, points] method relative_weights');
        expect(summarizeDiff(result)).toEqual({ 'breaking': 5, 'non-breaking': 9, 'cosmetic': 1 });
        expect(hasBreaking(result)).toBe(true);
    });

    it('reports a changed clv value period as a breaking definition change', async () => {
        const [v1] = await fixtureModels('diff/v1');
        const churn = v1.metrics.find(m => m.name === 'churn')!;
        if (churn.expr.kind !== 'churn') throw new Error('churn is not a churn metric');
        const { start, end } = churn.expr;
        v1.metrics.push({ ...churn, name: 'value', unit: 'number', range: null, target: null, expr: {
            kind: 'clv', dataset: 'Members', value: 'spend', valuePeriod: 'month', marginPercent: 60, discountPercent: 8, start, end, variant: 'simple-perpetuity'
        } });
        const v2 = structuredClone(v1);
        const value = v2.metrics.find(m => m.name === 'value')!;
        if (value.expr.kind === 'clv') value.expr.valuePeriod = 'year';
        const changes = diffWorkspaces([v1], [v2]).specs[0].changes;
        expect(outline(changes)).toEqual(['breaking metric.definition metric value']);
        expect(changes[0]).toMatchObject({
            before: 'clv(Members.spend) margin 60% discount 8%',
            after: 'clv(Members.spend per year) margin 60% discount 8%',
            message: "Metric 'value' is now clv(Members.spend per year) margin 60% discount 8% (was clv(Members.spend) margin 60% discount 8%); values before and after are not comparable."
        });
    });

    it('reports removed and added datasets, columns and specs', async () => {
        const [v1] = await fixtureModels('diff/v1');
        const v2 = structuredClone(v1);
        v2.datasets[0].columns = v2.datasets[0].columns.filter(c => c.name !== 'spend');
        v2.metrics = v2.metrics.filter(m => m.name !== 'avg_spend');
        expect(outline(diffWorkspaces([v1], [v2]).specs[0].changes)).toEqual([
            'breaking column.removed dataset Members > column spend',
            'non-breaking metric.removed metric avg_spend'
        ]);
        const other = structuredClone(v1);
        other.spec.name = 'Other';
        expect(diffWorkspaces([v1, other], [v1]).specs.map(s => outline(s.changes))).toEqual([
            [],
            ['breaking spec.removed spec Other']
        ]);
    });
});
