/** Question renames are detected as renames; a rewritten question is a removal plus an addition. */
import { describe, expect, it } from 'vitest';
import type { CxModel, Question } from '@cxspec/model';
import { diffWorkspaces, matchQuestions, questionSimilarity } from '@cxspec/review';
import { fixtureModels, outline } from './support.js';

describe('question rename detection', () => {
    it('reports two renamed questions as renames, and follows them in logic, metrics and drivers', async () => {
        const result = diffWorkspaces(await fixtureModels('diff/v1'), await fixtureModels('diff/v2-rename'));
        const changes = result.specs[0].changes;
        expect(outline(changes)).toEqual([
            'breaking question.renamed survey AfterPickup > question likely_to_recommend',
            'breaking question.renamed survey AfterPickup > question rewards_appeal',
            'non-breaking question.wording survey AfterPickup > question rewards_appeal'
        ]);
        expect(changes[0]).toMatchObject({
            before: 'recommend', after: 'likely_to_recommend', loc: { file: 'diff/v2-rename/spec.cx', line: 64 },
            message: "Question 'recommend' was renamed to 'likely_to_recommend'; responses already collected store answers under 'recommend'."
        });
        expect(changes[2]).toMatchObject({
            locale: 'en', before: 'How attractive are the points and rewards?', after: 'How appealing are the points and rewards?'
        });
    });

    it('does not take a rewritten question of another kind or wording for a rename', async () => {
        const [v1] = await fixtureModels('diff/v1');
        const v2 = structuredClone(v1) as CxModel;
        const questions = v2.surveys[0].questions;
        const comment = questions.find(q => q.name === 'comment')!;
        Object.assign(comment, { name: 'store_visit', text: { ja: '店舗には何回来ましたか?', en: 'How many times did you visit a store?' } });
        const result = diffWorkspaces([v1], [v2]);
        expect(outline(result.specs[0].changes)).toEqual([
            'non-breaking question.removed survey AfterPickup > question comment',
            'non-breaking question.added survey AfterPickup > question store_visit'
        ]);
    });

    it('pairs each old question with its most similar new one', async () => {
        const [v1] = await fixtureModels('diff/v1');
        const old = v1.surveys[0].questions;
        const byName = (name: string) => old.find(q => q.name === name)!;
        const renamed = (q: Question, name: string): Question => ({ ...q, name });
        // payment and pickup are both CSAT questions: each must find its own successor.
        const neu = old.map(q => (q.name === 'payment' ? renamed(q, 'pay_csat') : q.name === 'pickup' ? renamed(q, 'pickup_csat') : q));
        const match = matchQuestions(old, neu);
        expect(match.pairs.filter(p => p.renamed).map(p => `${p.before.name}->${p.after.name}`)).toEqual(['payment->pay_csat', 'pickup->pickup_csat']);
        expect(match.removed).toEqual([]);
        expect(match.added).toEqual([]);
        expect(questionSimilarity(byName('payment'), 0.3, byName('payment'), 0.3)).toBe(1);
        expect(questionSimilarity(byName('payment'), 0.3, byName('points'), 0.6)).toBe(0);
    });
});
