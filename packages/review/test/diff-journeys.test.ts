/** Journeys, stages and touchpoints added, removed, moved (between stages, journeys and in order). */
import { describe, expect, it } from 'vitest';
import { diffWorkspaces } from '@cxspec/review';
import { fixtureModels, outline } from './support.js';

describe('journey changes', () => {
    it('finds every journey, stage and touchpoint change of v1 -> v2-journey', async () => {
        const result = diffWorkspaces(await fixtureModels('diff/v1'), await fixtureModels('diff/v2-journey'));
        const changes = result.specs[0].changes;
        expect(outline(changes)).toEqual([
            'cosmetic journey.title journey MobileOrder',
            'non-breaking stage.added journey MobileOrder > stage Wait',
            'non-breaking stage.moved journey MobileOrder > stage Rewards',
            'non-breaking journey.removed journey Loyalty',
            'non-breaking touchpoint.added journey MobileOrder > stage Wait > touchpoint ReadyNotice',
            'cosmetic touchpoint.title journey MobileOrder > stage Pickup > touchpoint PickupShelf',
            'non-breaking touchpoint.moved journey MobileOrder > stage Rewards > touchpoint Points',
            'non-breaking touchpoint.moved journey MobileOrder > stage Order > touchpoint MenuBrowse',
            'non-breaking question.added survey AfterPickup > question ready'
        ]);
        expect(changes.find(c => c.kind === 'stage.moved')?.message).toBe('Stage \'Rewards\' moved from journey Loyalty to journey MobileOrder.');
        expect(changes.filter(c => c.kind === 'touchpoint.moved').map(c => c.message)).toEqual([
            "Touchpoint 'Points' moved from Loyalty.Rewards to MobileOrder.Rewards.",
            "Touchpoint 'MenuBrowse' moved to position 2 in MobileOrder.Order."
        ]);
    });

    it('reports the reverse diff as removals and moves back', async () => {
        const result = diffWorkspaces(await fixtureModels('diff/v2-journey'), await fixtureModels('diff/v1'));
        expect(outline(result.specs[0].changes)).toEqual([
            'cosmetic journey.title journey MobileOrder',
            'non-breaking stage.removed journey MobileOrder > stage Wait',
            'non-breaking journey.added journey Loyalty',
            'non-breaking stage.moved journey Loyalty > stage Rewards',
            'cosmetic touchpoint.title journey MobileOrder > stage Pickup > touchpoint PickupShelf',
            'non-breaking touchpoint.moved journey Loyalty > stage Rewards > touchpoint Points',
            'non-breaking touchpoint.removed journey MobileOrder > stage Wait > touchpoint ReadyNotice',
            'non-breaking touchpoint.moved journey MobileOrder > stage Order > touchpoint Payment',
            'non-breaking question.removed survey AfterPickup > question ready'
        ]);
    });

    it('recognises a renamed touchpoint and does not report what only followed the rename', async () => {
        const [v1] = await fixtureModels('diff/v1');
        const v2 = structuredClone(v1);
        v2.journeys[0].stages[1].touchpoints[0].name = 'PickupCounter';
        v2.journeys[0].stages[1].touchpoints[0].title.en = 'Pick-up shelf counter';
        v2.surveys[0].trigger!.touchpoint = 'PickupCounter';
        v2.surveys[0].questions.find(q => q.name === 'pickup')!.about = 'PickupCounter';
        const changes = diffWorkspaces([v1], [v2]).specs[0].changes;
        expect(outline(changes)).toEqual([
            'non-breaking touchpoint.renamed journey MobileOrder > stage Pickup > touchpoint PickupCounter',
            'cosmetic touchpoint.title journey MobileOrder > stage Pickup > touchpoint PickupCounter'
        ]);
        expect(changes[0].message).toBe("Touchpoint 'PickupShelf' was renamed to 'PickupCounter'.");
        // A different channel makes it a different touchpoint.
        v2.journeys[0].stages[1].touchpoints[0].channel = 'web';
        expect(outline(diffWorkspaces([v1], [v2]).specs[0].changes)).toEqual([
            'non-breaking touchpoint.added journey MobileOrder > stage Pickup > touchpoint PickupCounter',
            'non-breaking touchpoint.removed journey MobileOrder > stage Pickup > touchpoint PickupShelf',
            'non-breaking survey.trigger survey AfterPickup',
            'non-breaking question.about survey AfterPickup > question pickup'
        ]);
    });
});
