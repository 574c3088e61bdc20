/** Survey and question changes: wording per locale, scale, options, logic, required, order. */
import { describe, expect, it } from 'vitest';
import { diffWorkspaces, type Change } from '@cxspec/review';
import { fixtureModels, outline } from './support.js';

describe('survey and question changes', () => {
    it('classifies every survey change of v1 -> v2-survey', async () => {
        const result = diffWorkspaces(await fixtureModels('diff/v1'), await fixtureModels('diff/v2-survey'));
        const changes = result.specs[0].changes;
        expect(outline(changes)).toEqual([
            'cosmetic survey.title survey AfterPickup',
            'non-breaking survey.trigger survey AfterPickup',
            'non-breaking question.removed survey AfterPickup > question comment',
            'non-breaking question.added survey AfterPickup > question ready_on_arrival',
            'non-breaking question.moved survey AfterPickup > question menu_ease',
            'breaking question.wording survey AfterPickup > question recommend',
            'cosmetic question.wording survey AfterPickup > question reason',
            'non-breaking question.logic survey AfterPickup > question reason',
            'non-breaking question.required survey AfterPickup > question payment',
            'breaking question.scale survey AfterPickup > question points',
            'breaking question.options survey AfterPickup > question visit_reason',
            'non-breaking question.option-labels survey AfterPickup > question visit_reason'
        ]);
        const find = (kind: Change['kind'], subject: string) => changes.find(c => c.kind === kind && c.subject.endsWith(subject))!;
        expect(find('question.wording', 'recommend')).toMatchObject({
            locale: 'en',
            before: 'How likely are you to recommend mobile order to a friend or colleague?',
            after: 'How likely are you to recommend mobile order to a friend?',
            message: "Question 'recommend' was reworded in 'en'; a reworded NPS question is not comparable with earlier NPS."
        });
        expect(find('question.wording', 'reason')).toMatchObject({ locale: 'ja', message: "Question 'reason' changed punctuation or spacing in 'ja'." });
        expect(find('question.scale', 'points')).toMatchObject({ before: '1..5', after: '1..7' });
        expect(find('question.options', 'visit_reason')).toMatchObject({
            before: 'commute, weekend, other', after: 'commute, weekend, travel, other',
            message: "Question 'visit_reason' added option(s) travel; the answer set is no longer comparable."
        });
        expect(find('question.logic', 'reason')).toMatchObject({ before: 'recommend <= 6', after: 'recommend <= 8' });
        expect(find('question.moved', 'menu_ease')).toMatchObject({ before: '3', after: '4' });
        expect(find('survey.trigger', 'AfterPickup').after).toBe('after MobileOrder.Pickup.PickupShelf delay 2h sample 25% quarantine 30d');
    });

    it('finds nothing between a spec and itself, for the fixtures and every example', async () => {
        for (const folder of ['diff/v1', '../../../../examples']) {
            const models = await fixtureModels(folder);
            const result = diffWorkspaces(models, await fixtureModels(folder));
            expect(result.specs.map(s => [s.spec, s.changes.length])).toEqual(models.map(m => [m.spec.name, 0]).sort());
        }
    });

    it('marks a changed question kind and changed matrix items as breaking', async () => {
        const [v1] = await fixtureModels('diff/v1');
        const v2 = structuredClone(v1);
        const points = v2.surveys[0].questions.find(q => q.name === 'points')!;
        points.kind = 'csat';
        const result = diffWorkspaces([v1], [v2]);
        expect(outline(result.specs[0].changes)).toEqual(['breaking question.kind survey AfterPickup > question points']);
        const v3 = structuredClone(v1);
        const matrix = v3.surveys[0].questions.find(q => q.name === 'points')!;
        matrix.kind = 'matrix';
        matrix.items = [{ id: 'speed', label: { ja: '速さ', en: 'Speed' } }];
        const v4 = structuredClone(v3);
        v4.surveys[0].questions.find(q => q.name === 'points')!.items.push({ id: 'taste', label: { ja: '味', en: 'Taste' } });
        expect(outline(diffWorkspaces([v3], [v4]).specs[0].changes)).toEqual(['breaking question.items survey AfterPickup > question points']);
    });

    it('marks rewording the default text of a question a metric, segment or driver analysis reads as breaking, whatever its kind', async () => {
        const [v1] = await fixtureModels('diff/v1');
        const v2 = structuredClone(v1);
        const reword = (name: string, ja: string) => { v2.surveys[0].questions.find(q => q.name === name)!.text.ja = ja; };
        reword('menu_ease', 'アプリで注文するのは簡単でしたか?');
        reword('payment', 'お支払いの手続きはいかがでしたか?');
        reword('points', 'ポイントや特典に満足していますか?');
        reword('visit_reason', '今回はどのような目的でご利用になりましたか?');
        reword('comment', 'ほかに伝えたいことはありますか?');
        const changes = diffWorkspaces([v1], [v2]).specs[0].changes;
        expect(outline(changes)).toEqual([
            'breaking question.wording survey AfterPickup > question menu_ease',
            'breaking question.wording survey AfterPickup > question payment',
            'breaking question.wording survey AfterPickup > question points',
            'breaking question.wording survey AfterPickup > question visit_reason',
            'non-breaking question.wording survey AfterPickup > question comment'
        ]);
        expect(changes.map(c => c.message)).toEqual([
            "Question 'menu_ease' was reworded in 'ja'; it feeds metric ease, drivers loyalty, and answers to the new wording are not comparable with earlier ones.",
            "Question 'payment' was reworded in 'ja'; it feeds drivers loyalty, and answers to the new wording are not comparable with earlier ones.",
            "Question 'points' was reworded in 'ja'; it feeds drivers loyalty, and answers to the new wording are not comparable with earlier ones.",
            "Question 'visit_reason' was reworded in 'ja'; it feeds segment Commuter, and answers to the new wording are not comparable with earlier ones.",
            "Question 'comment' was reworded in 'ja'."
        ]);
    });

    it('keeps rewording a question nothing reads, a translation, or punctuation as before', async () => {
        const [v1] = await fixtureModels('diff/v1');
        v1.drivers = [];
        v1.metrics = v1.metrics.filter(m => m.name !== 'pickup_csat');
        const v2 = structuredClone(v1);
        const question = (name: string) => v2.surveys[0].questions.find(q => q.name === name)!;
        question('pickup').text.ja = '受け取りはスムーズでしたか?';
        question('payment').text.en = 'How satisfied are you with paying in our app?';
        const v3 = structuredClone(await fixtureModels('diff/v1'))[0];
        v3.surveys[0].questions.find(q => q.name === 'payment')!.text.ja = 'お支払いの手続きには、どの程度満足していますか';
        expect(outline(diffWorkspaces([v1], [v2]).specs[0].changes)).toEqual([
            'non-breaking question.wording survey AfterPickup > question payment',
            'non-breaking question.wording survey AfterPickup > question pickup'
        ]);
        expect(outline(diffWorkspaces(await fixtureModels('diff/v1'), [v3]).specs[0].changes)).toEqual([
            'cosmetic question.wording survey AfterPickup > question payment'
        ]);
    });
});
