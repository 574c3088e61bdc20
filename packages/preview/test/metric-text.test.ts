import { describe, expect, it } from 'vitest';
import { loadWorkspace } from '@cxspec/language';
import { buildPreviewData, formulaText } from '@cxspec/preview';

describe('metric rows of the preview', () => {
    it('writes every kind of formula, target and breakdown as the spec does (b2b-saas example)', async () => {
        const workspace = await loadWorkspace(['examples/b2b-saas']);
        const data = buildPreviewData(workspace.model('B2bSaas'), { kind: 'metrics' });
        expect(data.metrics.map(m => [m.name, m.formula, m.target, m.warning, m.breakdown])).toEqual([
            ['onboarding_nps', 'nps(OnboardingSurvey.recommend)', '>= 30 pts', '45 pts', 'by Admins, RecentCohort per quarter'],
            ['training_csat', 'top(OnboardingSurvey.training, 2)', '>= 80%', '90%', 'per quarter'],
            ['relationship_nps', 'nps(RelationshipSurvey.recommend)', '>= 30 pts', '40 pts', 'by Enterprise, SelfServe, Overseas per quarter'],
            ['enterprise_at_risk', 'rate(RelationshipSurvey where renewal_intent in [undecided, unlikely] and Customers.plan = enterprise)', '<= 10%', null, 'per quarter'],
            ['renewal_ease', 'mean(RenewalSurvey.renewal_process)', '>= 5.5', '6', 'per year'],
            ['churn_rate', 'churn(Customers)', '<= 3%', '2%', 'by Enterprise, SelfServe per quarter'],
            ['retention_rate', 'retention(Customers)', '>= 90%', '93%', 'by Enterprise, SelfServe per year'],
            ['customer_clv', 'clv(Customers.mrr) margin 70% discount 10%', '>= 3000000', '3500000', 'by Enterprise, SelfServe'],
            ['arpa', 'mean(Customers.mrr)', '>= 80000', '90000', 'by Enterprise, SelfServe per quarter'],
            ['upper_plan_mix', 'rate(Customers where plan != starter)', '>= 40%', '45%', 'per quarter']
        ]);
    });

    it('explains each formula in English and Japanese from the metric catalog', async () => {
        const workspace = await loadWorkspace(['examples/b2b-saas']);
        const data = buildPreviewData(workspace.model('B2bSaas'), { kind: 'metrics' });
        expect(data.metrics.find(m => m.name === 'onboarding_nps')!.explanation).toEqual({
            en: 'NPS = % promoters (9-10) − % detractors (0-6), in points',
            ja: 'NPS = 推奨者 (9-10) の割合 − 批判者 (0-6) の割合 (ポイント)'
        });
        expect(data.metrics.find(m => m.name === 'churn_rate')!.explanation.en).toBe('Customers lost in the period / customers at its start, in percent');
    });

    it('writes per year in a clv of a yearly value and leaves the default month unsaid', () => {
        const clv = { kind: 'clv' as const, dataset: 'Customers', value: 'arr', marginPercent: 70, discountPercent: 10, start: 's', end: 'e', variant: 'simple-perpetuity' as const };
        expect(formulaText({ ...clv, valuePeriod: 'year' })).toBe('clv(Customers.arr per year) margin 70% discount 10%');
        expect(formulaText({ ...clv, valuePeriod: 'month' })).toBe('clv(Customers.arr) margin 70% discount 10%');
    });
});
