/** Questions moved from one survey to another are one `question.moved`, not a removal plus an addition. */
import { describe, expect, it } from 'vitest';
import type { CxModel, Survey } from '@cxspec/model';
import { diffWorkspaces } from '@cxspec/review';
import { fixtureModels, outline } from './support.js';

/** v1 with a second, empty survey, so that questions can move between two existing surveys. */
async function twoSurveys(): Promise<CxModel> {
    const [v1] = await fixtureModels('diff/v1');
    const extra: Survey = { ...structuredClone(v1.surveys[0]), name: 'AfterPayment', questions: [] };
    return { ...v1, surveys: [...v1.surveys, extra] };
}

function moveQuestion(model: CxModel, name: string, to: string, newName = name): CxModel {
    const moved = structuredClone(model);
    const from = moved.surveys.find(s => s.questions.some(q => q.name === name))!;
    const question = from.questions.find(q => q.name === name)!;
    from.questions = from.questions.filter(q => q !== question);
    moved.surveys.find(s => s.name === to)!.questions.push({ ...question, name: newName });
    return moved;
}

describe('question moves between surveys', () => {
    it('reports questions moved into a new survey as moves, breaking where a segment read one (v1 -> v2-move)', async () => {
        const result = diffWorkspaces(await fixtureModels('diff/v1'), await fixtureModels('diff/v2-move'));
        const changes = result.specs[0].changes;
        expect(outline(changes)).toEqual([
            'non-breaking survey.added survey AfterPayment',
            'breaking question.moved survey AfterPayment > question visit_reason',
            'non-breaking question.moved survey AfterPayment > question feedback',
            'non-breaking metric.breakdown metric nps_all'
        ]);
        expect(changes[1]).toMatchObject({
            before: 'AfterPickup.visit_reason', after: 'AfterPayment.visit_reason', loc: { file: 'diff/v2-move/spec.cx', line: 101 },
            message: "Question 'visit_reason' moved from survey AfterPickup to survey AfterPayment; what feeds segment Commuter now comes from another survey's respondents, so values before and after are not comparable."
        });
        expect(changes[2]).toMatchObject({
            before: 'AfterPickup.comment', after: 'AfterPayment.feedback',
            message: "Question 'comment' moved from survey AfterPickup to survey AfterPayment as 'feedback'."
        });
    });

    it('follows a move between existing surveys in metrics and drivers, and reports the moved question\'s own changes', async () => {
        const v1 = await twoSurveys();
        const v2 = moveQuestion(v1, 'pickup', 'AfterPayment');
        const metric = v2.metrics.find(m => m.name === 'pickup_csat')!;
        metric.expr = { ...metric.expr, survey: 'AfterPayment' } as typeof metric.expr;
        v2.drivers[0].drivers = ['menu_ease', 'payment', 'points'];
        const pickup = v2.surveys[1].questions[0];
        pickup.required = true;
        const result = diffWorkspaces([v1], [v2]);
        const changes = result.specs[0].changes;
        expect(outline(changes)).toEqual([
            'breaking question.moved survey AfterPayment > question pickup',
            'non-breaking question.required survey AfterPayment > question pickup',
            'non-breaking drivers.definition drivers loyalty'
        ]);
        expect(changes[0]).toMatchObject({
            before: 'AfterPickup.pickup', after: 'AfterPayment.pickup',
            message: "Question 'pickup' moved from survey AfterPickup to survey AfterPayment; what feeds metric pickup_csat, drivers loyalty now comes from another survey's respondents, so values before and after are not comparable."
        });
    });

    it('moves a question that nothing reads as non-breaking, and follows a driver analysis that moved with its questions', async () => {
        const v1 = await twoSurveys();
        expect(outline(diffWorkspaces([v1], [moveQuestion(v1, 'comment', 'AfterPayment')]).specs[0].changes)).toEqual([
            'non-breaking question.moved survey AfterPayment > question comment'
        ]);
        let v2 = v1;
        for (const q of ['recommend', 'menu_ease', 'payment', 'pickup', 'points']) v2 = moveQuestion(v2, q, 'AfterPayment');
        // What the new spec has to say after the move: every reference names the new survey.
        for (const m of v2.metrics) if ('survey' in m.expr && m.expr.survey === 'AfterPickup') m.expr = { ...m.expr, survey: 'AfterPayment' };
        v2.drivers[0].survey = 'AfterPayment';
        const reason = v2.surveys[0].questions.find(q => q.name === 'reason')!;
        if (reason.visibleWhen?.type === 'compare' && reason.visibleWhen.field.source === 'question') reason.visibleWhen.field.survey = 'AfterPayment';
        expect(outline(diffWorkspaces([v1], [v2]).specs[0].changes)).toEqual([
            'breaking question.moved survey AfterPayment > question recommend',
            'breaking question.moved survey AfterPayment > question menu_ease',
            'breaking question.moved survey AfterPayment > question payment',
            'breaking question.moved survey AfterPayment > question pickup',
            'breaking question.moved survey AfterPayment > question points'
        ]);
    });

    it('does not take a different question that reuses an id, or a similar one under a new id, for a move', async () => {
        const v1 = await twoSurveys();
        const reused = moveQuestion(v1, 'comment', 'AfterPayment');
        reused.surveys[1].questions[0].text = { ja: 'お支払い方法は何でしたか?', en: 'How did you pay?' };
        expect(outline(diffWorkspaces([v1], [reused]).specs[0].changes)).toEqual([
            'non-breaking question.removed survey AfterPickup > question comment',
            'non-breaking question.added survey AfterPayment > question comment'
        ]);
        const similar = moveQuestion(v1, 'comment', 'AfterPayment', 'remarks');
        similar.surveys[1].questions[0].text = { ja: 'その他ご意見があればお聞かせください。', en: 'Anything else you would like to tell us today?' };
        expect(outline(diffWorkspaces([v1], [similar]).specs[0].changes)).toEqual([
            'non-breaking question.removed survey AfterPickup > question comment',
            'non-breaking question.added survey AfterPayment > question remarks'
        ]);
    });
});
